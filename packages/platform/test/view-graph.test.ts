import { describe, expect, it } from "vitest";
import { findCycles, topologicalOrder } from "../src/views/view-graph.ts";

describe("view graph", () => {
  it("orders views after the views they read, keeping declaration order otherwise", () => {
    const nodes = [
      { id: "ads.report", dependsOn: ["ads.spend", "ads.ctr"] },
      { id: "ads.ctr", dependsOn: [] },
      { id: "ads.spend", dependsOn: ["ads.ctr"] },
      { id: "news.kpis", dependsOn: [] },
    ];
    expect(topologicalOrder(nodes)).toEqual(["ads.ctr", "ads.spend", "ads.report", "news.kpis"]);
  });

  it("reports each cycle as the path that closes it", () => {
    const nodes = [
      { id: "ads.a", dependsOn: ["ads.b"] },
      { id: "ads.b", dependsOn: ["ads.a"] },
      { id: "ads.c", dependsOn: ["ads.c"] },
      { id: "ads.d", dependsOn: ["ads.a"] },
    ];
    expect(findCycles(nodes)).toEqual([
      ["ads.a", "ads.b", "ads.a"],
      ["ads.c", "ads.c"],
    ]);
  });
});
