import { isDeepStrictEqual } from "node:util";
import type { StackJson, Stacks } from "./synthesize-ref.ts";

/** How a stack's synthesized configuration differs between base and head. */
export interface AffectedStacks {
  /** In both, with a different configuration: plan these. */
  readonly changed: readonly string[];
  /** Only in the head: plan these too. */
  readonly added: readonly string[];
  /** Only in the base: nothing to plan, but their resources would be orphaned (the guard reports data loss). */
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * The configuration without cdktf's "//" metadata (construct paths, cdktf version), which does not reach
 * Terraform. Asset paths need no scrubbing: cdktf names them by a hash of their content, so they change
 * exactly when the code does.
 */
export function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, inner]) => [key, withoutMetadata(inner)]),
  );
}

const same = (a: StackJson, b: StackJson) => isDeepStrictEqual(withoutMetadata(a), withoutMetadata(b));

/** Compares per stack: a platform change reaches every stack whose configuration it changes, a view change only its own. */
export function affectedStacks(before: Stacks, after: Stacks): AffectedStacks {
  const changed: string[] = [];
  const added: string[] = [];
  const unchanged: string[] = [];
  for (const [stack, json] of after) {
    const old = before.get(stack);
    if (!old) added.push(stack);
    else if (same(old, json)) unchanged.push(stack);
    else changed.push(stack);
  }
  const removed = [...before.keys()].filter((stack) => !after.has(stack));
  return { changed, added, removed, unchanged };
}

/** The stacks to plan: changed and added, in the head's order. */
export const toPlan = (affected: AffectedStacks): string[] => [...affected.changed, ...affected.added];
