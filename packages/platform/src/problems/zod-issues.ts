import type { z } from "zod";
import type { Problem } from "./problem.ts";
import { didYouMean } from "./suggest.ts";

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

/**
 * The one place zod's issues become sentences for people: what was given, what is allowed, how to fix.
 * Custom messages written next to a rule pass through untouched.
 */
export const declarationErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "unrecognized_keys": {
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      const allowed = Object.keys(shape ?? {});
      return issue.keys
        .map((key) => `unknown key "${key}"${didYouMean(key, allowed)}${allowed.length ? ` (allowed: ${allowed.join(", ")})` : ""}`)
        .join("; ");
    }
    case "invalid_type":
      if (issue.input === undefined) return `required, but missing (expected ${issue.expected === "tuple" ? "a list of two values" : issue.expected})`;
      return `expected ${issue.expected === "tuple" ? "a list of two values" : issue.expected}, got ${describeValue(issue.input)}`;
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      if (issue.input === undefined) return `required, but missing (use ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(", ")}`})`;
      const given = typeof issue.input === "string" ? didYouMean(issue.input, issue.values.map(String)) : "";
      return `${describeValue(issue.input)} is not allowed${given}; use ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(", ")}`}`;
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        const given = typeof issue.input === "object" && issue.input ? (issue.input as Record<string, unknown>)[(issue as { discriminator?: string }).discriminator ?? ""] : undefined;
        return `${describeValue(given)} is not allowed${typeof given === "string" ? didYouMean(given, options.map(String)) : ""}; use one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
};

/** zod issues as Problems of one source file; an unknown key gets its own path so it can be located. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], source: string, prefix: readonly (string | number)[] = []): Problem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === "unrecognized_keys" && issue.keys.length > 1) {
      return issue.message.split("; ").map((message, i) => ({ source, path: [...path, issue.keys[i]!], message }));
    }
    return [{ source, path: issue.code === "unrecognized_keys" ? [...path, issue.keys[0]!] : path, message: issue.message }];
  });
}
