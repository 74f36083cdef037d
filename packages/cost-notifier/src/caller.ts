import { type CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { describeError, type Logger } from "./log.ts";

/** Who ran a query, from the CloudTrail `StartQueryExecution` event (Athena's own event has no identity). */
export interface Caller {
  readonly arn: string | null;
  readonly type: string | null;
  readonly principalId: string | null;
  readonly accountId: string | null;
  /** Short, human name for Slack: `Role/session`, `user`, or the ARN. */
  readonly displayName: string;
}

/** CloudTrail `eventTime` and Athena's `SubmissionDateTime` are both server clocks; minutes of slack is plenty. */
const WINDOW_BEFORE_MS = 5 * 60_000;
const WINDOW_AFTER_MS = 5 * 60_000;
/** LookupEvents allows 2 requests/s per account and region; a busy account gets a bounded search, not a stall. */
const MAX_PAGES = 10;

/**
 * Finds the caller of a query, or null. CloudTrail usually lags minutes behind Athena's event, so "not found"
 * is normal and every failure here degrades to null instead of failing the record.
 */
export async function lookupCaller(
  cloudTrail: CloudTrailClient,
  queryExecutionId: string,
  submittedAt: Date | undefined,
  log: Logger,
): Promise<Caller | null> {
  if (!submittedAt) return null;
  try {
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const response = await cloudTrail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartQueryExecution" }],
          StartTime: new Date(submittedAt.getTime() - WINDOW_BEFORE_MS),
          EndTime: new Date(submittedAt.getTime() + WINDOW_AFTER_MS),
          MaxResults: 50,
          NextToken: nextToken,
        }),
      );
      for (const event of response.Events ?? []) {
        const caller = callerFromCloudTrailEvent(event.CloudTrailEvent, queryExecutionId);
        if (caller) return caller;
      }
      nextToken = response.NextToken;
      if (!nextToken) break;
    }
    log("info", "caller not found in CloudTrail yet", { queryExecutionId });
    return null;
  } catch (error) {
    log("warn", "CloudTrail lookup failed; recording caller as null", { queryExecutionId, ...describeError(error) });
    return null;
  }
}

/** Parses one CloudTrail record (a JSON string) and returns its caller if it started `queryExecutionId`. */
export function callerFromCloudTrailEvent(raw: string | undefined, queryExecutionId: string): Caller | null {
  if (!raw) return null;
  let record: CloudTrailRecord;
  try {
    record = JSON.parse(raw) as CloudTrailRecord;
  } catch {
    return null;
  }
  if (record.responseElements?.queryExecutionId !== queryExecutionId) return null;
  const identity = record.userIdentity ?? {};
  const arn = identity.arn ?? null;
  return {
    arn,
    type: identity.type ?? null,
    principalId: identity.principalId ?? null,
    accountId: identity.accountId ?? null,
    displayName: displayName(arn, identity.userName ?? identity.principalId ?? identity.type ?? "unknown"),
  };
}

interface CloudTrailRecord {
  readonly responseElements?: { readonly queryExecutionId?: string } | null;
  readonly userIdentity?: {
    readonly type?: string;
    readonly principalId?: string;
    readonly arn?: string;
    readonly accountId?: string;
    readonly userName?: string;
  };
}

/** `arn:aws:sts::1:assumed-role/Analyst/jane` → `Analyst/jane`; `arn:aws:iam::1:user/ops/bob` → `bob`. */
export function displayName(arn: string | null, fallback: string): string {
  if (!arn) return fallback;
  const resource = arn.split(":").slice(5).join(":");
  if (resource === "root") return "root";
  const assumed = /^assumed-role\/(.+)$/.exec(resource);
  if (assumed?.[1]) return assumed[1];
  const user = /^user\/(?:.*\/)?([^/]+)$/.exec(resource);
  if (user?.[1]) return user[1];
  return arn;
}
