import { describe, expect, it } from "vitest";
// The Lambda package's own record builder and key function, so the table is checked against what it writes.
import { recordKey } from "../../cost-notifier/src/query-log.ts";
import { buildRecord } from "../../cost-notifier/src/record.ts";
import { projectionParameters } from "../src/catalog/projection-parameters.ts";
import { PLATFORM_DATABASE, QUERY_LOG_JSON_KEYS, QUERY_LOG_TABLE, queryLogKeyMappings, queryLogPrefix } from "../src/cost-monitor/query-log-table.ts";
import { parseHiveType } from "../src/declarations/hive-type.ts";
import { table } from "../src/declarations/table.ts";

const record = buildRecord(
  {
    QueryExecutionId: "q-1",
    Query: "SELECT * FROM news.article_views WHERE dt = '2026-03-01'",
    StatementType: "DML",
    WorkGroup: "primary",
    QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: "news" },
    Status: { State: "SUCCEEDED", SubmissionDateTime: new Date("2026-03-01T23:59:00Z"), CompletionDateTime: new Date("2026-03-02T00:01:30Z") },
    Statistics: { DataScannedInBytes: 123_456_789, EngineExecutionTimeInMillis: 1500, QueryQueueTimeInMillis: 20, TotalExecutionTimeInMillis: 1600 },
  },
  { arn: "arn:aws:sts::111111111111:assumed-role/Analyst/jane", type: "AssumedRole", principalId: "AROA:jane", accountId: "111111111111", displayName: "Analyst/jane" },
  5,
  new Date("2026-03-02T00:02:00Z"),
);
const failed = buildRecord(
  { QueryExecutionId: "q-2", Status: { State: "FAILED", StateChangeReason: "TABLE_NOT_FOUND" }, Statistics: { DataScannedInBytes: 0 } },
  null,
  5,
  new Date("2026-03-02T00:02:00Z"),
);

describe("the Athena query-log table contract", () => {
  it("is a valid Baikal table declaration: curated, JSON lines, projected by day", () => {
    const parsed = table.safeParse(QUERY_LOG_TABLE);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(QUERY_LOG_TABLE).toMatchObject({ name: "athena_query_log", zone: "curated", format: "jsonl" });
    expect(QUERY_LOG_TABLE.partitionKeys).toEqual([
      expect.objectContaining({ name: "dt", projection: { type: "date", format: "yyyy-MM-dd", range: ["2026-01-01", "NOW"] } }),
    ]);
  });

  it("has one column per field of the notifier's record, and no other", () => {
    expect(QUERY_LOG_TABLE.columns.map((c) => c.name)).toEqual(Object.keys(QUERY_LOG_JSON_KEYS));
    expect(Object.values(QUERY_LOG_JSON_KEYS).sort()).toEqual(Object.keys(record).sort());
  });

  it("types every column like the value the notifier writes into it", () => {
    const hiveKind = (value: unknown) =>
      typeof value === "boolean" ? ["boolean"] : typeof value === "string" ? ["string"] : Number.isInteger(value) ? ["int", "bigint", "double"] : ["double"];
    for (const column of QUERY_LOG_TABLE.columns) {
      const key = QUERY_LOG_JSON_KEYS[column.name as keyof typeof QUERY_LOG_JSON_KEYS];
      const value = record[key] ?? failed[key];
      if (column.name === "caller") continue;
      expect({ column: column.name, value }).not.toEqual({ column: column.name, value: null });
      expect({ column: column.name, allowed: hiveKind(value) }).toEqual({ column: column.name, allowed: expect.arrayContaining([column.type]) });
    }
    // Struct fields match the caller's keys case-insensitively, as the OpenX JSON SerDe reads them.
    const caller = parseHiveType(QUERY_LOG_TABLE.columns.find((c) => c.name === "caller")!.type);
    expect("type" in caller && caller.type.kind === "struct" ? caller.type.fields.map((f) => f.name) : caller).toEqual(
      Object.keys(record.caller!).map((k) => k.toLowerCase()),
    );
  });

  it("maps each snake_case column to the record's camelCase key, and leaves equal names alone", () => {
    expect(queryLogKeyMappings()).toMatchObject({
      "mapping.query_execution_id": "queryExecutionId",
      "mapping.cost_usd": "costUsd",
      "mapping.database_name": "database",
      "mapping.catalog_name": "catalog",
    });
    expect(queryLogKeyMappings()).not.toHaveProperty("mapping.workgroup");
    expect(queryLogKeyMappings()).not.toHaveProperty("mapping.caller");
  });

  it("is stored where the notifier writes its records, partitioned by the day of submission", () => {
    expect(queryLogPrefix()).toBe(`${PLATFORM_DATABASE}/athena_query_log`);
    const key = recordKey(queryLogPrefix(), "q-1", new Date("2026-03-01T23:59:00Z"));
    expect(key).toBe("platform/athena_query_log/dt=2026-03-01/q-1.json");

    const location = "s3://acme-staging-curated-111111111111/platform/athena_query_log/";
    const template = projectionParameters(table.parse(QUERY_LOG_TABLE), location)["storage.location.template"]!;
    expect(`s3://acme-staging-curated-111111111111/${key}`.startsWith(template.replace("${dt}", "2026-03-01"))).toBe(true);
  });
});
