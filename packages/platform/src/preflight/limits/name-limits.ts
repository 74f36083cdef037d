import type { OrganisationDeclaration } from "../../declarations/organisation.ts";
import { type BucketPurpose, bucketName } from "../../naming/names.ts";
import type { Problem } from "../../problems/problem.ts";
import { awsLimit, limitMessages } from "./aws-limits.ts";

const PURPOSES: readonly BucketPurpose[] = ["raw", "curated", "query-results", "access-logs"];

/**
 * Names AWS limits that Baikal derives from declared names: the buckets, `<org>-<environment>-<purpose>-<account>`,
 * at most 63 characters, reported at the environment (its name and the organisation's are what to shorten).
 */
export function nameLimits(org: OrganisationDeclaration, configFile: string): Problem[] {
  const max = awsLimit("s3-bucket-name").max!;
  return Object.keys(org.environments).flatMap((env) => {
    const longest = PURPOSES.map((p) => bucketName(org, env, p)).sort((a, b) => b.length - a.length)[0]!;
    return longest.length > max ? [{ source: configFile, path: ["environments", env], message: limitMessages.bucketName(longest, longest.length) }] : [];
  });
}
