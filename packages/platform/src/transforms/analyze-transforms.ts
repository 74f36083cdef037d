import { canCoerce, type OutputColumn } from "@baikal/sql/types";
import { analyzeSql } from "../caching/cached-analysis.ts";
import { domainWorkgroupName, PLATFORM_WORKGROUPS } from "../athena/workgroup-names.ts";
import type { TableDeclaration } from "../declarations/table.ts";
import type { DataTestDeclaration } from "../declarations/transform.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";
import { didYouMean } from "../problems/suggest.ts";
import { originalSql } from "../views/presto-view.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { trinoTypeOf } from "../declarations/hive-type.ts";
import { buildViewCatalog, isPublished } from "../views/view-catalog.ts";
import { findCycles, topologicalOrder } from "../views/view-graph.ts";
import { type CompiledDataTest, compileDataTest, testColumns } from "./data-test-sql.ts";
import type { ResolvedTransform } from "./resolved-transform.ts";
import { parseSqlTemplate, renderForAnalysis, renderSql } from "./run-parameters.ts";
import { readTransformFiles } from "./transform-files.ts";
import { transformMessages as m } from "./transform-messages.ts";

/** The run date the SQL is checked with; any valid date would do, parameters only ever become literals. */
const SAMPLE_RUN_DATE = "2024-01-31";

type Checked = Omit<ResolvedTransform, "dependsOn" | "dependents"> & {
  readonly index: number;
  readonly sourceFile: string;
  readonly references: readonly { database: string; name: string; line: number; column: number }[];
};

/**
 * Checks every transform of every domain: its target table, its SQL against the whole catalog and against the
 * target's columns (partition keys last), its data tests, and the order transforms must run in. Returns them
 * dependencies first, or every problem found. `unavailable` names the databases of domains whose declarations are
 * broken: what transforms read there is left unresolved rather than reported (see analyzeViews).
 */
export function analyzeTransforms(
  root: string,
  domains: readonly Domain[],
  views: readonly ResolvedView[],
  unavailable: readonly string[] = [],
): { transforms: ResolvedTransform[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const catalog = buildViewCatalog(domains, unavailable);
  const checked = new Map<string, Checked>();

  for (const domain of domains) {
    if ((PLATFORM_WORKGROUPS as readonly string[]).includes(domainWorkgroupName(domain.name))) {
      problems.push({ source: domain.sourceFile, path: ["name"], message: m.workgroupTaken(domain.name) });
    }
    const { files, problems: fileProblems } = readTransformFiles(root, domain);
    problems.push(...fileProblems);
    const writers = new Map<string, string>();
    const tables = domain.tables ?? [];
    (domain.transforms ?? []).forEach((transform, index) => {
      const at = (path: (string | number)[], message: string): Problem => ({ source: domain.sourceFile, path: ["transforms", index, ...path], message });
      const target = tables.find((t) => t.name === transform.target);
      if (!target) {
        const names = tables.map((t) => t.name);
        problems.push(at(["target"], m.unknownTarget(transform.target, domain.name, names, didYouMean(transform.target, names))));
        return;
      }
      const targetId = `${domain.name}.${target.name}`;
      const before = problems.length;
      if (target.zone !== "curated") problems.push(at(["target"], m.targetNotCurated(target.name, target.zone)));
      if (target.format !== "parquet") problems.push(at(["target"], m.targetNotParquet(target.name, target.format)));
      if (target.partitionLayout === "plain") problems.push(at(["target"], m.targetNotHive(target.name)));
      const writer = writers.get(target.name);
      if (writer) problems.push(at(["target"], m.targetTwice(target.name, writer)));
      writers.set(target.name, transform.name);
      const keys = target.partitionKeys ?? [];
      const first = keys[0];
      if (transform.mode === "incremental") {
        if (!first) problems.push(at(["mode"], m.incrementalWithoutPartition(target.name)));
        else if (first.projection.type !== "date" || first.projection.format !== "yyyy-MM-dd") {
          problems.push(at(["mode"], m.incrementalKeyNotDaily(target.name, first.name)));
        }
      }
      const partitionKey = transform.mode === "incremental" ? first?.name : undefined;
      const tests = checkTests(transform.tests ?? [], target, targetId, partitionKey, domain.name, catalog, at, problems);

      const file = files.get(transform.name);
      // SQL checked against a target that is itself wrong would only repeat the target's problem.
      if (!file || problems.length > before) return;
      const inSql = (line: number, column: number, message: string): Problem => ({ source: file.file, line, column, message });
      const { template, problems: parameterProblems } = parseSqlTemplate(originalSql(file.text));
      problems.push(...parameterProblems.map((p) => inSql(p.line, p.column, p.message)));
      if (parameterProblems.length > 0) return;
      const analysis = analyzeSql(renderForAnalysis(file.text, SAMPLE_RUN_DATE), { defaultDatabase: domain.name, catalog });
      problems.push(...analysis.problems.map((p) => inSql(p.line, p.column, p.message)));
      // Output columns over a broken domain's relations are incomplete; its declarations are reported already.
      if (analysis.problems.length > 0 || analysis.blockedBy !== undefined) return;
      for (const r of analysis.references) {
        if (r.database !== domain.name && !isPublished(domains, r.database, r.name)) problems.push(inSql(r.line, r.column, m.notPublished(r.database, r.name)));
      }
      problems.push(...checkOutputColumns(analysis.outputColumns, target, targetId, file.file));
      if (problems.length > before) return;
      checked.set(`${domain.name}.${transform.name}`, {
        domain: domain.name,
        name: transform.name,
        id: `${domain.name}.${transform.name}`,
        declaration: transform,
        target,
        sqlFile: file.file,
        select: template,
        ...(partitionKey === undefined ? {} : { partitionKey }),
        readsTables: unique(analysis.references.map((r) => `${r.database}.${r.name}`)),
        sources: baseTables(analysis.references, views, domains),
        tests,
        index,
        sourceFile: domain.sourceFile,
        references: analysis.references,
        outputColumns: analysis.outputColumns,
      });
    });
  }
  if (problems.length > 0) return { transforms: [], problems };

  // A transform depends on the transforms whose targets it reads; reading its own target (yesterday's
  // partition, say) is not a dependency.
  const writerOf = new Map([...checked.values()].map((t) => [`${t.domain}.${t.target.name}`, t.id]));
  const nodes = [...checked.values()].map((t) => ({
    id: t.id,
    dependsOn: unique(t.readsTables.map((r) => writerOf.get(r)).filter((w): w is string => w !== undefined && w !== t.id)),
  }));
  for (const cycle of findCycles(nodes)) {
    const first = checked.get(cycle[0]!)!;
    const next = checked.get(cycle[1]!)!;
    const reference = first.references.find((r) => r.database === next.domain && r.name === next.target.name);
    problems.push({ source: first.sqlFile, line: reference?.line ?? 1, column: reference?.column ?? 1, message: m.cycle(cycle) });
  }
  for (const node of nodes) {
    const t = checked.get(node.id)!;
    if (!t.declaration.schedule && node.dependsOn.length === 0) {
      problems.push({ source: t.sourceFile, path: ["transforms", t.index, "name"], message: m.noSchedule(t.name) });
    }
  }
  if (problems.length > 0) return { transforms: [], problems };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const transforms = topologicalOrder(nodes).map((id): ResolvedTransform => {
    const { index: _index, sourceFile: _sourceFile, references: _references, ...t } = checked.get(id)!;
    return { ...t, dependsOn: byId.get(id)!.dependsOn, dependents: nodes.filter((n) => n.dependsOn.includes(id)).map((n) => n.id) };
  });
  return { transforms, problems: [] };
}

/** Data columns then partition keys, by name, position and type: exactly what INSERT INTO expects. */
function checkOutputColumns(output: readonly OutputColumn[], target: TableDeclaration, targetId: string, sqlFile: string): Problem[] {
  const keys = (target.partitionKeys ?? []).map((k) => ({ name: k.name, type: k.type ?? "string" }));
  const expected = [...target.columns.map((c) => ({ name: c.name, type: c.type })), ...keys];
  const names = expected.map((c) => c.name);
  const produced = output.map((c) => c.name);
  const first = output[0];
  const atStart = (message: string): Problem => ({ source: sqlFile, line: first?.line ?? 1, column: first?.column ?? 1, message });
  if (produced.join() !== names.join()) {
    const sameSet = produced.length === names.length && names.every((n) => produced.includes(n));
    const misplaced = keys.find((k) => produced.indexOf(k.name) < produced.length - keys.length);
    if (sameSet && misplaced) {
      const column = output.find((c) => c.name === misplaced.name)!;
      return [{ source: sqlFile, line: column.line, column: column.column, message: m.partitionNotLast(misplaced.name, targetId, names) }];
    }
    return [atStart(m.columnsMismatch(produced, targetId, names))];
  }
  const problems: Problem[] = [];
  output.forEach((column, i) => {
    const declared = expected[i]!;
    const stored = trinoTypeOf(declared.type);
    if (column.type !== undefined && !canCoerce(column.type, stored)) {
      problems.push({ source: sqlFile, line: column.line, column: column.column, message: m.columnType(column.name, targetId, declared.type, stored, column.type) });
    }
  });
  return problems;
}

function checkTests(
  tests: NonNullable<Domain["transforms"]>[number]["tests"] & {},
  target: TableDeclaration,
  targetId: string,
  partitionKey: string | undefined,
  database: string,
  catalog: ReturnType<typeof buildViewCatalog>,
  at: (path: (string | number)[], message: string) => Problem,
  problems: Problem[],
): CompiledDataTest[] {
  const columns = [...target.columns.map((c) => c.name), ...(target.partitionKeys ?? []).map((k) => k.name)];
  const compiled: CompiledDataTest[] = [];
  tests.forEach((test, index) => {
    const unknown = testColumns(test).filter((c) => !columns.includes(c.column));
    for (const c of unknown) problems.push(at(["tests", index, ...c.path], m.unknownTestColumn(c.column, targetId, columns, didYouMean(c.column, columns))));
    if (unknown.length > 0) return;
    const typeProblem = testTypeProblem(test, target);
    if (typeProblem) {
      problems.push(at(["tests", index, ...typeProblem.path], typeProblem.message));
      return;
    }
    const test_ = compileDataTest(test, { table: targetId, ...(partitionKey === undefined ? {} : { partitionKey }) });
    // The compiled SQL goes through the same analysis as views: a test Athena would reject must not ship.
    const sql = renderSql(test_.sql, SAMPLE_RUN_DATE);
    const analysis = analyzeSql(sql, { defaultDatabase: database, catalog });
    for (const p of analysis.problems) problems.push(at(["tests", index], m.invalidTestSql(sql, p.message)));
    compiled.push({ ...test_, id: `test_${index}_${test_.id}` });
  });
  return compiled;
}

const NUMBER_TYPE = /^(tinyint|smallint|int|bigint|float|double|decimal\(.*\))$/;
const STRING_TYPE = /^(string|varchar\(\d+\)|char\(\d+\))$/;

/** Athena would reject a comparison of mismatched types when the test runs; say so at check time instead. */
function testTypeProblem(test: DataTestDeclaration, target: TableDeclaration): { path: (string | number)[]; message: string } | undefined {
  if (test.type !== "accepted_values" && test.type !== "freshness") return undefined;
  const type =
    target.columns.find((c) => c.name === test.column)?.type ?? target.partitionKeys?.find((k) => k.name === test.column)?.type ?? "string";
  if (test.type === "freshness") {
    return type === "timestamp" || type === "date" ? undefined : { path: ["column"], message: m.freshnessColumn(test.column, type) };
  }
  const kind = NUMBER_TYPE.test(type) ? "numbers" : STRING_TYPE.test(type) ? "strings" : undefined;
  if (!kind) return { path: ["column"], message: m.acceptedValuesColumn(test.column, type) };
  const wrong = test.values.findIndex((v) => typeof v !== (kind === "numbers" ? "number" : "string"));
  return wrong < 0 ? undefined : { path: ["values", wrong], message: m.acceptedValueType(test.column, type, kind) };
}

/** The tables a query reads, looking through views (their lineage) to the tables underneath. */
function baseTables(references: readonly { database: string; name: string }[], views: readonly ResolvedView[], domains: readonly Domain[]) {
  const ids = unique(
    references.flatMap((r) => {
      const view = views.find((v) => v.id === `${r.database}.${r.name}`);
      return view ? view.lineage.map((c) => `${c.database}.${c.table}`) : [`${r.database}.${r.name}`];
    }),
  );
  return ids.flatMap((id) => {
    const [database, name] = id.split(".") as [string, string];
    const table = domains.find((d) => d.name === database)?.tables?.find((t) => t.name === name);
    return table ? [{ database, table }] : [];
  });
}

const unique = (items: readonly string[]) => [...new Set(items)];
