import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { domainSchema, isDefinedDomain } from "../declarations/domain.ts";
import { isDefinedOrganisation, organisationSchema } from "../declarations/organisation.ts";
import { DeclarationError, type Problem, sortProblems } from "../problems/problem.ts";
import { declarationErrorMap, issuesToProblems } from "../problems/zod-issues.ts";
import { analyzeTransforms } from "../transforms/analyze-transforms.ts";
import { costReportDomain } from "../cost-monitor/cost-report.ts";
import { analyzeViews } from "../views/analyze-views.ts";
import { compileGrants } from "../grants/compile-grants.ts";
import { checkDatasets } from "../bi/check-datasets.ts";
import { locateProblems } from "./locate.ts";
import { ViewAnalysisCache } from "../caching/analysis-cache.ts";
import { analyzeView, createCatalog } from "@baikal/sql";
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
 * State kept between loads by `baikal check --watch`: declaration files are re-imported only when their
 * modification time changes (a new URL, since modules are cached by URL), and view analyses stay in memory.
 * Modules that a declaration file imports are not reloaded; the watcher says so.
 */
export class LoadSession {
  readonly declarations = new Map<string, { readonly mtimeMs: number; readonly loaded: Promise<Loaded<unknown>> }>();
  constructor(readonly cache: ViewAnalysisCache) {}

  static open(root: string): LoadSession {
    return new LoadSession(ViewAnalysisCache.open(root));
  }

  /**
   * Parses a sample of the project's views once, outside any check: ANTLR builds its prediction cache while
   * parsing, so after a check served from the cache the first edited view would otherwise pay that warm-up.
   */
  warmUp(project: Project, sample = 40): void {
    const catalog = createCatalog([]);
    const step = Math.max(1, Math.floor(project.views.length / sample));
    for (let i = 0; i < project.views.length; i += step) analyzeView(project.views[i]!.sql, { defaultDatabase: project.views[i]!.domain, catalog });
  }

  /** The file's last load while it is unchanged; otherwise `load(version)`, remembered. */
  reuse<T>(root: string, file: string, load: (version?: number) => Promise<Loaded<T>>): Promise<Loaded<T>> {
    const mtimeMs = statSync(join(root, file)).mtimeMs;
    const known = this.declarations.get(file);
    if (known?.mtimeMs === mtimeMs) return known.loaded as Promise<Loaded<T>>;
    const loaded = load(mtimeMs);
    this.declarations.set(file, { mtimeMs, loaded });
    return loaded;
  }
}

export interface LoadOptions {
  /** Reuse what an earlier load in this process found (`check --watch`). @default a fresh load */
  readonly session?: LoadSession;
}

async function importDefault(root: string, file: string, version?: number): Promise<{ value?: unknown; problem?: Problem }> {
  try {
    const url = pathToFileURL(join(root, file)).href;
    const module = (await import(version === undefined ? url : `${url}?v=${version}`)) as { default?: unknown };
    return { value: module.default };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problem: { source: file, message: `could not be loaded: ${reason}` } };
  }
}

interface Loaded<T> {
  readonly value?: T;
  readonly problems: Problem[];
}

async function loadOrganisation(root: string, version?: number): Promise<Loaded<Project["organisation"]>> {
  const { value, problem } = await importDefault(root, CONFIG_FILE, version);
  if (problem) return { problems: [problem] };
  if (!isDefinedOrganisation(value)) {
    return { problems: [{ source: CONFIG_FILE, message: "must `export default defineOrganisation({...})` from \"@baikal/platform/declare\"" }] };
  }
  const parsed = organisationSchema.safeParse(value.declaration, { error: declarationErrorMap });
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: locateProblems(join(root, CONFIG_FILE), "defineOrganisation", issuesToProblems(parsed.error.issues, CONFIG_FILE)) };
}

async function loadDomain(root: string, file: string, version?: number): Promise<Loaded<Domain>> {
  const { value, problem } = await importDefault(root, file, version);
  if (problem) return { problems: [problem] };
  if (!isDefinedDomain(value)) {
    return { problems: [{ source: file, message: "must `export default defineDomain({...})` from \"@baikal/platform/declare\"" }] };
  }
  const parsed = domainSchema.safeParse(value.declaration, { error: declarationErrorMap });
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
 * file: nothing is ever half-loaded. SQL is checked only once the declarations are valid, because a broken
 * declaration would make correct SQL look wrong.
 */
export async function loadProject(root: string = findProjectRoot(), options: LoadOptions = {}): Promise<Project> {
  const { session } = options;
  const organisation = await (session ? session.reuse(root, CONFIG_FILE, (v) => loadOrganisation(root, v)) : loadOrganisation(root));
  const loaded = await Promise.all(
    listDomainFiles(root).map((file) => (session ? session.reuse(root, file, (v) => loadDomain(root, file, v)) : loadDomain(root, file))),
  );
  const problems = [...organisation.problems, ...loaded.flatMap((d) => d.problems)];
  if (problems.length > 0 || !organisation.value) throw new DeclarationError(sortProblems(problems));
  const domains = loaded.map((d) => d.value!);
  // The cost report's views are checked like any domain's, against the query log the platform declares.
  const platform = organisation.value.costMonitor ? [costReportDomain(root)] : [];
  const { views, problems: viewProblems } = await analyzeViews(root, [...domains, ...platform], { cache: session?.cache });
  const { transforms, problems: transformProblems } = analyzeTransforms(root, domains, views);
  const sqlProblems = [...viewProblems, ...transformProblems];
  if (sqlProblems.length > 0) throw new DeclarationError(sortProblems(locateInDomainFiles(root, sqlProblems)));
  // Grants need the views' lineage, so they are checked last.
  const { problems: compiled } = compileGrants({ organisation: organisation.value, domains, views });
  const grantProblems = [
    ...compiled,
    ...checkDatasets(organisation.value, domains),
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
