import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { DomainStack } from "../src/stacks/domain-stack.ts";
import { quicksightTypeOf } from "../src/bi/quicksight-type.ts";
import { formatRedashConfig, redashConfig } from "../src/bi/redash-config.ts";
import { configSource, domainSource, resources, synthPlatform, type TerraformJson, writeProject } from "./support.ts";
import { ADS, GOVERNED_ORGANISATION, WEB, WEB_SQL } from "./grants-support.ts";

const busy = { name: "busy_days", description: "Busy days.", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"], mode: "SPICE", readers: ["bi"], refresh: { interval: "DAILY", timeOfDay: "06:00" } };
const live = { name: "daily_views", description: "Views.", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"], mode: "DIRECT_QUERY", columns: ["view_count"], readers: ["bi"] };

async function webProject(organisation = GOVERNED_ORGANISATION): Promise<Project> {
  return loadProject(
    writeProject({
      "baikal.config.ts": configSource(organisation),
      "domains/web/domain.ts": domainSource({ ...WEB, datasets: [busy, live] }),
      "domains/ads/domain.ts": domainSource(ADS),
      ...WEB_SQL,
    }),
  );
}

function synthWeb(project: Project): TerraformJson {
  const domain = project.domains.find((d) => d.name === "web")!;
  const stack = new DomainStack(Testing.app(), {
    organisation: project.organisation,
    domain,
    views: project.views.filter((v) => v.domain === "web"),
    environment: "staging",
    target: "offline",
  });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

describe("QuickSight datasets in the domain stack", () => {
  it("reads the view as a relational table of the environment's data source, with the view's columns and the readers' permissions", async () => {
    const json = synthWeb(await webProject());
    const datasets = resources(json, "aws_quicksight_data_set");
    expect(Object.keys(datasets).sort()).toEqual(["dataset_busy_days", "dataset_daily_views"]);
    const spice = datasets.dataset_busy_days!;
    expect(spice).toMatchObject({
      aws_account_id: "111111111111",
      data_set_id: "web-busy_days-staging",
      import_mode: "SPICE",
      depends_on: ["aws_glue_catalog_table.view_busy_days"],
      physical_table_map: [
        {
          physical_table_map_id: "view",
          relational_table: {
            data_source_arn: "arn:aws:quicksight:eu-west-1:111111111111:datasource/baikal-athena-staging",
            catalog: "AwsDataCatalog",
            schema: "web",
            name: "busy_days",
            input_columns: [
              { name: "dt", type: "STRING" },
              { name: "view_count", type: "INTEGER" },
            ],
          },
        },
      ],
      permissions: [
        {
          principal: "arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors",
          actions: ["quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:DescribeIngestion", "quicksight:ListIngestions", "quicksight:PassDataSet"],
        },
      ],
    });
    expect(spice).not.toHaveProperty("logical_table_map");
    expect((datasets.dataset_daily_views!.physical_table_map as { relational_table: { input_columns: unknown } }[])[0]!.relational_table.input_columns).toEqual([
      { name: "view_count", type: "INTEGER" },
    ]);
  });

  it("schedules refreshes of SPICE datasets only", async () => {
    const schedules = resources(synthWeb(await webProject()), "aws_quicksight_refresh_schedule");
    expect(schedules).toEqual({
      dataset_busy_days_refresh: {
        aws_account_id: "111111111111",
        data_set_id: "${aws_quicksight_data_set.dataset_busy_days.data_set_id}",
        schedule_id: "baikal",
        schedule: [{ refresh_type: "FULL_REFRESH", schedule_frequency: [{ interval: "DAILY", time_of_the_day: "06:00", timezone: "UTC" }] }],
      },
    });
  });

  it("refreshes weekly and monthly datasets on their day, the day of the month as the provider's string", async () => {
    const weekly = { ...busy, name: "weekly", refresh: { interval: "WEEKLY", dayOfWeek: "MONDAY", timeOfDay: "07:00", timezone: "Asia/Tokyo" } };
    const monthly = { ...busy, name: "monthly", refresh: { interval: "MONTHLY", dayOfMonth: 1, timeOfDay: "05:00" } };
    const last = { ...busy, name: "month_end", refresh: { interval: "MONTHLY", dayOfMonth: "LAST_DAY_OF_MONTH" } };
    const project = await loadProject(
      writeProject({
        "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
        "domains/web/domain.ts": domainSource({ ...WEB, datasets: [weekly, monthly, last] }),
        "domains/ads/domain.ts": domainSource(ADS),
        ...WEB_SQL,
      }),
    );
    const frequency = (name: string) =>
      (resources(synthWeb(project), "aws_quicksight_refresh_schedule")[`dataset_${name}_refresh`]!.schedule as { schedule_frequency: unknown[] }[])[0]!.schedule_frequency;
    expect(frequency("weekly")).toEqual([{ interval: "WEEKLY", time_of_the_day: "07:00", timezone: "Asia/Tokyo", refresh_on_day: [{ day_of_week: "MONDAY" }] }]);
    expect(frequency("monthly")).toEqual([{ interval: "MONTHLY", time_of_the_day: "05:00", timezone: "UTC", refresh_on_day: [{ day_of_month: "1" }] }]);
    expect(frequency("month_end")).toEqual([{ interval: "MONTHLY", timezone: "UTC", refresh_on_day: [{ day_of_month: "LAST_DAY_OF_MONTH" }] }]);
  });

  it("maps Hive types to QuickSight's input column types", () => {
    const types = ["string", "varchar(10)", "int", "bigint", "double", "decimal(38,4)", "boolean", "date", "timestamp", "array<string>"];
    expect(types.map(quicksightTypeOf)).toEqual(["STRING", "STRING", "INTEGER", "INTEGER", "DECIMAL", "DECIMAL", "BOOLEAN", "DATETIME", "DATETIME", "STRING"]);
  });
});

describe("BI access in the platform stack", () => {
  const organisation = {
    ...GOVERNED_ORGANISATION,
    principals: { ...GOVERNED_ORGANISATION.principals, redash: { kind: "iam-role" as const, name: "redash-athena" } },
    bi: { quicksight: { owners: "bi" }, redash: { trustedPrincipalArn: "arn:aws:iam::999999999999:role/redash-task" } },
  };

  it("creates the Athena data source on the quicksight workgroup, owned by the configured QuickSight group, after its role's policy", async () => {
    const json = synthPlatform(await webProject(organisation));
    expect(resources(json, "aws_quicksight_data_source")).toEqual({
      bi_data_source: {
        aws_account_id: "111111111111",
        data_source_id: "baikal-athena-staging",
        name: "Baikal Athena (staging)",
        type: "ATHENA",
        parameters: { athena: { work_group: "quicksight" } },
        permission: [
          {
            principal: "arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors",
            actions: [
              "quicksight:DeleteDataSource",
              "quicksight:DescribeDataSource",
              "quicksight:DescribeDataSourcePermissions",
              "quicksight:PassDataSource",
              "quicksight:UpdateDataSource",
              "quicksight:UpdateDataSourcePermissions",
            ],
          },
        ],
        // QuickSight tries the data source with its service role when creating it.
        depends_on: ["aws_iam_role_policy.bi_quicksight_policy"],
      },
    });
  });

  it("gives QuickSight's service role and the Redash role Athena on their own workgroup only", async () => {
    const json = synthPlatform(await webProject(organisation));
    const policies = resources(json, "aws_iam_role_policy");
    expect(policies.bi_quicksight_policy).toMatchObject({ role: "aws-quicksight-service-role-v0", name: "baikal-athena" });
    expect(policies.bi_redash_policy).toMatchObject({ role: "${aws_iam_role.bi_redash_role.id}" });
    expect(resources(json, "aws_iam_role").bi_redash_role).toMatchObject({ name: "redash-athena" });
    const docs = json.data!.aws_iam_policy_document!;
    const statement = (doc: string, sid: string) => (docs[doc]!.statement as { sid: string; resources: string[] }[]).find((s) => s.sid === sid)!;
    expect(statement("bi_quicksight_access", "QueryOnWorkgroup").resources).toEqual(["arn:aws:athena:eu-west-1:111111111111:workgroup/quicksight"]);
    expect(statement("bi_redash_access", "QueryOnWorkgroup").resources).toEqual(["arn:aws:athena:eu-west-1:111111111111:workgroup/redash"]);
    expect(statement("bi_redash_access", "WriteResults").resources).toEqual([expect.stringMatching(/-query-results-111111111111\/redash\/\*$/)]);
    expect((docs.bi_redash_trust!.statement as { principals: unknown }[])[0]!.principals).toEqual([
      { type: "AWS", identifiers: ["arn:aws:iam::999999999999:role/redash-task"] },
    ]);
  });

  it("gives neither S3 reads of the lake nor the lake key beyond query results: Athena reads through Lake Formation", async () => {
    const docs = synthPlatform(await webProject(organisation)).data!.aws_iam_policy_document!;
    for (const doc of ["bi_quicksight_access", "bi_redash_access"]) {
      const statements = docs[doc]!.statement as { sid: string; actions: string[]; resources: string[]; condition?: unknown }[];
      expect(statements.map((s) => s.sid)).toEqual(["QueryOnWorkgroup", "ListCatalogs", "ReadCatalog", "LakeFormationData", "ListResults", "WriteResults", "UseLakeKeyForResults", "DescribeLakeKey"]);
      const s3 = statements.filter((s) => s.actions.some((a) => a.startsWith("s3:")));
      expect(s3.flatMap((s) => s.resources).every((r) => r.includes("-query-results-111111111111"))).toBe(true);
      const workgroup = doc === "bi_quicksight_access" ? "quicksight" : "redash";
      expect(statements.find((s) => s.sid === "UseLakeKeyForResults")).toEqual({
        sid: "UseLakeKeyForResults",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["${aws_kms_key.lake_key.arn}"],
        condition: [
          { test: "StringEquals", variable: "kms:ViaService", values: ["s3.eu-west-1.amazonaws.com"] },
          {
            test: "StringLike",
            variable: "kms:EncryptionContext:aws:s3:arn",
            values: ["arn:aws:s3:::acme-staging-query-results-111111111111", `arn:aws:s3:::acme-staging-query-results-111111111111/${workgroup}/*`],
          },
        ],
      });
    }
  });

  it("leaves the data source without owners and creates no Redash role when neither is configured", async () => {
    const json = synthPlatform(await webProject());
    expect(resources(json, "aws_quicksight_data_source").bi_data_source!.permission).toEqual([]);
    expect(resources(json, "aws_iam_role").bi_redash_role).toBeUndefined();
  });
});

describe("redashConfig", () => {
  it("gives the region, the redash workgroup and its results prefix, the role to assume and the granted schemas", async () => {
    const organisation = { ...GOVERNED_ORGANISATION, principals: { ...GOVERNED_ORGANISATION.principals, redash: { kind: "iam-role" as const, name: "redash-athena" } } };
    const project = await loadProject(
      writeProject({
        "baikal.config.ts": configSource(organisation),
        "domains/web/domain.ts": domainSource({ ...WEB, grants: [{ to: "redash", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] }] }),
        "domains/ads/domain.ts": domainSource(ADS),
        ...WEB_SQL,
      }),
    );
    const config = redashConfig(project, "staging");
    expect(config).toEqual({
      environment: "staging",
      region: "eu-west-1",
      workgroup: "redash",
      s3StagingDir: expect.stringMatching(/^s3:\/\/[a-z0-9-]+-query-results-111111111111\/redash\/$/),
      roleArn: "arn:aws:iam::111111111111:role/redash-athena",
      schema: "web",
      schemas: ["web"],
    });
    expect(formatRedashConfig(config)).toContain("  IAM role to assume: arn:aws:iam::111111111111:role/redash-athena\n");
  });

  it("fails when no redash principal is declared", async () => {
    const project = await webProject();
    expect(() => redashConfig(project, "staging")).toThrow(
      'baikal.config.ts declares no principal "redash" of kind "iam-role"; add one, e.g. redash: { kind: "iam-role", name: "redash-athena" }',
    );
  });
});
