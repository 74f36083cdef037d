/**
 * Generated fixture organisations for the preflight validators and rules: every feature Baikal synthesizes, in as
 * many domains as asked. Domain 0 runs a scheduled, tested transform and an RDS instance export; every other domain
 * runs a transform that reads the previous domain's output (so machines start machines across domains), an Aurora
 * cluster export and a Salesforce flow; each has a view, SPICE and direct-query datasets, and grants of every kind,
 * also to another account in the same Organization and to one that accepts a RAM share.
 */
import type { DomainInput } from "../src/declarations/domain.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { configSource, domainSource, ORGANISATION, writeProject } from "./support.ts";

export const FIXTURE_ORGANISATION: OrganisationInput = {
  ...ORGANISATION,
  principals: {
    analysts: { kind: "iam-role", name: "analyst" },
    redash: { kind: "iam-role", name: "redash-athena" },
    bi: { kind: "quicksight-group", group: "bi-authors" },
    platform_bi: { kind: "quicksight-group", group: "data-platform" },
    partner: { kind: "external-account", accountIds: { staging: "333333333333", production: "444444444444" }, grantees: ["partner_reader"] },
    partner_reader: { kind: "iam-role", arns: { staging: "arn:aws:iam::333333333333:role/reader", production: "arn:aws:iam::444444444444:role/reader" } },
    agency: { kind: "external-account", accountIds: { staging: "555555555555", production: "666666666666" } },
  },
  crossAccountSharing: {
    "333333333333": { sameOrganization: true },
    "444444444444": { sameOrganization: true },
    "555555555555": { ramShareArn: "arn:aws:ram:eu-west-1:111111111111:resource-share/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" },
    "666666666666": { ramShareArn: "arn:aws:ram:eu-west-1:222222222222:resource-share/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" },
  },
  governance: { tags: { classification: ["public", "internal"] } },
  costMonitor: { slackWebhookSecretName: "acme/athena-cost-monitor/slack-webhook", quicksightReaders: ["platform_bi"] },
  bi: { quicksight: { owners: "platform_bi" }, redash: { trustedPrincipalArn: "arn:aws:iam::111111111111:role/redash-task" } },
};

const pad = (i: number) => String(i).padStart(2, "0");
export const fixtureDomainName = (i: number) => `d${pad(i)}`;
const day = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };
const col = (name: string, type: string, description = `${name}.`) => ({ name, type, description });

function fixtureDomain(i: number): { domain: DomainInput; files: Record<string, string> } {
  const name = fixtureDomainName(i);
  const upstream = i === 0 ? undefined : fixtureDomainName(i - 1);
  const ingestions: unknown[] =
    i === 0
      ? [
          {
            kind: "rds-snapshot-export",
            name: "orders_db",
            description: "Orders.",
            source: { instance: "orders-prod" },
            tables: [{ name: "orders", description: "Orders.", source: { database: "shop", schema: "public", table: "orders" }, columns: [col("order_id", "bigint")] }],
          },
        ]
      : [
          {
            kind: "rds-snapshot-export",
            name: "billing_db",
            description: "Billing.",
            source: { cluster: `billing-${name}` },
            schedule: { expression: "cron(0 5 * * ? *)", timezone: "Asia/Tokyo" },
            tables: [{ name: "invoices", description: "Invoices.", source: { database: "billing", table: "invoices" }, columns: [col("invoice_id", "bigint")] }],
          },
          {
            kind: "appflow-salesforce",
            name: "salesforce",
            description: "The CRM.",
            connectorProfile: "acme-salesforce",
            objects: [{ object: "Account", table: "sf_accounts", description: "Accounts.", fields: [{ field: "Id", ...col("account_id", "string") }] }],
          },
        ];
  const domain = {
    name,
    description: `Fixture domain ${i}.`,
    owners: [`@acme/${name}`],
    tables: [
      {
        name: "events",
        description: "Events.",
        zone: "raw",
        format: "jsonl",
        published: true,
        tags: { classification: "internal" },
        columns: [col("event_id", "string"), col("user_id", "bigint"), col("kind", "string")],
        partitionKeys: [day],
      },
      {
        name: "daily_counts",
        description: "Views per user and day.",
        zone: "curated",
        format: "parquet",
        published: true,
        columns: [col("user_id", "bigint"), col("view_count", "bigint")],
        partitionKeys: [day],
      },
    ],
    views: [{ name: "event_kinds", description: "Events with their kind.", published: true, columns: [col("event_id", "string"), col("kind", "string")] }],
    transforms: [
      upstream === undefined
        ? {
            name: "daily_counts",
            description: "Views per user and day.",
            target: "daily_counts",
            mode: "incremental",
            schedule: { expression: "cron(30 4 * * ? *)", timezone: "Asia/Tokyo" },
            tests: [
              { type: "not_null", column: "user_id" },
              { type: "unique", columns: ["user_id"] },
              { type: "accepted_values", column: "view_count", values: [1, 2, 3] },
              { type: "row_count", min: 1 },
            ],
          }
        : { name: "daily_counts", description: "The upstream domain's counts, again.", target: "daily_counts", mode: "incremental", tests: [{ type: "row_count", min: 1 }] },
    ],
    ingestions,
    datasets: [
      { name: "kinds", description: "Kinds.", view: "event_kinds", mode: "SPICE", refresh: { interval: "WEEKLY", dayOfWeek: "MONDAY", timeOfDay: "06:00", timezone: "Asia/Tokyo" }, readers: ["bi"] },
      { name: "kinds_live", description: "Kinds, live.", view: "event_kinds", mode: "DIRECT_QUERY", readers: ["bi"] },
    ],
    grants: [
      { to: "analysts", table: "events", excludeColumns: ["user_id"] },
      { to: "redash", table: "daily_counts" },
      { to: "bi", tags: { classification: ["internal"] } },
      { to: "partner", table: "daily_counts" },
      { to: "partner_reader", table: "events", columns: ["event_id", "kind"] },
      { to: "agency", table: "daily_counts" },
    ],
  };
  const files = {
    [`domains/${name}/views/event_kinds.sql`]: "SELECT event_id, kind\nFROM events\n",
    [`domains/${name}/transforms/daily_counts.sql`]:
      upstream === undefined
        ? "SELECT user_id, count(*) AS view_count, dt\nFROM events\nWHERE dt = {{ run_date }}\nGROUP BY user_id, dt\n"
        : `SELECT user_id, view_count, dt\nFROM ${upstream}.daily_counts\nWHERE dt = {{ run_date }}\n`,
  };
  return { domain: domain as DomainInput, files };
}

/** A repository of `domains` fixture domains under the fixture organisation. */
export function writeFixtureOrganisation(domains = 2, organisation: OrganisationInput = FIXTURE_ORGANISATION): string {
  const files: Record<string, string> = { "baikal.config.ts": configSource(organisation) };
  for (let i = 0; i < domains; i++) {
    const { domain, files: sql } = fixtureDomain(i);
    files[`domains/${domain.name}/domain.ts`] = domainSource(domain);
    Object.assign(files, sql);
  }
  return writeProject(files);
}
