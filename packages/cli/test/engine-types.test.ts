/**
 * A second opinion on types: every view of whatever domains exist runs on rows generated from the declarations,
 * and the types DuckDB gives its output (mapped back to Trino) must be the types the static analysis inferred.
 * A disagreement means one of the two is wrong.
 */
import { OfflineEngine } from "@baikal/engine";
import { loadProject, relationShape, subjectIo } from "@baikal/platform/project";
import { describe, expect, it } from "vitest";
import { generateRows, PREVIEW_NOW } from "../src/unit-tests/generate-rows.ts";
import { engineRelations, subjectSql } from "../src/unit-tests/run-unit-tests.ts";
import { REPO_ROOT } from "./support.ts";

const project = await loadProject(REPO_ROOT);
const engine = await OfflineEngine.start();

/** What DuckDB cannot tell apart: varchar lengths (it has none) and timestamp precisions (it keeps microseconds). */
const comparable = (type: string) => type.replace(/\s+/g, "").replace(/varchar\(\d+\)/g, "varchar").replace(/timestamp\(\d+\)/g, "timestamp(3)");

describe("engine and static analysis agree on the output types of", () => {
  it.for(project.views.map((v) => v.id))("%s", async (id, context) => {
    const view = project.views.find((v) => v.id === id)!;
    const subject = { kind: "view", view } as const;
    const io = subjectIo(project, subject);
    const relations = io.reads.map((read) => {
      const shape = relationShape(project, read)!;
      return { shape, rows: generateRows(project, shape) };
    });
    const result = await engine.run({ sql: subjectSql(project, subject, undefined).sql, defaultDatabase: view.domain, relations: engineRelations({ relations }), output: io.output, now: PREVIEW_NOW });
    // A view the engine cannot run faithfully has no second opinion: skipped with the reason, never passed.
    if (result.kind === "refused") return context.skip(`cannot run offline: ${result.refusals.map((r) => r.construct).join("; ")}`);
    if (result.kind !== "rows") throw new Error(`${id} did not run on generated rows: ${JSON.stringify(result)}`);
    const engineTypes = view.outputColumns.map((c, i) => `${c.name} ${comparable(result.engineTypes[i]!)}`);
    const staticTypes = view.outputColumns.map((c) => `${c.name} ${comparable(c.type ?? "unknown")}`);
    expect(engineTypes).toEqual(staticTypes);
  });
});
