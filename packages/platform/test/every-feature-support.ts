import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "../src/compiler/build-app.ts";
import type { DomainInput } from "../src/declarations/domain.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import type { PartitionKeyInput } from "../src/declarations/table.ts";
import type { Project } from "../src/loading/project.ts";
import { GOVERNED_ORGANISATION, WEB, WEB_SQL } from "./grants-support.ts";
import { ORDERS_EXPORT, SALESFORCE } from "./ingestion-support.ts";
import type { StackJson } from "./lake-reads-support.ts";
import { configSource, domainSource, writeProject, type TerraformJson } from "./support.ts";

/**
 * An organisation that uses every feature Baikal synthesizes: principals of every kind (a cross-account share
 * among them), LF-tags and pii, the cost monitor with its QuickSight report, QuickSight's and Redash's IAM.
 */
export const EVERY_FEATURE_ORGANISATION: OrganisationInput = {
  ...GOVERNED_ORGANISATION,
  principals: { ...GOVERNED_ORGANISATION.principals, redash: { kind: "iam-role", name: "redash-athena" } },
  costMonitor: { slackWebhookSecretName: "acme/slack", quicksightReaders: ["bi"] },
  bi: { quicksight: { owners: "bi" }, redash: { trustedPrincipalArn: "arn:aws:iam::111111111111:role/redash-task" } },
};

const day: PartitionKeyInput = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };

/** `web` with a curated table filled by a transform, an RDS export, a Salesforce flow, a dataset and every kind of grant. */
export const EVERY_FEATURE_WEB: DomainInput = {
  ...WEB,
  tables: [
    ...WEB.tables!,
    {
      name: "daily_urls",
      description: "Views per page and day.",
      zone: "curated",
      format: "parquet",
      columns: [
        { name: "url", type: "string", description: "Page." },
        { name: "view_count", type: "bigint", description: "Views." },
      ],
      partitionKeys: [day],
    },
  ],
  transforms: [
    { name: "daily_urls", description: "Views per page.", target: "daily_urls", mode: "incremental", schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" } },
  ],
  ingestions: [ORDERS_EXPORT, SALESFORCE] as DomainInput["ingestions"],
  datasets: [{ name: "busy_days", description: "Busy days.", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"], mode: "SPICE", readers: ["bi"] }],
  grants: [
    { to: "analysts", table: "page_views", columns: ["view_id", "url"] },
    { to: "redash", table: "page_views", excludeColumns: ["user_id"] },
    { to: "redash", table: "page_views", rowFilter: "japan" },
    { to: "analysts", tags: { classification: ["public", "internal"] } },
    { to: "partner", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
  ],
};

export const EVERY_FEATURE_SQL: Record<string, string> = {
  ...WEB_SQL,
  "domains/web/transforms/daily_urls.sql": "SELECT url, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_date }}\nGROUP BY url, dt\n",
};

/** `ads`: a table and a view over web's published table, granted to a QuickSight group. */
export const EVERY_FEATURE_ADS: DomainInput = {
  name: "ads",
  description: "Ads.",
  owners: ["@acme/ads"],
  tables: [{ name: "impressions", description: "Impressions.", zone: "raw", format: "parquet", columns: [{ name: "impression_id", type: "string", description: "Id." }], partitionKeys: [day] }],
  views: [{ name: "page_days", description: "Days with views.", columns: [{ name: "dt", type: "string", description: "Day." }] }],
  grants: [{ to: "bi", view: "page_days" }],
};

/** The repository of the every-feature organisation, with extra or replaced files. */
export function everyFeatureProject(files: Record<string, string> = {}): string {
  return writeProject({
    "baikal.config.ts": configSource(EVERY_FEATURE_ORGANISATION),
    "domains/web/domain.ts": domainSource(EVERY_FEATURE_WEB),
    "domains/ads/domain.ts": domainSource(EVERY_FEATURE_ADS),
    "domains/ads/views/page_days.sql": "SELECT DISTINCT dt FROM web.page_views\n",
    ...EVERY_FEATURE_SQL,
    ...files,
  });
}

/** Every stack of a project, synthesized as `baikal synth` writes them, offline. */
export async function synthesizeAll(project: Project, outdir: string): Promise<StackJson[]> {
  const { app, stacks } = await buildApp(project, { target: "offline", outdir });
  app.synth();
  return stacks.map((s) => ({ name: s.node.id, json: JSON.parse(readFileSync(join(outdir, "stacks", s.node.id, "cdk.tf.json"), "utf8")) as TerraformJson }));
}
