import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";
import { environment, lakeLocationRoleArn, lakeWriterRoleArnPattern } from "../naming/names.ts";

/** The S3 actions that read an object's data or metadata; the guard denies all of them. */
export const OBJECT_READ_ACTIONS = ["s3:GetObject*"];

/**
 * Who may read objects of the raw and curated buckets at all: the Lake Formation location role (whose sessions are
 * the credentials Lake Formation vends to Athena), the lake writers (`<org>-lake-writer-*`, each confined to its own
 * prefix by its IAM policy), and the environment's break-glass admins (`lakeFormationAdmins` in config; the deploy
 * role is not among them: Terraform never reads objects).
 */
export function lakeReaderArns(org: OrganisationDeclaration, env: string): string[] {
  return [lakeLocationRoleArn(org, env), lakeWriterRoleArnPattern(org, env), ...(environment(org, env).lakeFormationAdmins ?? [])];
}

/**
 * A bucket policy statement that denies every object read by anyone else, whatever their IAM policies allow (an
 * admin role with `s3:*`, a QuickSight service role given the bucket in QuickSight's settings, a stray grant).
 * `aws:PrincipalArn` is the role's ARN for any of its sessions, so the vended credentials match the location role.
 * Service principals have no `aws:PrincipalArn`: a negated operator on a missing key is true, so they are denied
 * reads too. That is intended: AppFlow and S3 log delivery only write, and no AWS service reads the lake for Baikal.
 */
export function lakeReadGuardStatement(org: OrganisationDeclaration, env: string, bucketArn: string): DataAwsIamPolicyDocumentStatement {
  return {
    sid: "DenyObjectReadsOutsideLakeFormation",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions: OBJECT_READ_ACTIONS,
    resources: [`${bucketArn}/*`],
    condition: [{ test: "ArnNotLike", variable: "aws:PrincipalArn", values: lakeReaderArns(org, env) }],
  };
}
