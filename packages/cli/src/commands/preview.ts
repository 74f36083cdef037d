import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { OfflineEngine } from "@baikal/engine";
import { DeclarationError, findProjectRoot, loadProject, type Problem, relationShape, subjectIo, typeGiven, type UnitTestSubject } from "@baikal/platform/project";
import { formatValue } from "../unit-tests/format-report.ts";
import { translationCacheFile } from "../unit-tests/translation-cache-file.ts";
import { generateRows, PREVIEW_NOW, PREVIEW_RUN_DATE } from "../unit-tests/generate-rows.ts";
import { engineRelations, subjectSql } from "../unit-tests/run-unit-tests.ts";

export interface PreviewOptions {
  /** `<domain>.<view or transform>`. */
  readonly subject: string;
  /** JSON file of rows by relation; without it rows are generated from the declarations. */
  readonly rows?: string;
  readonly runDate?: string;
  readonly now?: string;
  readonly limit?: number;
}

/** Columns padded to their widest cell. */
function table(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...rows.map((r) => r[i]!.length))));
  const cell = (text: string, i: number) => (text.length > widths[i]! ? `${text.slice(0, widths[i]! - 1)}…` : text.padEnd(widths[i]!));
  return [columns.map(cell).join(" | "), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map((r) => r.map(cell).join(" | "))];
}

/** `baikal preview <domain.view>`: the output of a view or transform on given or generated rows, as a table. */
export async function previewCommand(options: PreviewOptions): Promise<number> {
  const engineStarting = OfflineEngine.start({ translationCacheFile: translationCacheFile(findProjectRoot()) });
  engineStarting.catch(() => undefined);
  const project = await loadProject();
  const [domainName, name] = options.subject.split(".") as [string, string | undefined];
  const view = project.views.find((v) => v.id === options.subject);
  const transform = project.transforms?.find((t) => t.id === options.subject);
  if (!name || (!view && !transform)) {
    const known = [...project.views.map((v) => v.id), ...(project.transforms ?? []).map((t) => t.id)].filter((id) => !domainName || id.startsWith(`${domainName}.`));
    throw new Error(`no view or transform ${JSON.stringify(options.subject)}; write <domain>.<name>, e.g. ${known.slice(0, 3).join(", ") || "news.daily_article_kpis"}`);
  }
  const subject: UnitTestSubject = view ? { kind: "view", view } : { kind: "transform", transform: transform! };
  const io = subjectIo(project, subject);
  let relations;
  if (options.rows) {
    const json = JSON.parse(readFileSync(resolve(options.rows), "utf8")) as Record<string, Record<string, unknown>[]>;
    const problems: Problem[] = [];
    relations = typeGiven(project, domainName, io, json, options.rows, [], problems);
    if (problems.length > 0) throw new DeclarationError(problems);
  } else {
    relations = io.reads.map((id) => {
      const shape = relationShape(project, id)!;
      return { shape, rows: generateRows(project, shape) };
    });
  }
  const runDate = subject.kind === "transform" ? (options.runDate ?? PREVIEW_RUN_DATE) : undefined;
  const engine = await engineStarting;
  const result = await engine.run({
    sql: subjectSql(project, subject, runDate).sql,
    defaultDatabase: domainName,
    relations: engineRelations({ relations }),
    output: io.output,
    now: options.now ?? PREVIEW_NOW,
  });
  engine.close();
  if (result.kind === "refused") {
    for (const r of result.refusals) console.error(`cannot run offline: ${r.construct}${r.position ? ` at ${subjectSql(project, subject, runDate).sqlFile}:${r.position.line}` : ""}`);
    return 1;
  }
  if (result.kind === "failed") {
    console.error(result.message);
    return 1;
  }
  const columns = io.output.map((c) => c.name);
  const limit = options.limit ?? 50;
  const types = new Map(io.output.map((c) => [c.name, c.type]));
  // Rows in no particular order are sorted, so two previews of the same rows read the same.
  const rows = result.ordered ? result.rows : [...result.rows].sort((a, b) => JSON.stringify(columns.map((c) => a[c])).localeCompare(JSON.stringify(columns.map((c) => b[c]))));
  const shown = rows.slice(0, limit).map((row) => columns.map((c) => formatValue(row[c] ?? null, types.get(c))));
  for (const line of table(columns, shown)) console.log(line);
  const given = options.rows ? `rows from ${options.rows}` : `generated rows (${relations.map((r) => `${r.shape.id}: ${r.rows.length}`).join(", ")})`;
  console.log(`${result.rows.length} row${result.rows.length === 1 ? "" : "s"}${result.rows.length > limit ? ` (first ${limit} shown)` : ""} on ${given}${runDate ? `, run date ${runDate}` : ""}`);
  return 0;
}
