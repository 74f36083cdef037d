import { parseReference } from "../stack/references.ts";
import { type Block, resourcesOf, type SynthesizedStack } from "../stack/synthesized-stack.ts";
import type { RuleViolation } from "./rule.ts";

/**
 * Whether a value names a key by its key ARN: a literal `arn:aws:kms:<region>:<account>:key/<id>`, or a reference to
 * a key's `arn`, a data source's `arn`, or an alias data source's `target_key_arn`. Alias names, alias ARNs and bare
 * key ids are not.
 */
export function isKeyArn(value: unknown): boolean {
  if (typeof value !== "string") return false;
  if (/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(value)) return true;
  const m = /^\$\{([^{}]+)\}$/.exec(value);
  const ref = m ? parseReference(m[1]!) : undefined;
  if (!ref) return false;
  if (!ref.data && ref.type === "aws_kms_key" && ref.attribute === "arn") return true;
  return ref.data === true && ((ref.type === "aws_kms_alias" && ref.attribute === "target_key_arn") || (ref.type === "aws_kms_key" && ref.attribute === "arn"));
}

/** A nested block's value by path, cdktf writing nested blocks as objects or one-element lists. */
export function valueAt(block: Block, path: readonly string[]): unknown {
  let current: unknown = block;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!current || typeof current !== "object") return undefined;
    current = (current as Block)[key];
  }
  return Array.isArray(current) && current.length === 1 && typeof current[0] === "object" ? current[0] : current;
}

/** Every address a resource waits for, directly or through what it waits for. */
export function dependsOnClosure(stack: SynthesizedStack, address: string): Set<string> {
  const seen = new Set<string>();
  const queue = [address];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const [type, name] = current.split(".") as [string, string];
    const block = stack.json.resource?.[type]?.[name];
    for (const d of (block?.depends_on as string[] | undefined) ?? []) {
      if (!seen.has(d)) {
        seen.add(d);
        queue.push(d);
      }
    }
  }
  return seen;
}

/** AWS-managed keys, which no policy of the organisation can narrow or extend. */
const AWS_MANAGED = /^(alias\/aws\/|arn:aws[a-z-]*:kms:[^:]*:[^:]*:alias\/aws\/)/;

/** A violation per resource of the type for which `problem` says something. */
export function everyResource(stack: SynthesizedStack, type: string, problem: (block: Block) => string | undefined): RuleViolation[] {
  return resourcesOf(stack, type).flatMap(([name, block]) => {
    const message = problem(block);
    return message ? [{ where: `${type}.${name}`, message }] : [];
  });
}

/** What is wrong with a key setting: none, or an AWS-managed key. */
export const customerKey = (value: unknown, what: string) =>
  value === undefined ? `${what} has no customer-managed key` : typeof value === "string" && AWS_MANAGED.test(value) ? `${what} uses the AWS-managed key ${value}` : undefined;
