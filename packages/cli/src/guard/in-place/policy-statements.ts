import { isReference } from "../data-bearing.ts";
import type { StackJson } from "../synthesize-ref.ts";
import { type Body, blocks } from "./rule.ts";

/** An IAM policy statement, reduced to what the guard's rules ask of it. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** NotAction: the statement covers every action but `actions`. */
  readonly notActions: boolean;
  /** AWS principals (ARNs or account ids), `*`, or `<type>:<id>` for services and federated principals. */
  readonly principals: readonly string[];
  readonly resources: readonly string[];
  /** Has a Condition: it may not apply, so it neither grants nor denies for certain. */
  readonly conditional: boolean;
}

const strings = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** Statements of a policy in IAM's JSON; undefined when the text is not a policy. */
export function statementsFromJson(text: string): PolicyStatement[] | undefined {
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(text) as { Statement?: unknown };
  } catch {
    return undefined;
  }
  if (typeof policy !== "object" || policy === null) return undefined;
  return blocks(policy.Statement).map((s) => {
    const principal = s.Principal;
    const principals =
      principal === "*"
        ? ["*"]
        : Object.entries((principal ?? {}) as Record<string, unknown>).flatMap(([type, ids]) => strings(ids).map((id) => (type === "AWS" ? id : `${type}:${id}`)));
    return {
      sid: typeof s.Sid === "string" ? s.Sid : undefined,
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      actions: strings(s.NotAction ?? s.Action),
      notActions: s.NotAction !== undefined,
      principals,
      resources: strings(s.Resource),
      conditional: s.Condition !== undefined,
    };
  });
}

const DOCUMENT_REFERENCE = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/;

function statementFromDocument(s: Body): PolicyStatement {
  const principals = blocks(s.principals).flatMap((p) => strings(p.identifiers).map((id) => (p.type === "AWS" || id === "*" ? id : `${String(p.type)}:${id}`)));
  const notActions = s.not_actions !== undefined;
  return {
    sid: typeof s.sid === "string" ? s.sid : undefined,
    effect: s.effect === "Deny" ? "Deny" : "Allow",
    actions: strings(notActions ? s.not_actions : s.actions),
    notActions,
    principals,
    resources: strings(s.resources),
    conditional: blocks(s.condition).length > 0,
  };
}

/** Later statements replace earlier ones with the same sid, as the data source merges source and override documents. */
function merge(base: PolicyStatement[], over: PolicyStatement[]): PolicyStatement[] {
  const sids = new Set(over.map((s) => s.sid).filter(Boolean));
  return [...base.filter((s) => !s.sid || !sids.has(s.sid)), ...over];
}

/** Statements of a document reference, or of the documents it builds on; undefined when any part is unknown. */
function documentStatements(value: unknown, stack: StackJson, seen: ReadonlySet<string> = new Set()): PolicyStatement[] | undefined {
  if (typeof value !== "string") return undefined;
  const name = DOCUMENT_REFERENCE.exec(value)?.[1];
  if (name === undefined) return isReference(value) ? undefined : statementsFromJson(value);
  const documents = (stack.data as Record<string, Record<string, Body>> | undefined)?.aws_iam_policy_document;
  const document = documents?.[name];
  if (!document || seen.has(name)) return undefined;
  const inner = new Set([...seen, name]);
  const listed = (attribute: unknown): PolicyStatement[] | undefined => {
    const parts = strings(attribute).map((ref) => documentStatements(ref, stack, inner));
    return parts.some((p) => p === undefined) ? undefined : parts.flat() as PolicyStatement[];
  };
  const sources = listed(document.source_policy_documents);
  const overrides = listed(document.override_policy_documents);
  if (!sources || !overrides) return undefined;
  return merge(merge(sources, blocks(document.statement).map(statementFromDocument)), overrides);
}

/**
 * The statements a `policy` attribute stands for in a stack's configuration: a reference to an
 * `aws_iam_policy_document` of the same stack (with its source and override documents), or literal JSON.
 */
export const policyStatements = (value: unknown, stack: StackJson | undefined): PolicyStatement[] | undefined =>
  stack ? documentStatements(value, stack) : undefined;

/** The statements of a `policy` attribute in a saved plan, where Terraform has already rendered it to JSON. */
export const plannedStatements = (value: unknown): PolicyStatement[] | undefined =>
  typeof value === "string" && !isReference(value) ? statementsFromJson(value) : undefined;
