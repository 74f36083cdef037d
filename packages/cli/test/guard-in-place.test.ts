import { describe, expect, it } from "vitest";
import type { TableInput } from "../../platform/src/declarations/table.ts";
import { GUARD_DOMAIN, guardChange, withTable } from "./guard-support.ts";

/**
 * Changes a table keeps its address through but that orphan or corrupt what it stored, each on the fixture
 * organisation in a git repository and guarded against main, and the safe changes beside them.
 */
const RAW = "s3://acme-staging-raw-111111111111/web";
const hint = (address: string, change: string) =>
  `if it is intended, add {"stack": "domain-web-staging", "address": "${address}", "change": "${change}", "reason": "..."} to guard-allow.json`;

const columns = (name: string, change: (columns: TableInput["columns"]) => TableInput["columns"]) => withTable(name, (t) => ({ ...t, columns: change(t.columns) }));
const retype = (name: string, column: string, type: string) => columns(name, (cs) => cs.map((c) => (c.name === column ? { ...c, type } : c)));

const guarded = guardChange;

describe("guard: changes in place that orphan or corrupt stored data", { timeout: 240_000 }, () => {
  it("blocks a table whose location changes, because its files stay under the old prefix", async () => {
    const run = await guarded({ domain: withTable("page_views", { location: "hits/" }) });
    expect(run.ok).toBe(false);
    expect(run.blocked).toEqual([
      `domain-web-staging aws_glue_catalog_table.table_page_views: its location changes from "${RAW}/page_views/" to "${RAW}/hits/", ` +
        `and its partition template changes from "${RAW}/page_views/dt=$\${dt}/" to "${RAW}/hits/dt=$\${dt}/": the files already written stay where they are, ` +
        `and the table no longer reads them; keep its location and partition layout; to move the table, copy its files to the new location first; ${hint("aws_glue_catalog_table.table_page_views", "location")}`,
    ]);
  });

  it("blocks a table moved to another zone, because its files stay in the old bucket", async () => {
    const run = await guarded({ domain: withTable("page_views", { zone: "curated" }) });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_glue_catalog_table.table_page_views: it moves from bucket acme-staging-raw-111111111111 to acme-staging-curated-111111111111 " +
        `(location changes from "${RAW}/page_views/" to "s3://acme-staging-curated-111111111111/web/page_views/", partition template changes from ` +
        `"${RAW}/page_views/dt=$\${dt}/" to "s3://acme-staging-curated-111111111111/web/page_views/dt=$\${dt}/"): the files already written stay in ` +
        "acme-staging-raw-111111111111, and the table no longer reads them; keep its zone; to move the table, copy its files to the new bucket first; " +
        hint("aws_glue_catalog_table.table_page_views", "zone"),
    ]);
  });

  it("blocks a table whose format changes, because the files already written keep the old one", async () => {
    const run = await guarded({ domain: withTable("page_views", { format: "parquet" }) });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_glue_catalog_table.table_page_views: its format changes (" +
        'serialization_library from "org.openx.data.jsonserde.JsonSerDe" to "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", ' +
        'input_format from "org.apache.hadoop.mapred.TextInputFormat" to "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", ' +
        'output_format from "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat" to "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat", ' +
        'ser_de_info.parameters from {"ignore.malformed.json":"true"} to {"serialization.format":"1"}, classification from "json" to "parquet"): ' +
        "the files already written keep the old format, which the table can no longer read; keep its format; to convert the data, write it again in the new " +
        `format into a new table (a transform can); ${hint("aws_glue_catalog_table.table_page_views", "format")}`,
    ]);
  });

  it("blocks new partition keys, because the files already written are laid out by the old ones", async () => {
    const hour = { name: "hour", description: "Hour.", projection: { type: "integer" as const, range: [0, 23] as [number, number] } };
    const run = await guarded({ domain: withTable("page_views", (t) => ({ ...t, partitionKeys: [...t.partitionKeys!, hour] })) });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_glue_catalog_table.table_page_views: its partition keys change from [dt string] to [dt string, hour string]: " +
        "the files already written are laid out by the old keys, where the table no longer looks; keep its partition keys; to repartition, " +
        `write the data again into a new table; ${hint("aws_glue_catalog_table.table_page_views", "partition-keys")}`,
    ]);
  });

  it("blocks a partition range that narrows, because the partitions before it are no longer read", async () => {
    const later = { name: "dt", description: "Day.", projection: { type: "date" as const, format: "yyyy-MM-dd", range: ["2024-06-01", "NOW"] as [string, string] } };
    const run = await guarded({ domain: withTable("page_views", { partitionKeys: [later] }) });
    expect(run.blocked).toEqual([
      'domain-web-staging aws_glue_catalog_table.table_page_views: its partition projection changes (the range of dt narrows from "2024-01-01,NOW" to "2024-06-01,NOW"): ' +
        "partitions already written outside it are no longer read; keep the projection's format and settings, and only widen its range or add values; " +
        hint("aws_glue_catalog_table.table_page_views", "partition-keys"),
    ]);
  });

  it("blocks a column type change on a Parquet table, even int to bigint, because projected partitions keep no schema to convert from", async () => {
    const run = await guarded({ domain: retype("sessions", "duration_ms", "bigint") });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_glue_catalog_table.table_sessions: its columns change in a way the Parquet files already written cannot be read with: " +
        "duration_ms changes type from int to bigint: Parquet files keep the type each column was written with, and a partition-projected table's " +
        "partitions keep no schema of their own for Athena to convert from; keep the existing columns as they were and add new ones at the end; " +
        `to change them, write the data again into a new table; ${hint("aws_glue_catalog_table.table_sessions", "columns")}`,
    ]);
  });

  it("blocks a renamed column of a Parquet table, because Parquet reads columns by name", async () => {
    const run = await guarded({ domain: columns("sessions", (cs) => cs.map((c) => (c.name === "pages" ? { ...c, name: "page_count" } : c))) });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_glue_catalog_table.table_sessions: its columns change in a way the Parquet files already written cannot be read with: " +
        "pages is renamed to page_count: Parquet reads columns by name, so in the files already written page_count reads as null and pages's values are " +
        "no longer read; keep the existing columns as they were and add new ones at the end; to change them, write the data again into a new table; " +
        hint("aws_glue_catalog_table.table_sessions", "columns"),
    ]);
  });

  it("blocks a column inserted in the middle of a CSV table, because CSV reads columns by position", async () => {
    const source = { name: "source", type: "string", description: "Source." };
    const run = await guarded({ domain: columns("signups", (cs) => [cs[0]!, source, ...cs.slice(1)]) });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_glue_catalog_table.table_signups: its columns change in a way the CSV files already written cannot be read with: " +
        "plan moves from position 2 to 3: CSV reads columns by position, so the files already written fill it with another column's values; " +
        "country moves from position 3 to 4: CSV reads columns by position, so the files already written fill it with another column's values; " +
        "keep the existing columns as they were and add new ones at the end; to change them, write the data again into a new table; " +
        hint("aws_glue_catalog_table.table_signups", "columns"),
    ]);
  });

  it("blocks a renamed ingestion once, for its export: its tables stop reading what it wrote and its history goes", async () => {
    const run = await guarded({ domain: { ...GUARD_DOMAIN, ingestions: GUARD_DOMAIN.ingestions!.map((i) => ({ ...i, name: "orders" })) } });
    expect(run.blocked).toEqual([
      "domain-web-staging aws_sfn_state_machine.ingestion_orders_db: ingestion orders_db is renamed to orders (aws_sfn_state_machine.ingestion_orders): " +
        `it now writes under ${RAW}/orders/ instead of ${RAW}/orders_db/; the files it already wrote stay where they are and its tables no longer read them ` +
        `(orders: location changes from "${RAW}/orders_db/" to "${RAW}/orders/", partition template changes from ` +
        `"${RAW}/orders_db/web-orders-db-$\${dt}/shop/public.orders/" to "${RAW}/orders/web-orders-$\${dt}/shop/public.orders/"); ` +
        "state machine acme-web-orders_db-export is destroyed with its execution history and its log group; keep the ingestion's name and location; if the files already " +
        `written may stay unread, add {"stack": "domain-web-staging", "address": "aws_sfn_state_machine.ingestion_orders_db", "change": "ingestion", "reason": "..."} to guard-allow.json`,
    ]);
  });
});

describe("guard: table changes that keep the stored data readable", { timeout: 240_000 }, () => {
  it("passes columns added at the end of a JSON, a Parquet and a CSV table", async () => {
    const added = (t: TableInput): TableInput => ({ ...t, columns: [...t.columns, { name: "referrer", type: "string", description: "Referrer." }] });
    const domain = { ...GUARD_DOMAIN, tables: GUARD_DOMAIN.tables!.map((t) => (["page_views", "sessions", "signups"].includes(t.name) ? added(t) : t)) };
    expect(await guarded({ domain })).toEqual({ ok: true, blocked: [], errors: [] });
  });

  it("passes int widened to bigint on a JSON table, which Athena reads as the wider type", async () => {
    expect(await guarded({ domain: retype("page_views", "dwell_ms", "bigint") })).toEqual({ ok: true, blocked: [], errors: [] });
  });

  it("passes a column removed from a Parquet table, which reads the others by name", async () => {
    expect(await guarded({ domain: columns("sessions", (cs) => cs.filter((c) => c.name !== "pages")) })).toEqual({ ok: true, blocked: [], errors: [] });
  });

  it("passes a table's new description", async () => {
    expect(await guarded({ domain: withTable("page_views", { description: "Every page view, as the site reports it." }) })).toEqual({ ok: true, blocked: [], errors: [] });
  });
});
