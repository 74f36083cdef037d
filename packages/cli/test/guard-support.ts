import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DomainInput } from "../../platform/src/declarations/domain.ts";
import type { OrganisationInput } from "../../platform/src/declarations/organisation.ts";
import type { PartitionKeyInput, TableInput } from "../../platform/src/declarations/table.ts";
import { configSource, domainSource } from "../../platform/test/support.ts";
import { guard } from "../src/commands/guard.ts";
import { formatFinding } from "../src/guard/finding.ts";
import { gitProject, writeSource } from "./git-support.ts";

/**
 * An organisation with everything that holds data: one environment (so each run synthesizes little), Lake
 * Formation admins, an LF-tag vocabulary, the cost monitor (dead-letter queue, webhook secret, log groups,
 * DynamoDB markers) and a QuickSight group.
 */
export const GUARD_ORGANISATION: OrganisationInput = {
  name: "acme",
  environments: {
    staging: {
      accountId: "111111111111",
      region: "eu-west-1",
      deployRoleArn: "arn:aws:iam::111111111111:role/deploy",
      lakeFormationAdmins: ["arn:aws:iam::111111111111:role/break-glass"],
      state: { bucket: "acme-staging-state" },
    },
  },
  principals: {
    analysts: { kind: "iam-role", name: "analyst" },
    bi: { kind: "quicksight-group", group: "bi-authors" },
  },
  governance: { tags: { classification: ["public", "internal", "pii"] } },
  lake: { queryResultsRetentionDays: 30 },
  costMonitor: { slackWebhookSecretName: "acme/athena-cost-monitor/slack-webhook" },
};

const dt: PartitionKeyInput = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };

const table = (name: string, zone: "raw" | "curated", format: "jsonl" | "parquet" | "csv", columns: [string, string][], extra: Partial<TableInput> = {}): TableInput => ({
  name,
  description: `${name}.`,
  zone,
  format,
  columns: columns.map(([column, type]) => ({ name: column, type, description: `${column}.` })),
  partitionKeys: [dt],
  ...extra,
});

/**
 * `web`: a JSON table, a Parquet table, a CSV table and a transform's Parquet target; a view granted and published
 * to QuickSight as a SPICE dataset; an RDS snapshot export into a Parquet table.
 */
export const GUARD_DOMAIN: DomainInput = {
  name: "web",
  description: "Web analytics.",
  owners: ["@acme/web"],
  tables: [
    table(
      "page_views",
      "raw",
      "jsonl",
      [
        ["view_id", "string"],
        ["user_id", "bigint"],
        ["dwell_ms", "int"],
      ],
      { tags: { classification: "internal" } },
    ),
    table("sessions", "raw", "parquet", [
      ["session_id", "string"],
      ["duration_ms", "int"],
      ["pages", "int"],
    ]),
    table("signups", "raw", "csv", [
      ["signup_id", "string"],
      ["plan", "string"],
      ["country", "string"],
    ]),
    table("daily_users", "curated", "parquet", [
      ["user_id", "bigint"],
      ["view_count", "bigint"],
    ]),
  ],
  views: [
    {
      name: "daily_views",
      description: "Views per day.",
      columns: [
        { name: "dt", type: "string", description: "Day." },
        { name: "view_count", type: "bigint", description: "Views." },
      ],
    },
  ],
  transforms: [
    {
      name: "daily_users",
      description: "Views per user and day.",
      target: "daily_users",
      mode: "incremental",
      schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" },
    },
  ],
  ingestions: [
    {
      kind: "rds-snapshot-export",
      name: "orders_db",
      description: "Orders database.",
      source: { instance: "orders-prod" },
      tables: [
        {
          name: "orders",
          description: "Orders.",
          source: { database: "shop", schema: "public", table: "orders" },
          columns: [
            { name: "order_id", type: "bigint", description: "Id.", required: true },
            { name: "amount", type: "decimal(12,2)", description: "Amount." },
          ],
        },
      ],
    },
  ],
  grants: [
    { to: "analysts", view: "daily_views" },
    { to: "analysts", table: "sessions" },
  ],
  datasets: [{ name: "daily_views", description: "Views per day.", view: "daily_views", mode: "SPICE", readers: ["bi"] }],
};

export const GUARD_SQL: Readonly<Record<string, string>> = {
  "domains/web/views/daily_views.sql": "SELECT dt, count(*) AS view_count\nFROM page_views\nGROUP BY dt\n",
  "domains/web/transforms/daily_users.sql":
    "SELECT user_id, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_date }}\nGROUP BY user_id, dt\n",
};

/** A git repository on branch main holding the fixture organisation, committed once. */
export const guardProject = (): string =>
  gitProject({ "baikal.config.ts": configSource(GUARD_ORGANISATION), "domains/web/domain.ts": domainSource(GUARD_DOMAIN), ...GUARD_SQL });

export interface Declarations {
  readonly organisation?: OrganisationInput;
  readonly domain?: DomainInput;
  readonly files?: Readonly<Record<string, string>>;
  /** Files or folders to delete. */
  readonly removed?: readonly string[];
}

/** Writes the working tree's declarations: the head of a guard run against main. */
export function declare(root: string, changes: Declarations): void {
  if (changes.organisation) writeSource(root, "baikal.config.ts", configSource(changes.organisation));
  if (changes.domain) writeSource(root, "domains/web/domain.ts", domainSource(changes.domain));
  for (const [path, text] of Object.entries(changes.files ?? {})) writeSource(root, path, text);
  for (const path of changes.removed ?? []) rmSync(join(root, path), { recursive: true, force: true });
}

/** `baikal guard --base main` on the fixture with these changes. */
export async function guardChange(changes: Declarations): Promise<{ ok: boolean; blocked: string[]; errors: readonly string[] }> {
  const root = guardProject();
  declare(root, changes);
  return guardLines(root);
}

/** The domain with one table changed. */
export const withTable = (name: string, change: Partial<TableInput> | ((t: TableInput) => TableInput)): DomainInput => ({
  ...GUARD_DOMAIN,
  tables: GUARD_DOMAIN.tables!.map((t) => (t.name !== name ? t : typeof change === "function" ? change(t) : { ...t, ...change })),
});

export const allow = (root: string, entries: unknown[]): void => writeFileSync(join(root, "guard-allow.json"), JSON.stringify({ allow: entries }, null, 2));

/** `baikal guard --base main`, in this process: whether it passes, and the lines it prints for what it blocks. */
export async function guardLines(root: string): Promise<{ ok: boolean; blocked: string[]; errors: readonly string[] }> {
  const result = await guard({ base: "main", root });
  return { ok: result.ok, blocked: result.findings.filter((f) => !f.allowed).map(formatFinding), errors: result.errors };
}
