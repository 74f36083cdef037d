/**
 * Every IAM policy a stack holds, read as AWS will evaluate it: the statements of each
 * `data.aws_iam_policy_document` (how Baikal writes all of them), with references resolved, and what uses it: a
 * role's inline policy, a trust policy, a key, bucket, queue, topic or secret policy.
 */
import { referencesIn, resolveString } from "./references.ts";
import { type Address, type Block, dataSourcesOf, everyBlock, formatAddress, type SynthesizedStack } from "./synthesized-stack.ts";

export type PolicyKind = "identity" | "trust" | "key" | "bucket" | "queue" | "topic" | "secret" | "unattached";

/** Which attribute of which resource type takes which kind of policy. */
const USES: Record<string, Record<string, PolicyKind>> = {
  aws_iam_role_policy: { policy: "identity" },
  aws_iam_policy: { policy: "identity" },
  aws_iam_role: { assume_role_policy: "trust" },
  aws_kms_key: { policy: "key" },
  aws_s3_bucket_policy: { policy: "bucket" },
  aws_sqs_queue_policy: { policy: "queue" },
  aws_sns_topic_policy: { policy: "topic" },
  aws_secretsmanager_secret_policy: { policy: "secret" },
};

export interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

export interface Principal {
  readonly type: string;
  readonly identifiers: readonly string[];
}

export interface Statement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly Principal[];
  readonly conditions: readonly Condition[];
  /** References in the statement that could not be resolved offline. */
  readonly unresolved: readonly string[];
}

export interface PolicyDocument {
  /** The `data.aws_iam_policy_document` that holds it. */
  readonly address: Address;
  readonly kind: PolicyKind;
  /** The resources whose attribute takes the document. */
  readonly usedBy: readonly Address[];
  /** For identity and trust policies: the role, by its name in AWS (a role Baikal does not create keeps its literal name). */
  readonly roleName?: string;
  /** For identity and trust policies of a role in this stack: its address. */
  readonly role?: Address;
  readonly statements: readonly Statement[];
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const blocks = (value: unknown): Block[] => (Array.isArray(value) ? (value as Block[]) : value && typeof value === "object" ? [value as Block] : []);

function readStatement(stack: SynthesizedStack, block: Block): Statement {
  const unresolved: string[] = [];
  const resolve = (values: string[]) =>
    values.map((v) => {
      const r = resolveString(stack, v);
      unresolved.push(...r.unresolved);
      return r.value;
    });
  return {
    ...(typeof block.sid === "string" ? { sid: block.sid } : {}),
    effect: block.effect === "Deny" ? "Deny" : "Allow",
    actions: list(block.actions),
    notActions: list(block.not_actions),
    resources: resolve(list(block.resources)),
    notResources: resolve(list(block.not_resources)),
    principals: blocks(block.principals).map((p) => ({ type: String(p.type), identifiers: resolve(list(p.identifiers)) })),
    conditions: blocks(block.condition).map((c) => ({ test: String(c.test), variable: String(c.variable), values: resolve(list(c.values)) })),
    unresolved,
  };
}

/**
 * Policy attributes that hold something other than a policy document's `.json` (literal JSON, `jsonencode`): the
 * checks cannot read those, and say so. Baikal writes none.
 */
export function unreadPolicies(stack: SynthesizedStack): { readonly where: Address; readonly attribute: string }[] {
  const out: { where: Address; attribute: string }[] = [];
  for (const [address, block] of everyBlock(stack)) {
    for (const attribute of Object.keys(USES[address.type] ?? {})) {
      const value = block[attribute];
      if (address.data || value === undefined) continue;
      if (typeof value !== "string" || !referencesIn(value).some((r) => r.data && r.type === "aws_iam_policy_document")) out.push({ where: address, attribute });
    }
  }
  return out;
}

/** Every policy document of the stack with its uses and statements. */
export function policiesOf(stack: SynthesizedStack): PolicyDocument[] {
  const uses = new Map<string, { kind: PolicyKind; by: Address; block: Block }[]>();
  for (const [address, block] of everyBlock(stack)) {
    const attributes = USES[address.type];
    if (!attributes || address.data) continue;
    for (const [attribute, kind] of Object.entries(attributes)) {
      const value = block[attribute];
      if (typeof value !== "string") continue;
      for (const ref of referencesIn(value)) {
        if (ref.data && ref.type === "aws_iam_policy_document") uses.set(ref.name, [...(uses.get(ref.name) ?? []), { kind, by: address, block }]);
      }
    }
  }
  return dataSourcesOf(stack, "aws_iam_policy_document").map(([name, block]): PolicyDocument => {
    const used = uses.get(name) ?? [];
    const first = used[0];
    let roleName: string | undefined;
    let role: Address | undefined;
    if (first?.kind === "trust") {
      role = first.by;
      roleName = typeof first.block.name === "string" ? first.block.name : undefined;
    } else if (first?.kind === "identity" && typeof first.block.role === "string") {
      const ref = referencesIn(first.block.role).find((r) => r.type === "aws_iam_role");
      if (ref) {
        role = { type: ref.type, name: ref.name };
        const roleBlock = stack.json.resource?.aws_iam_role?.[ref.name];
        roleName = typeof roleBlock?.name === "string" ? roleBlock.name : undefined;
      } else {
        roleName = resolveString(stack, first.block.role).value;
      }
    }
    return {
      address: { type: "aws_iam_policy_document", name, data: true },
      kind: first?.kind ?? "unattached",
      usedBy: used.map((u) => u.by),
      ...(roleName !== undefined ? { roleName } : {}),
      ...(role ? { role } : {}),
      statements: blocks(block.statement).map((s) => readStatement(stack, s)),
    };
  });
}

/** `data.aws_iam_policy_document.x (statement 2, "Sid")`, for messages. */
export const statementPlace = (policy: PolicyDocument, index: number, statement: Statement) =>
  `${formatAddress(policy.address)} statement ${index}${statement.sid ? ` "${statement.sid}"` : ""}`;
