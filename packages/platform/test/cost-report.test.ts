import { resolve } from "node:path";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { loadProject } from "../src/loading/load-project.ts";
import { PlatformStack } from "../src/stacks/platform-stack.ts";
import { decodePrestoView } from "../src/views/presto-view.ts";
import { NEWSLY_ROOT, resources, testCostMonitorAssets, type TerraformJson } from "./support.ts";

describe("cost report views", () => {
  it("are checked against the query log like any domain's views, and ordered", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const cost = project.views.filter((v) => v.domain === "platform");
    expect(cost.map((v) => v.name)).toEqual(["cost_per_day", "cost_per_caller", "most_expensive_queries"]);
    // Relative to the repository root, wherever that is.
    expect(resolve(NEWSLY_ROOT, cost[0]!.sqlFile)).toBe(resolve(import.meta.dirname, "../src/cost-monitor/views/cost_per_day.sql"));
    expect(cost[2]!.lineage.map((c) => c.column).sort()).toEqual(
      ["caller", "cost_usd", "bytes_scanned", "dt", "query_execution_id", "query_text", "total_execution_time_ms", "workgroup"].sort(),
    );
  });

  it("are synthesized in the platform stack's own database, as Athena stores views", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const stack = new PlatformStack(Testing.app(), {
      organisation: project.organisation,
      environment: "staging",
      target: "offline",
      costMonitorAssets: await testCostMonitorAssets(),
      views: project.views.filter((v) => v.domain === "platform"),
    });
    const json = JSON.parse(Testing.synth(stack)) as TerraformJson;
    const view = resources(json, "aws_glue_catalog_table").view_cost_per_day!;
    expect(view).toMatchObject({ name: "cost_per_day", database_name: "${aws_glue_catalog_database.database.name}", table_type: "VIRTUAL_VIEW" });
    expect(decodePrestoView(view.view_original_text as string)).toMatchObject({
      schema: "platform",
      columns: [
        { name: "dt", type: "varchar" },
        { name: "workgroup", type: "varchar" },
        { name: "query_count", type: "bigint" },
        { name: "bytes_scanned", type: "bigint" },
        { name: "cost_usd", type: "double" },
      ],
    });
  });
});
