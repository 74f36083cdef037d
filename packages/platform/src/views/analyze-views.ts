import type { ViewAnalysis } from "@baikal/sql/types";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";
import { ViewAnalysisCache } from "../caching/analysis-cache.ts";
import { checkViewColumns } from "./column-check.ts";
import { originalSql } from "./presto-view.ts";
import type { ColumnRead, ResolvedView } from "./resolved-view.ts";
import { buildViewCatalog, isPublished } from "./view-catalog.ts";
import type { ViewFile } from "./view-files.ts";
import { readViewFiles } from "./view-files.ts";
import { findCycles, topologicalOrder } from "./view-graph.ts";

interface Analyzed {
  readonly domain: Domain;
  readonly index: number;
  readonly sqlFile: string;
  readonly sql: string;
  readonly analysis: ViewAnalysis;
}

export interface AnalyzeViewsOptions {
  /** Stored analyses of unchanged views. @default the project's cache (`ViewAnalysisCache.open(root)`) */
  readonly cache?: ViewAnalysisCache;
  /**
   * Databases of domains whose declarations are broken (and reported elsewhere): what views read there is left
   * unresolved rather than reported as unknown, so one broken domain hides no other domain's SQL mistakes.
   * @default []
   */
  readonly unavailable?: readonly string[];
}

interface Pending {
  readonly domain: Domain;
  readonly index: number;
  readonly file: ViewFile;
  readonly key: string;
  analysis?: ViewAnalysis;
}

/**
 * Checks every view of every domain against the whole catalog and returns them in dependency order, with
 * their lineage; or every problem found, across all domains, in one go. Views whose SQL and referenced
 * relations are unchanged since the last check reuse their stored analysis; the rest are parsed in parallel.
 */
export async function analyzeViews(root: string, domains: readonly Domain[], options: AnalyzeViewsOptions = {}): Promise<{ views: ResolvedView[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const unavailable = options.unavailable ?? [];
  const catalog = buildViewCatalog(domains, unavailable);
  const cache = options.cache ?? ViewAnalysisCache.open(root);
  const analyzed = new Map<string, Analyzed>();

  const pending: Pending[] = [];
  for (const domain of domains) {
    const { files, problems: fileProblems } = readViewFiles(root, domain);
    problems.push(...fileProblems);
    (domain.views ?? []).forEach((view, index) => {
      const file = files.get(view.name);
      if (!file) return;
      const key = ViewAnalysisCache.key(domain.name, file.text);
      pending.push({ domain, index, file, key, analysis: cache.get(key, catalog) });
    });
  }
  const toAnalyze = pending.filter((p) => p.analysis === undefined);
  // The analyser (and its grammar) loads only when some view is not in the cache.
  const analyzeMany = toAnalyze.length > 0 ? (await import("@baikal/sql/parallel")).analyzeMany : async () => [];
  const fresh = await analyzeMany(toAnalyze.map((p) => ({ sql: p.file.text, defaultDatabase: p.domain.name })), [...catalog.relations()], { unavailable });
  toAnalyze.forEach((p, i) => {
    p.analysis = fresh[i]!;
    cache.set(p.key, p.analysis, catalog);
  });
  cache.save();

  for (const { domain, index, file, analysis } of pending as Required<Pending>[]) {
    const view = domain.views![index]!;
    const at = (line: number, column: number, message: string): Problem => ({ source: file.file, line, column, message });
    problems.push(...analysis.problems.map((p) => at(p.line, p.column, p.message)));
    if (analysis.problems.length > 0) continue;
    for (const reference of analysis.references) {
      if (reference.database !== domain.name && !isPublished(domains, reference.database, reference.name)) {
        problems.push(
          at(
            reference.line,
            reference.column,
            `${reference.database}.${reference.name} belongs to domain "${reference.database}" and is not published; read only what other domains publish (ask its owners to set published: true) or use your own tables`,
          ),
        );
      }
    }
    // Output columns over a broken domain's relations are incomplete: comparing them to the declaration would
    // report mistakes that are not there.
    if (analysis.blockedBy !== undefined) continue;
    problems.push(...checkViewColumns(analysis.outputColumns, { view, viewIndex: index, domainFile: domain.sourceFile, sqlFile: file.file }));
    analyzed.set(`${domain.name}.${view.name}`, { domain, index, sqlFile: file.file, sql: originalSql(file.text), analysis });
  }

  const isView = (id: string) => analyzed.has(id);
  const nodes = [...analyzed].map(([id, a]) => ({
    id,
    dependsOn: unique(a.analysis.references.map((r) => `${r.database}.${r.name}`).filter(isView)),
  }));
  for (const cycle of findCycles(nodes)) {
    const first = analyzed.get(cycle[0]!)!;
    const reference = first.analysis.references.find((r) => `${r.database}.${r.name}` === cycle[1]);
    problems.push({
      source: first.sqlFile,
      line: reference?.line ?? 1,
      column: reference?.column ?? 1,
      message: `views read each other in a cycle: ${cycle.join(" -> ")}; Athena cannot expand such views, so break the cycle`,
    });
  }
  if (problems.length > 0) return { views: [], problems };

  const lineage = new Map<string, ColumnRead[]>();
  // Per view, per output column, the base columns it carries: a view's output over another view's column carries
  // what that column carries.
  const carried = new Map<string, Map<string, ColumnRead[]>>();
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const views = topologicalOrder(nodes).map((id): ResolvedView => {
    const a = analyzed.get(id)!;
    const node = nodeById.get(id)!;
    const direct = a.analysis.columnsRead
      .filter((c) => !isView(`${c.database}.${c.relation}`))
      .map((c) => ({ database: c.database, table: c.relation, column: c.column }));
    const own = uniqueBy([...direct, ...node.dependsOn.flatMap((dep) => lineage.get(dep) ?? [])], (c) => `${c.database}.${c.table}.${c.column}`);
    lineage.set(id, own);
    const outputs = new Map<string, ColumnRead[]>();
    for (const { output, column: c } of a.analysis.passThrough ?? []) {
      const through = isView(`${c.database}.${c.relation}`)
        ? (carried.get(`${c.database}.${c.relation}`)?.get(c.column.toLowerCase()) ?? [])
        : [{ database: c.database, table: c.relation, column: c.column }];
      outputs.set(output.toLowerCase(), [...(outputs.get(output.toLowerCase()) ?? []), ...through]);
    }
    carried.set(id, outputs);
    const exposes = uniqueBy([...outputs.values()].flat(), (c) => `${c.database}.${c.table}.${c.column}`);
    const view = a.domain.views![a.index]!;
    return {
      domain: a.domain.name,
      name: view.name,
      id,
      declaration: view,
      sqlFile: a.sqlFile,
      sql: a.sql,
      dependsOn: node.dependsOn,
      readsTables: unique(a.analysis.references.map((r) => `${r.database}.${r.name}`).filter((r) => !isView(r))),
      lineage: own,
      exposes,
      outputColumns: a.analysis.outputColumns,
    };
  });
  return { views, problems: [] };
}

const unique = (items: readonly string[]) => [...new Set(items)];

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
