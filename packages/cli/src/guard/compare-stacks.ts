import { isDeepStrictEqual } from "node:util";
import { DATA_BEARING, type DataBearingType, dataBearing, isReference } from "./data-bearing.ts";
import { allowHint as allowEntryHint, type Finding } from "./finding.ts";
import { hasInPlaceRule, inPlaceFindings } from "./in-place/in-place-findings.ts";
import { policyStatements } from "./in-place/policy-statements.ts";
import { ingestionMoves } from "./ingestion-moves.ts";
import type { StackJson, Stacks } from "./synthesize-ref.ts";

const show = (value: unknown) => (value === undefined ? "unset" : JSON.stringify(value));
const allowHint = (stack: string, address: string) => `if the data may really go, ${allowEntryHint(stack, address)}`;

/** Literal values of the identifying attributes; undefined when a reference makes them unknowable. */
function identityOf(kind: DataBearingType, body: Record<string, unknown>): string | undefined {
  if (!kind.identity) return undefined;
  const values = kind.identity.map((attr) => body[attr]);
  return values.some(isReference) || values.every((v) => v === undefined) ? undefined : JSON.stringify(values);
}

/** Data-bearing resources of `type` in `stack` that `other` does not have at the same address. */
function newcomers(stack: StackJson | undefined, other: StackJson | undefined, type: string): [string, Record<string, unknown>][] {
  return Object.entries(stack?.resource?.[type] ?? {}).filter(([name, body]) => !other?.resource?.[type]?.[name] && dataBearing(type, body));
}

/** The address a resource appears to have moved to, in its own stack or another one. */
function findRename(
  stack: string,
  type: string,
  body: Record<string, unknown>,
  before: Stacks,
  after: Stacks,
): { stack: string; address: string } | undefined {
  const kind = DATA_BEARING[type]!;
  const identity = identityOf(kind, body);
  const own = newcomers(after.get(stack), before.get(stack), type);
  if (identity === undefined) {
    // No name to go by (a KMS key): the only new resource of the type in the same stack is the rename.
    return !kind.identity && own.length === 1 ? { stack, address: `${type}.${own[0]![0]}` } : undefined;
  }
  for (const [name, candidate] of own) if (identityOf(kind, candidate) === identity) return { stack, address: `${type}.${name}` };
  for (const [other, json] of after) {
    if (other === stack) continue;
    for (const [name, candidate] of newcomers(json, before.get(other), type)) {
      if (identityOf(kind, candidate) === identity) return { stack: other, address: `${type}.${name}` };
    }
  }
  return undefined;
}

/** Changes in place of a resource that keeps its address (and, when it holds data, is not replaced). */
function inPlace(stack: string, type: string, address: string, body: Record<string, unknown>, now: Record<string, unknown>, before: Stacks, after: Stacks): Finding[] {
  if (!hasInPlaceRule(type)) return [];
  return inPlaceFindings({
    stack,
    address,
    type,
    before: body,
    after: now,
    statements: (side, policy) => policyStatements(policy, (side === "before" ? before : after).get(stack)),
    reportUnknown: true,
  });
}

/** A data-bearing resource destroyed, replaced or moved without a moved block. */
function lostResource(stack: string, type: string, kind: DataBearingType, address: string, body: Record<string, unknown>, before: Stacks, after: Stacks): Finding | undefined {
  const head = after.get(stack);
  const now = head?.resource?.[type]?.[address.slice(type.length + 1)];
  if (now) {
    // References (`${...}`) are only known at plan time; the plan check covers them.
    const changed = kind.forceNew.filter((a) => !isReference(body[a]) && !isReference(now[a]) && !isDeepStrictEqual(body[a], now[a]));
    if (changed.length === 0) return undefined;
    const what = changed.map((a) => `${a} changes from ${show(body[a])} to ${show(now[a])}`).join(", ");
    return {
      stack,
      address,
      kind: "replace",
      what: `replaced: ${what}, which Terraform cannot change in place, so it destroys ${kind.loses} and creates an empty one`,
      fix: `keep ${changed.join(" and ")} as before; ${allowHint(stack, address)}`,
    };
  }
  if (head?.moved?.some((m) => m.from === address)) return undefined; // renamed with a moved block
  const rename = findRename(stack, type, body, before, after);
  if (rename && rename.stack === stack) {
    return {
      stack,
      address,
      kind: "move",
      to: rename.address,
      what: `moves to ${rename.address} (a construct id changed), so Terraform destroys ${kind.loses} and creates an empty one at the new address`,
      fix: `add a moved block (moved { from = ${address}, to = ${rename.address} }): in cdktf, call moveFromId("${address}") on the new resource, or moveTo on the old one`,
    };
  }
  if (rename) {
    return {
      stack,
      address,
      kind: "move",
      to: `${rename.stack} ${rename.address}`,
      what: `moves to stack ${rename.stack} as ${rename.address}, so Terraform destroys ${kind.loses} here and creates an empty one there (state cannot move between stacks with a moved block)`,
      fix: `keep it in ${stack}, or move its state by hand (terraform state rm here, terraform import there) and ${allowEntryHint(stack, address)}`,
    };
  }
  return {
    stack,
    address,
    kind: "destroy",
    what: head
      ? `destroyed: it is no longer declared, so Terraform destroys ${kind.loses}`
      : `destroyed: stack ${stack} is no longer synthesized, so ${kind.loses} would be orphaned, or destroyed with the stack`,
    fix: `declare it again; ${allowHint(stack, address)}`,
  };
}

function compareResource(stack: string, type: string, name: string, body: Record<string, unknown>, before: Stacks, after: Stacks): Finding[] {
  const address = `${type}.${name}`;
  const kind = dataBearing(type, body);
  const lost = kind ? lostResource(stack, type, kind, address, body, before, after) : undefined;
  if (lost) return [lost];
  const now = after.get(stack)?.resource?.[type]?.[name];
  return now ? inPlace(stack, type, address, body, now, before, after) : [];
}

/**
 * Every data-bearing resource of the base that the head destroys, replaces or moves without a moved block, and
 * every change in place that orphans or corrupts stored data or weakens its protection.
 */
export function compareStacks(before: Stacks, after: Stacks): Finding[] {
  const findings: Finding[] = [];
  for (const [stack, json] of before) {
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [name, body] of Object.entries(byName)) findings.push(...compareResource(stack, type, name, body, before, after));
    }
  }
  return ingestionMoves(before, after, findings);
}
