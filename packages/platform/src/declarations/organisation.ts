import { z } from "zod";
import { didYouMean } from "../problems/suggest.ts";
import { governanceSchema } from "./governance.ts";
import { exportSettings } from "./export.ts";

const accountId = z.string().regex(/^\d{12}$/, "an AWS account id is exactly 12 digits, e.g. \"123456789012\"");
const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, 'use an AWS region code such as "ap-northeast-1"');
const IAM_ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/[\w+=,.@/-]+$/;
const IAM_USER_ARN = /^arn:aws:iam::(\d{12}):user\/[\w+=,.@/-]+$/;
const roleArn = z.string().regex(IAM_ROLE_ARN, 'use an IAM role ARN such as "arn:aws:iam::123456789012:role/baikal-deploy"');
const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, "IAM names use letters, digits and +=,.@_-, up to 64 characters");

const environment = z.strictObject({
  accountId,
  region,
  /** The role CI assumes to plan and apply; it is always a Lake Formation admin. */
  deployRoleArn: roleArn,
  /** More Lake Formation admins, e.g. a break-glass role. @default [] */
  lakeFormationAdmins: z.array(roleArn).optional(),
  /** Where Terraform keeps state for real (non-offline) runs: one key per stack, locked with an S3 lock file. */
  state: z.strictObject({
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "use a valid S3 bucket name"),
    /** @default - the environment's region */
    region: region.optional(),
  }),
});
export type EnvironmentDeclaration = z.infer<typeof environment>;

const perEnvironment = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

const principal = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("iam-role"),
      /** A role of this name in each environment's own account. */
      name: iamName.optional(),
      /** Or the exact role per environment, e.g. in another account. */
      arns: perEnvironment(z.string().regex(IAM_ROLE_ARN, "use an IAM role ARN")).optional(),
    })
    .refine((p) => (p.name === undefined) !== (p.arns === undefined), "give either name or arns, not both and not neither"),
  z
    .strictObject({
      kind: z.literal("iam-user"),
      name: iamName.optional(),
      arns: perEnvironment(z.string().regex(IAM_USER_ARN, "use an IAM user ARN")).optional(),
    })
    .refine((p) => (p.name === undefined) !== (p.arns === undefined), "give either name or arns, not both and not neither"),
  z.strictObject({
    kind: z.literal("quicksight-group"),
    group: z.string().regex(/^[\w+=,.@-]{1,128}$/, "use the QuickSight group name"),
    /** @default "default" */
    namespace: z.string().optional(),
    /** The region of the QuickSight account's identity store. @default - the environment's region */
    identityRegion: region.optional(),
  }),
  z.strictObject({
    kind: z.literal("external-account"),
    /** The consumer account, per environment. */
    accountIds: perEnvironment(accountId),
    /**
     * Principals (logical names, IAM roles or users in the consumer account) that the consumer stack grants what
     * this account receives. @default [] - the consumer account's own admins re-grant by hand
     */
    grantees: z.array(z.string()).optional(),
  }),
]);
export type PrincipalDeclaration = z.infer<typeof principal>;

export const organisationSchema = z
  .strictObject({
    /** Short lower-case name; it prefixes every bucket, so keep it unique to your company. */
    name: z.string().regex(/^[a-z][a-z0-9-]{1,19}$/, "use 2-20 lower-case letters, digits or -, starting with a letter"),
    environments: z.record(z.string().regex(/^[a-z][a-z0-9]{1,15}$/, "name environments with lower-case letters and digits"), environment),
    /** Logical names domains grant to; never raw ARNs in a domain. */
    principals: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, "use lower-case letters, digits, _ and -"), principal).optional(),
    lake: z
      .strictObject({
        /** @default 30 */
        queryResultsRetentionDays: z.number().int().positive().optional(),
        /** @default 90 */
        noncurrentVersionRetentionDays: z.number().int().positive().optional(),
        /** @default 400 */
        accessLogRetentionDays: z.number().int().positive().optional(),
      })
      .optional(),
    athena: z
      .strictObject({
        /** Per-query scan limit of every workgroup unless raised for it. @default 107374182400 (100 GiB) */
        scanLimitBytes: z.number().int().min(10485760, "Athena's smallest per-query limit is 10485760 bytes (10 MiB)").optional(),
        /** @default "Athena engine version 3" */
        engineVersion: z.string().optional(),
        /** Per-workgroup scan limits that differ from scanLimitBytes, by workgroup name. @default {} */
        workgroupScanLimitBytes: z
          .record(z.string(), z.number().int().min(10485760, "Athena's smallest per-query limit is 10485760 bytes (10 MiB)"))
          .optional(),
      })
      .optional(),
    costMonitor: z
      .strictObject({
        /** Secrets Manager secret holding the Slack webhook URL; Terraform creates it, its value is set by hand. */
        slackWebhookSecretName: z.string().min(1),
        /** A query costing more than this is announced in Slack. @default 1 */
        alertThresholdUsd: z.number().positive().optional(),
        /** Per-workgroup overrides of the threshold. @default {} */
        workgroupThresholdsUsd: z.record(z.string(), z.number().positive()).optional(),
        /** @default 5 */
        pricePerTerabyteUsd: z.number().positive().optional(),
        /**
         * Principals of kind "quicksight-group" who get the cost report in QuickSight: a SPICE dataset per cost view,
         * refreshed daily, and the Lake Formation grants to read it. @default - no cost datasets
         */
        quicksightReaders: z.array(z.string()).min(1, "name at least one quicksight-group principal, or leave quicksightReaders out").optional(),
        /**
         * Executions reserved for each cost-monitor function, e.g. { event: 5, sweep: 1, transformAlerts: 2 }. A
         * reservation guarantees capacity and caps it, but Lambda keeps 100 executions of the account unreserved, so
         * an account whose concurrency quota is still 10 (new accounts) rejects any reservation.
         * @default - none: the functions share the account's unreserved pool
         */
        reservedConcurrency: z
          .strictObject({
            /** Prices finished queries; bursts of queries finishing together run this many at once. */
            event: z.number().int().min(1).optional(),
            /** The sweep; 1 keeps sweeps from overlapping, which would only repeat each other's work. */
            sweep: z.number().int().min(1).optional(),
            /** Posts failed transforms and alarms; 2 stays under Slack's one post a second. */
            transformAlerts: z.number().int().min(1).optional(),
          })
          .optional(),
      })
      .optional(),
    /**
     * How each consumer account (an account a grant reaches, with a `consumer-<account>-<env>` stack) receives the
     * Lake Formation shares, by account id. Lake Formation shares through AWS RAM: within one AWS Organization with
     * RAM sharing enabled nothing needs accepting (`sameOrganization: true`); otherwise the consumer account must
     * accept the share's invitation, which the consumer stack does given `ramShareArn` (the share exists once the
     * producer's stacks are applied: `aws ram get-resource-share-invitations` in the consumer account lists it).
     * @default {} - a consumer stack's plan fails, saying what to declare, until its account is here
     */
    crossAccountSharing: z
      .record(
        accountId,
        z.union([
          z.strictObject({ sameOrganization: z.literal(true) }),
          z.strictObject({
            ramShareArn: z
              .string()
              .regex(/^arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share\/[0-9a-f-]{36}$/, 'use the share\'s ARN, "arn:aws:ram:<region>:<producer account>:resource-share/<id>"'),
          }),
        ]),
      )
      .optional(),
    /** LF-tags and who may read personal data. @default - no tags of its own; nobody may be granted pii */
    governance: governanceSchema.optional(),
    /**
     * GitHub teams or users who own the platform (packages/, baikal.config.ts, CI); `baikal codeowners` writes
     * them into .github/CODEOWNERS. @default [] - platform paths get no owner line
     */
    platformOwners: z
      .array(z.string().regex(/^@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/, 'use a GitHub handle such as "@newsly/data-platform"'))
      .optional(),
    /** What domains' exports may do, e.g. `{ piiDestinations: ["salesforce"] }`. @default - no personal data to any destination */
    exports: exportSettings.optional(),
    /** What BI tools need: QuickSight's service role and data source owners, the role Redash assumes. @default - none */
    bi: z
      .strictObject({
        quicksight: z
          .strictObject({
            /** The role QuickSight runs Athena as. @default "aws-quicksight-service-role-v0" */
            serviceRoleName: z.string().min(1).optional(),
            /** A quicksight-group principal that owns each environment's Athena data source. @default - none */
            owners: z.string().optional(),
          })
          .optional(),
        redash: z
          .strictObject({
            /** The IAM role or user the Redash deployment runs as; it assumes the role of the `redash` principal. */
            trustedPrincipalArn: z.string().regex(/^arn:aws:(iam|sts)::\d{12}:\S+$/, 'use an IAM ARN such as "arn:aws:iam::123456789012:role/redash"'),
          })
          .optional(),
      })
      .optional(),
  })
  .superRefine((org, ctx) => {
    const environments = Object.keys(org.environments);
    if (environments.length === 0) {
      ctx.addIssue({ code: "custom", path: ["environments"], message: 'declare at least one environment, e.g. "staging" and "production"' });
    }
    const accounts = new Map<string, string>();
    for (const [name, env] of Object.entries(org.environments)) {
      const other = accounts.get(env.accountId);
      if (other) {
        ctx.addIssue({
          code: "custom",
          path: ["environments", name, "accountId"],
          message: `account ${env.accountId} is also environment "${other}"; each environment needs its own AWS account`,
        });
      }
      accounts.set(env.accountId, name);
      [env.deployRoleArn, ...(env.lakeFormationAdmins ?? [])].forEach((arn, index) => {
        const account = IAM_ROLE_ARN.exec(arn)?.[1];
        // A malformed account id has its own problem; comparing against it would only add noise.
        if (account && /^\d{12}$/.test(env.accountId) && account !== env.accountId) {
          ctx.addIssue({
            code: "custom",
            path: ["environments", name, ...(index === 0 ? ["deployRoleArn"] : ["lakeFormationAdmins", index - 1])],
            message: `${arn} is in account ${account}, but environment "${name}" is account ${env.accountId}; Lake Formation admins must be in the environment's own account`,
          });
        }
      });
    }
    for (const [principalName, p] of Object.entries(org.principals ?? {})) {
      const perEnv = "arns" in p ? p.arns : "accountIds" in p ? p.accountIds : undefined;
      if (!perEnv) continue;
      const field = "accountIds" in p ? "accountIds" : "arns";
      for (const env of Object.keys(perEnv)) {
        if (!environments.includes(env)) {
          ctx.addIssue({
            code: "custom",
            path: ["principals", principalName, field, env],
            message: `unknown environment "${env}"${didYouMean(env, environments)} (environments: ${environments.join(", ")})`,
          });
        }
      }
      for (const env of environments) {
        if (!(env in perEnv)) {
          ctx.addIssue({
            code: "custom",
            path: ["principals", principalName, field],
            message: `no value for environment "${env}"; give one for every environment (${environments.join(", ")})`,
          });
        }
      }
    }
  });

export type OrganisationDeclaration = z.infer<typeof organisationSchema>;
export type OrganisationInput = z.input<typeof organisationSchema>;

export { defineOrganisation, isDefinedOrganisation, type DefinedOrganisation } from "./define.ts";
