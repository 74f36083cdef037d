/**
 * Statements every Baikal key policy is built from. None gives the account `kms:*`: the account may administer a
 * key through IAM (so it can never lock itself out), but may use it only through the AWS services the key is for
 * (`kms:ViaService`), and service principals get exactly the operations their documentation lists, each limited
 * to this account's resources. A direct `kms:Decrypt` call with stolen credentials is refused by the key itself.
 */
import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";

/**
 * What administering a key takes without using it: the "key administrators" statement of the KMS console's
 * default key policy (KMS Developer Guide, "Default key policy"). `kms:Put*` keeps the policy changeable, so the
 * account can always repair it; `kms:Create*` lets IAM decide who creates grants.
 */
export const KEY_ADMINISTRATION_ACTIONS = [
  "kms:CancelKeyDeletion",
  "kms:Create*",
  "kms:Delete*",
  "kms:Describe*",
  "kms:Disable*",
  "kms:Enable*",
  "kms:Get*",
  "kms:List*",
  "kms:Put*",
  "kms:Revoke*",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:Update*",
];

/** The cryptographic operations an AWS service performs with a key on a caller's behalf. */
export const KEY_USE_ACTIONS = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"];

const accountRoot = (accountId: string) => [{ type: "AWS", identifiers: [`arn:aws:iam::${accountId}:root`] }];

/** The account administers the key through IAM; nobody uses it through this statement. */
export function administeredByTheAccount(accountId: string): DataAwsIamPolicyDocumentStatement {
  return { sid: "AccountAdministersTheKeyThroughIam", principals: accountRoot(accountId), actions: KEY_ADMINISTRATION_ACTIONS, resources: ["*"] };
}

/**
 * Principals of the account whose IAM policies allow it may use the key, but only through these services of the
 * key's region (`s3`, `sqs`, ...): `kms:ViaService` is `<service>.<region>.amazonaws.com`.
 */
export function usedByTheAccountThrough(sid: string, accountId: string, region: string, services: readonly string[]): DataAwsIamPolicyDocumentStatement {
  return {
    sid,
    principals: accountRoot(accountId),
    actions: KEY_USE_ACTIONS,
    resources: ["*"],
    condition: [
      { test: "StringEquals", variable: "kms:ViaService", values: services.map((s) => `${s}.${region}.amazonaws.com`) },
      { test: "StringEquals", variable: "kms:CallerAccount", values: [accountId] },
    ],
  };
}
