import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestionLocation } from "../src/declarations/ingestion.ts";
import { tableLocation } from "../src/declarations/table.ts";
import { costMonitorNames } from "../src/cost-monitor/cost-monitor-names.ts";
import { queryLogPrefix } from "../src/cost-monitor/query-log-table.ts";
import { appflowRawPrefixes } from "../src/ingestion/ingestion-tables.ts";
import { snapshotExportNames } from "../src/ingestion/ingestion-names.ts";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { bucketName, environment, lakeKeyAlias, lakeLocationRoleName, lakeWriterRolePrefix } from "../src/naming/names.ts";
import { transformNames } from "../src/transforms/transform-names.ts";
import { everyFeatureProject, synthesizeAll } from "./every-feature-support.ts";
import { iamPolicyOf, type LakeReadRules, lakeReadViolations, type ObjectPrefix, type StackJson } from "./lake-reads-support.ts";

const REPOSITORY = resolve(fileURLToPath(import.meta.url), "../../../..");

/**
 * Who may read lake objects, from the declarations: the Lake Formation location role and the break-glass admins
 * everything; each transform's run role its target's prefix; each RDS export's role its prefix of the raw zone; the
 * cost monitor's two writers the query log; AppFlow its flows' prefixes.
 */
function declaredReaders(project: Project, env: string): LakeReadRules {
  const org = project.organisation;
  const { accountId, region, lakeFormationAdmins } = environment(org, env);
  const raw = bucketName(org, env, "raw");
  const curated = bucketName(org, env, "curated");
  const writers = new Map<string, ObjectPrefix[]>();
  for (const t of project.transforms ?? []) {
    writers.set(transformNames(org, env, t.domain, t.name).runRole, [{ bucket: curated, prefix: `${t.domain}/${tableLocation(t.target)}` }]);
  }
  for (const domain of project.domains) {
    for (const i of domain.ingestions ?? []) {
      if (i.kind === "rds-snapshot-export") writers.set(snapshotExportNames(org, domain.name, i.name).exportRole, [{ bucket: raw, prefix: `${domain.name}/${ingestionLocation(i)}` }]);
    }
  }
  if (org.costMonitor) {
    const names = costMonitorNames(org);
    for (const role of [names.eventRole, names.sweepRole]) writers.set(role, [{ bucket: curated, prefix: `${queryLogPrefix()}/` }]);
  }
  return {
    accountId,
    region,
    buckets: [raw, curated],
    lakeKeyAlias: lakeKeyAlias(org),
    readEverything: [`arn:aws:iam::${accountId}:role/${lakeLocationRoleName(org)}`, ...(lakeFormationAdmins ?? [])],
    writers,
    writerRolePrefix: lakeWriterRolePrefix(org),
    services: new Map([["appflow.amazonaws.com", appflowRawPrefixes(project.domains).map((prefix) => ({ bucket: raw, prefix }))]]),
  };
}

/** Every environment's stacks with the rules of that environment. */
function violationsOf(project: Project, stacks: readonly StackJson[]): string[] {
  return Object.keys(project.organisation.environments).flatMap((env) => lakeReadViolations(stacks.filter((s) => s.name.endsWith(`-${env}`)), declaredReaders(project, env)));
}

describe("no read of lake data outside Lake Formation", () => {
  let project: Project;
  let stacks: StackJson[];
  beforeAll(async () => {
    project = await loadProject(everyFeatureProject());
    stacks = await synthesizeAll(project, mkdtempSync(join(tmpdir(), "baikal-lake-reads-")));
  }, 120_000);

  it("synthesizes an organisation that uses every feature", () => {
    const types = new Set(stacks.flatMap((s) => Object.keys(s.json.resource ?? {})));
    for (const type of ["aws_sfn_state_machine", "aws_appflow_flow", "aws_quicksight_data_set", "aws_lambda_function", "aws_lakeformation_permissions", "aws_lakeformation_data_cells_filter", "aws_glue_catalog_database"]) {
      expect(types, type).toContain(type);
    }
    expect(stacks.map((s) => s.name)).toContain("consumer-333333333333-staging");
  });

  it("finds no IAM or bucket policy of any stack that reads lake data but the allowed principals", () => {
    expect(violationsOf(project, stacks)).toEqual([]);
  });

  it("finds none in the repository's own domains", async () => {
    const own = await loadProject(REPOSITORY);
    expect(violationsOf(own, await synthesizeAll(own, mkdtempSync(join(tmpdir(), "baikal-lake-reads-repo-"))))).toEqual([]);
  }, 120_000);

  it("fails on a seeded policy for each way around Lake Formation", () => {
    const platform = structuredClone(stacks.find((s) => s.name === "platform-staging")!);
    const domain = structuredClone(stacks.find((s) => s.name === "domain-web-staging")!);
    const curated = "arn:aws:s3:::acme-staging-curated-111111111111";
    const raw = "arn:aws:s3:::acme-staging-raw-111111111111";
    const data = platform.json.data!.aws_iam_policy_document!;
    const resource = platform.json.resource!;
    // The Redash role gets S3 reads back; the query-results key statement loses its bucket condition.
    data.seed_redash = { statement: [{ sid: "ReadLake", actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.lake_curated.arn}/*"] }] };
    resource.aws_iam_role_policy!.seed_redash = { role: "${aws_iam_role.bi_redash_role.id}", name: "seed", policy: "${data.aws_iam_policy_document.seed_redash.json}" };
    data.seed_quicksight = { statement: [{ sid: "UseLakeKey", actions: ["kms:*"], resources: ["${aws_kms_key.lake_key.arn}"] }] };
    resource.aws_iam_role_policy!.seed_quicksight = { role: "aws-quicksight-service-role-v0", name: "seed", policy: "${data.aws_iam_policy_document.seed_quicksight.json}" };
    // A bucket policy that lets anyone in; an unattached managed policy; a raw JSON policy.
    data.lake_raw_policy_document!.statement = [
      ...(data.lake_raw_policy_document!.statement as object[]),
      { sid: "Everyone", effect: "Allow", principals: [{ type: "AWS", identifiers: ["*"] }], actions: ["s3:Get*"], resources: [`${raw}/*`] },
    ];
    resource.aws_iam_policy = { seed_loose: { name: "loose", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }) } };
    // A transform's run role reads another domain's prefix; a role named like a writer that nobody declared.
    const ddata = domain.json.data!.aws_iam_policy_document!;
    ddata.seed_writer = { statement: [{ actions: ["s3:GetObject"], resources: [`${curated}/ads/*`] }] };
    domain.json.resource!.aws_iam_role_policy!.seed_writer = { role: "${aws_iam_role.transform_daily_urls_role.id}", policy: "${data.aws_iam_policy_document.seed_writer.json}" };
    domain.json.resource!.aws_iam_role!.seed_impostor = { name: "acme-lake-writer-impostor", assume_role_policy: "{}" };

    expect(lakeReadViolations([platform, domain], declaredReaders(project, "staging"))).toEqual([
      "platform-staging: aws_iam_role_policy.seed_redash statement ReadLake: arn:aws:iam::111111111111:role/redash-athena may read s3://acme-staging-curated-111111111111/* (s3:GetObject)",
      "platform-staging: aws_iam_role_policy.seed_quicksight statement UseLakeKey: arn:aws:iam::111111111111:role/aws-quicksight-service-role-v0 may kms:Decrypt with the lake key, outside the query-results bucket",
      "platform-staging: aws_s3_bucket_policy.lake_raw_policy statement Everyone: anyone may read s3://acme-staging-raw-111111111111/* (s3:Get*)",
      "platform-staging: aws_iam_policy.seed_loose (attached to no role of the stack) statement 0: anyone may read s3://acme-staging-raw-111111111111/* (s3:*)",
      "platform-staging: aws_iam_policy.seed_loose (attached to no role of the stack) statement 0: anyone may read s3://acme-staging-curated-111111111111/* (s3:*)",
      "domain-web-staging: aws_iam_role.seed_impostor is named like a lake writer (acme-lake-writer-), which the lake buckets let read objects, but no transform, ingestion or cost monitor declares it",
      "domain-web-staging: aws_iam_role_policy.seed_writer statement 0: arn:aws:iam::111111111111:role/acme-lake-writer-web-daily_urls may read s3://acme-staging-curated-111111111111/ads/* (s3:GetObject)",
    ]);
  });
});

describe("the lake buckets' policies, evaluated by an IAM simulator", () => {
  let policies: Record<"raw" | "curated", Record<string, unknown>>;
  beforeAll(async () => {
    const project = await loadProject(everyFeatureProject());
    const stacks = await synthesizeAll(project, mkdtempSync(join(tmpdir(), "baikal-lake-guard-")));
    const platform = stacks.find((s) => s.name === "platform-staging")!;
    const rules = declaredReaders(project, "staging");
    policies = { raw: iamPolicyOf(platform, "lake_raw_policy_document", rules), curated: iamPolicyOf(platform, "lake_curated_policy_document", rules) };
  }, 120_000);

  const account = "111111111111";
  const role = (name: string) => `arn:aws:iam::${account}:role/${name}`;
  /** Whatever the caller's IAM allows (everything here), the bucket policy decides. */
  const evaluate = async (zone: "raw" | "curated", principal: string, action: string, key: string, context: Record<string, string> = {}) => {
    const result = await runSimulation(
      {
        request: {
          principal,
          action,
          resource: { resource: `arn:aws:s3:::acme-staging-${zone}-${account}${key === "" ? "" : `/${key}`}`, accountId: account },
          contextVariables: { "aws:SecureTransport": "true", ...context },
        },
        identityPolicies: principal.includes(":iam::") || principal.includes(":sts::") ? [{ name: "everything", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } }] : [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: policies[zone],
      },
      {},
    );
    if (result.resultType !== "single") throw new Error(JSON.stringify(result));
    return result.overallResult;
  };
  const asRole = (name: string) => ({ "aws:PrincipalArn": role(name) });

  it("lets Lake Formation's credentials, the break-glass admin and lake writers read objects", async () => {
    // Lake Formation vends sessions of the location role: aws:PrincipalArn is the role's ARN, not the session's.
    const session = `arn:aws:sts::${account}:assumed-role/acme-lake-formation-locations/AWSLF-00-AT-111111111111-1`;
    expect(await evaluate("curated", session, "s3:GetObject", "web/daily_urls/dt=2024-01-01/a.parquet", asRole("acme-lake-formation-locations"))).toBe("Allowed");
    expect(await evaluate("raw", role("acme-lake-formation-locations"), "s3:GetObject", "web/page_views/a.json", asRole("acme-lake-formation-locations"))).toBe("Allowed");
    expect(await evaluate("raw", role("break-glass"), "s3:GetObjectVersion", "web/page_views/a.json", asRole("break-glass"))).toBe("Allowed");
    expect(await evaluate("curated", role("acme-lake-writer-web-daily_urls"), "s3:GetObject", "web/daily_urls/a.parquet", asRole("acme-lake-writer-web-daily_urls"))).toBe("Allowed");
    expect(await evaluate("raw", role("acme-lake-writer-web-orders_db-rds-export"), "s3:GetObject", "web/orders_db/x/a.parquet", asRole("acme-lake-writer-web-orders_db-rds-export"))).toBe("Allowed");
  });

  it("denies object reads to everyone else, whatever their IAM allows", async () => {
    for (const name of ["deploy", "analyst", "redash-athena", "service-role/aws-quicksight-service-role-v0", "acme-lake-formation-locations-copy", "acme-lake-writer"]) {
      expect(await evaluate("curated", role(name), "s3:GetObject", "web/daily_urls/a.parquet", asRole(name)), name).toBe("ExplicitlyDenied");
      expect(await evaluate("raw", role(name), "s3:GetObjectAttributes", "web/page_views/a.json", asRole(name)), name).toBe("ExplicitlyDenied");
    }
    expect(await evaluate("raw", `arn:aws:iam::${account}:root`, "s3:GetObject", "web/page_views/a.json", { "aws:PrincipalArn": `arn:aws:iam::${account}:root` })).toBe("ExplicitlyDenied");
  });

  it("denies reads to service principals, which have no aws:PrincipalArn, and still lets AppFlow write its prefixes", async () => {
    const appflow = { "aws:SourceAccount": account, "aws:PrincipalServiceName": "appflow.amazonaws.com" };
    expect(await evaluate("raw", "appflow.amazonaws.com", "s3:GetObject", "web/salesforce/sf_accounts/a.parquet", appflow)).toBe("ExplicitlyDenied");
    expect(await evaluate("raw", "appflow.amazonaws.com", "s3:PutObject", "web/salesforce/sf_accounts/a.parquet", appflow)).toBe("Allowed");
    expect(await evaluate("raw", "appflow.amazonaws.com", "s3:PutObject", "web/page_views/a.json", appflow)).toBe("ImplicitlyDenied");
  });

  it("leaves writes, listings and the bucket itself to IAM", async () => {
    expect(await evaluate("curated", role("analyst"), "s3:ListBucket", "", asRole("analyst"))).toBe("Allowed");
    expect(await evaluate("curated", role("analyst"), "s3:PutObject", "web/daily_urls/a.parquet", asRole("analyst"))).toBe("Allowed");
  });
});
