import { isDeepStrictEqual } from "node:util";
import { type Body, block, blocks, type InPlaceProblem, type InPlaceRule, known, show } from "./rule.ts";

/** SQS keeps a message four days unless told otherwise. */
const SQS_DEFAULT_RETENTION_SECONDS = 345_600;

/** Days a log group keeps events; unset or 0 is forever. */
const logDays = (value: unknown) => (value === undefined || value === null || value === 0 ? Number.POSITIVE_INFINITY : Number(value));
const forever = (days: number) => (days === Number.POSITIVE_INFINITY ? "forever" : `${days} days`);

function logGroup(before: Body, after: Body): InPlaceProblem[] {
  if (!known(before.retention_in_days) || !known(after.retention_in_days)) return [];
  const old = logDays(before.retention_in_days);
  const now = logDays(after.retention_in_days);
  if (now >= old) return [];
  return [
    {
      change: "retention",
      what: `log retention shortens from ${forever(old)} to ${now} days: log events older than ${now} days are deleted`,
      fix: `keep retention_in_days at ${old === Number.POSITIVE_INFINITY ? "0 (forever)" : old}`,
    },
  ];
}

function queue(before: Body, after: Body): InPlaceProblem[] {
  if (!known(before.message_retention_seconds) || !known(after.message_retention_seconds)) return [];
  const old = Number(before.message_retention_seconds ?? SQS_DEFAULT_RETENTION_SECONDS);
  const now = Number(after.message_retention_seconds ?? SQS_DEFAULT_RETENTION_SECONDS);
  if (now >= old) return [];
  return [
    {
      change: "retention",
      what: `message retention shortens from ${old} to ${now} seconds: messages waiting longer than that are deleted`,
      fix: `keep message_retention_seconds at ${old}`,
    },
  ];
}

interface Expiry {
  readonly filter: unknown;
  /** Days after which current objects expire; 0 when they expire on a fixed date. */
  readonly current?: number;
  readonly noncurrent?: number;
}

function expiries(lifecycle: Body): Map<string, Expiry> {
  const rules = new Map<string, Expiry>();
  for (const rule of blocks(lifecycle.rule)) {
    if (rule.status !== "Enabled" || typeof rule.id !== "string") continue;
    const expiration = block(rule.expiration);
    const current = expiration?.days !== undefined && expiration.days !== null ? Number(expiration.days) : expiration?.date ? 0 : undefined;
    const noncurrent = block(rule.noncurrent_version_expiration)?.noncurrent_days;
    rules.set(rule.id, { filter: rule.filter ?? rule.prefix, current, noncurrent: noncurrent === undefined || noncurrent === null ? undefined : Number(noncurrent) });
  }
  return rules;
}

/** A rule that starts deleting objects, deletes them sooner, or widens what it deletes. */
function lifecycle(before: Body, after: Body): InPlaceProblem[] {
  if (!known(before.rule) || !known(after.rule)) return [];
  const old = expiries(before);
  const changes: string[] = [];
  for (const [id, rule] of expiries(after)) {
    const was = old.get(id);
    for (const [field, what] of [
      ["current", "current objects"],
      ["noncurrent", "noncurrent versions"],
    ] as const) {
      const days = rule[field];
      if (days === undefined) continue;
      const previous = was?.[field];
      const when = days === 0 ? "on a fixed date" : `after ${days} days`;
      if (previous === undefined) changes.push(`rule "${id}" now deletes ${what} ${when}`);
      else if (days < previous) changes.push(`rule "${id}" deletes ${what} ${when} instead of after ${previous} days`);
    }
    const expires = rule.current !== undefined || rule.noncurrent !== undefined;
    if (was && expires && !isDeepStrictEqual(was.filter, rule.filter)) changes.push(`rule "${id}"'s filter changes from ${show(was.filter)} to ${show(rule.filter)}`);
  }
  if (changes.length === 0) return [];
  return [
    {
      change: "retention",
      what: `the bucket's lifecycle deletes more: ${changes.join(", ")}`,
      fix: "keep the lifecycle's expirations as they were (the lake's retention settings in baikal.config.ts)",
    },
  ];
}

/** Retention shortened in place: log groups, queues and bucket lifecycles delete what they kept. */
export const retentionRule: InPlaceRule = {
  id: "retention",
  types: ["aws_cloudwatch_log_group", "aws_sqs_queue", "aws_s3_bucket_lifecycle_configuration"],
  check({ type, before, after }) {
    if (type === "aws_cloudwatch_log_group") return logGroup(before, after);
    if (type === "aws_sqs_queue") return queue(before, after);
    return lifecycle(before, after);
  },
};
