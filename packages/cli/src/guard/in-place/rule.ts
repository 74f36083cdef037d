import { isReference } from "../data-bearing.ts";
import type { ChangeKind } from "../finding.ts";
import type { PolicyStatement } from "./policy-statements.ts";

export type Body = Readonly<Record<string, unknown>>;

/** One resource at the same address in base and head, from the synthesized configurations or a saved plan. */
export interface ResourceSides {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly before: Body;
  readonly after: Body;
  /** The statements a `policy` attribute stands for on one side; undefined when they are only known at apply time. */
  readonly statements: (side: "before" | "after", policy: unknown) => readonly PolicyStatement[] | undefined;
  /**
   * Whether a value that cannot be known yet is reported (comparing configurations: the plan may be missing) or
   * left alone (reading a plan: the configurations were compared already).
   */
  readonly reportUnknown: boolean;
}

/** What one rule finds about one resource; the caller adds the stack, the address and the allow hint. */
export interface InPlaceProblem {
  readonly change: ChangeKind;
  readonly what: string;
  /** How to fix it, without the allow hint. */
  readonly fix: string;
}

/** One pure check of a class of in-place changes, for the resource types it names. */
export interface InPlaceRule {
  readonly id: string;
  readonly types: readonly string[];
  check(sides: ResourceSides): InPlaceProblem[];
}

/**
 * A nested block: cdktf writes single blocks as objects (`storage_descriptor: {...}`), `terraform show -json`
 * always as lists (`storage_descriptor: [{...}]`).
 */
export function block(value: unknown): Body | undefined {
  if (Array.isArray(value)) return value[0] as Body | undefined;
  return typeof value === "object" && value !== null ? (value as Body) : undefined;
}

/** A repeated block or list, in either shape. */
export function blocks(value: unknown): Body[] {
  if (Array.isArray(value)) return value as Body[];
  return typeof value === "object" && value !== null ? [value as Body] : [];
}

/** A value both sides know (no reference, nothing computed at apply time). */
export const known = (value: unknown): boolean => !isReference(value);

export const show = (value: unknown): string => (value === undefined || value === null ? "unset" : JSON.stringify(value));

export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Strings of a list attribute; undefined when it is not a list of known strings. */
export function knownStrings(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && known(v))) return undefined;
  return value as string[];
}
