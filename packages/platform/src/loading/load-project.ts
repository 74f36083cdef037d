import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { domainSchema, isDefinedDomain } from "../declarations/domain.ts";
import { isDefinedOrganisation, organisationSchema } from "../declarations/organisation.ts";
import { DeclarationError, type Problem, sortProblems } from "../problems/problem.ts";
import { declarationErrorMap, issuesToProblems } from "../problems/zod-issues.ts";
import { analyzeTransforms } from "../transforms/analyze-transforms.ts";
import { costReportDomain } from "../cost-monitor/cost-report.ts";
import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import { analyzeViews } from "../views/analyze-views.ts";
import { compileGrants } from "../grants/compile-grants.ts";
import { checkDatasets } from "../bi/check-datasets.ts";
import { checkExports } from "../exports/check-exports.ts";
import { locateProblems } from "./locate.ts";
import { ViewAnalysisCache } from "../caching/analysis-cache.ts";
import { useAnalysisCache, withSqlAnalyser } from "../caching/cached-analysis.ts";
import { type Evaluated, evaluateDeclarations } from "./evaluate-declarations.ts";
import type { LoadSession } from "./load-session.ts";
import { withIngestionTables } from "../ingestion/ingestion-tables.ts";
import { checkLimits } from "../preflight/limits/check-limits.ts";
import type { Domain, Project } from "./project.ts";

export const CONFIG_FILE = "baikal.config.ts";
export const DOMAINS_DIR = "domains";

/** The nearest folder at or above `from` holding `baikal.config.ts`. */
export function findProjectRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new DeclarationError([
        { source: resolve(from), message: `no ${CONFIG_FILE} here or in any parent folder; run baikal inside a Baikal repository` },
      ]);
    }
    dir = parent;
  }
}

/** Repository-relative paths of every `domains/<team>/domain.ts`, sorted. */
export function listDomainFiles(root: string): string[] {
  const dir = join(root, DOMAINS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "domain.ts")))
    .map((entry) => `${DOMAINS_DIR}/${entry.name}/domain.ts`)
    .sort();
}

/**
 * Baikal's messages; and no JIT: zod compiles a parser per object shape on first use, which costs more than it
 * saves when each schema parses a few declarations (measured: faster with 3 domains and with 300).
 */
const PARSE = { error: declarationErrorMap, jitless: true } as const;

export interface LoadOptions {
  /** Reuse what an earlier load in this process found (`check --watch`). @default a fresh load */
  readonly session?: LoadSession;
}

export interface Loaded<T> {
  readonly value?: T;
  readonly problems: Problem[];
}

/**
 * Problems of a file that gave no value. A path into `defineX({...})`'s result starts at its `declaration`;
 * from there it is a path in the literal, which can be placed at a line.
 */
function unloaded(root: string, callee: string, evaluated: Evaluated): Problem[] {
  return evaluated.problems.flatMap((problem) => {
    if (problem.path?.[0] !== "declaration" || problem.source !== evaluated.file) return [problem];
    return locateProblems(join(root, problem.source), callee, [{ ...problem, path: problem.path.slice(1) }]);
  });
}

function loadOrganisation(root: string, evaluated: Evaluated): Loaded<Project["organisation"]> {
  if (evaluated.problems.length > 0) return { problems: unloaded(root, "defineOrganisation", evaluated) };
  const { value } = evaluated;
  if (!isDefinedOrganisation(value)) {
    return { problems: [{ source: CONFIG_FILE, message: "must `export default defineOrganisation({...})` from \"@baikal/platform/declare\"" }] };
  }
  const parsed = organisationSchema.safeParse(value.declaration, PARSE);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: locateProblems(join(root, CONFIG_FILE), "defineOrganisation", issuesToProblems(parsed.error.issues, CONFIG_FILE)) };
}

function loadDomain(root: string, evaluated: Evaluated): Loaded<Domain> {
  const { file, value } = evaluated;
  if (evaluated.problems.length > 0) return { problems: unloaded(root, "defineDomain", evaluated) };
  if (!isDefinedDomain(value)) {
    return { problems: [{ source: file, message: "must `export default defineDomain({...})` from \"@baikal/platform/declare\"" }] };
  }
  const parsed = domainSchema.safeParse(value.declaration, PARSE);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, file);
  const folder = file.split("/")[1]!;
  const name = value.declaration.name;
  if (typeof name === "string" && name !== folder) {
    problems.push({
      source: file,
      path: ["name"],
      message: `the domain is named "${name}" but lives in ${DOMAINS_DIR}/${folder}/; rename one so they match (the folder is how CI knows who owns a change)`,
    });
  }
  if (problems.length > 0) return { problems: locateProblems(join(root, file), "defineDomain", problems) };
  // Ingestion templates declare raw tables; from here on they are ordinary tables of the domain.
  return { value: withIngestionTables({ ...parsed.data!, sourceFile: file }), problems: [] };
}

/** Gives problems that name a place in a `domain.ts` (but no line yet) their line and column. */
function locateInDomainFiles(root: string, problems: readonly Problem[]): Problem[] {
  const placed = problems.filter((p) => p.line !== undefined);
  const bySource = new Map<string, Problem[]>();
  for (const p of problems) if (p.line === undefined) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
  for (const [source, group] of bySource) placed.push(...locateProblems(join(root, source), "defineDomain", group));
  return placed;
}

/**
 * Loads and validates `baikal.config.ts`, every domain, and then every view's SQL against the whole catalog.
 * Either all of it is valid and a Project comes back, or a DeclarationError lists every problem in every
 * file: nothing is ever half-loaded. One mistake hides nothing else: when a domain's declarations are broken,
 * every other domain's SQL is still checked, with the broken domain's relations left unresolved (a view
 * reading them reports nothing it cannot know), so a PR sees all of its problems in one run.
 */
export async function loadProject(root: string = findProjectRoot(), options: LoadOptions = {}): Promise<Project> {
  const { session } = options;
  const domainFiles = listDomainFiles(root);
  const files = [CONFIG_FILE, ...domainFiles];
  // A session evaluates again only files whose sources changed, and keeps what their checks found.
  const [config, ...evaluated] = session ? await session.evaluate(root, files) : await evaluateDeclarations(root, files);
  const organisation = session ? session.checked(config!, () => loadOrganisation(root, config!)) : loadOrganisation(root, config!);
  const loaded = evaluated.map((e) => (session ? session.checked(e, () => loadDomain(root, e)) : loadDomain(root, e)));
  const declarationProblems = [...organisation.problems, ...loaded.flatMap((d) => d.problems)];
  const domains = loaded.flatMap((d) => (d.value ? [d.value] : []));
  // The folder is the domain's name (loadDomain insists), and so the database its relations would be in.
  const unavailable = domainFiles.filter((_, i) => !loaded[i]!.value).map((file) => file.split("/")[1]!);
  // The cost report's views are checked like any domain's, against the query log the platform declares.
  if (!organisation.value) unavailable.push(PLATFORM_DATABASE);
  const platform = organisation.value?.costMonitor ? [costReportDomain(root)] : [];
  const cache = session?.cache ?? ViewAnalysisCache.open(root);
  useAnalysisCache(cache);
  const { views, problems: viewProblems } = await analyzeViews(root, [...domains, ...platform], { cache, unavailable });
  const { transforms, problems: transformProblems } = await withSqlAnalyser(() => analyzeTransforms(root, domains, views, unavailable));
  cache.save();
  const sqlProblems = locateInDomainFiles(root, [...viewProblems, ...transformProblems]);
  if (declarationProblems.length > 0 || !organisation.value) throw new DeclarationError(sortProblems([...declarationProblems, ...sqlProblems]));
  if (sqlProblems.length > 0) throw new DeclarationError(sortProblems(sqlProblems));
  // Grants need the views' lineage, so they are checked last.
  const { problems: compiled } = await withSqlAnalyser(() => compileGrants({ organisation: organisation.value!, domains, views }));
  // Transforms, data tests and row filters are cached with the views.
  cache.save();
  const grantProblems = [
    ...compiled,
    ...checkDatasets(organisation.value, domains),
    ...checkExports(organisation.value, domains, views),
    // AWS's limits on declared values (lengths, counts, schedules, definition sizes), at the place each is declared.
    ...checkLimits({ organisation: organisation.value, domains, views, transforms }, CONFIG_FILE),
  ];
  if (grantProblems.length > 0) {
    const inConfig = grantProblems.filter((p) => p.source === CONFIG_FILE);
    const placed = [
      ...locateProblems(join(root, CONFIG_FILE), "defineOrganisation", inConfig),
      ...locateInDomainFiles(root, grantProblems.filter((p) => p.source !== CONFIG_FILE)),
    ];
    throw new DeclarationError(sortProblems(placed));
  }
  return { root, organisation: organisation.value, domains, views, transforms };
}

/** Repository-relative form of an absolute path, for messages. */
export function relativeToRoot(root: string, path: string): string {
  return relative(root, path) || ".";
}
