import { dirname, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { exampleRecord } from "../contracts/example-record.ts";
import { recordSchema } from "../contracts/record-schema.ts";
import type { TableDeclaration } from "../declarations/table.ts";
import { findProjectRoot, loadProject } from "../loading/load-project.ts";
import type { Domain, Project } from "../loading/project.ts";
import { DeclarationError, formatProblem } from "../problems/problem.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { domainDidNotLoad, notInADomain, unknownName } from "./testing-messages.ts";

/**
 * One domain as `pnpm check` sees it, for the tests in its `test/` folder. Everything is looked up by the names
 * in `domain.ts`, and a name that is not declared fails with the names that are, so tests read like the domain.
 */
export interface DomainUnderTest {
  readonly name: string;
  /** Every problem `pnpm check` reports for the whole repository, one line each; empty when it passes. */
  readonly problems: readonly string[];
  /** The checked repository; undefined when there are problems. */
  readonly project?: Project;
  /** Names of the domain's tables (ingestion tables included), views and transforms, as declared. */
  readonly tables: readonly string[];
  readonly views: readonly string[];
  readonly transforms: readonly string[];
  table(name: string): TableDeclaration;
  view(name: string): ResolvedView;
  /** Columns producers must always send. */
  requiredColumns(table: string): readonly string[];
  /** The record contract of a table, as `recordSchema` builds it. */
  contract(table: string): z.ZodObject;
  /** A record with every column filled with a value of its type: one the contract must accept. */
  exampleRecord(table: string): Record<string, unknown>;
}

/** The domain whose folder holds `testFile` (pass `import.meta.url`), loaded and checked with the whole repository. */
export async function domainUnderTest(testFile: string | URL): Promise<DomainUnderTest> {
  const file = testFile instanceof URL || testFile.startsWith("file:") ? fileURLToPath(testFile) : testFile;
  let root: string;
  try {
    root = findProjectRoot(dirname(file));
  } catch {
    throw new Error(notInADomain(file));
  }
  const [top, name] = relative(root, file).split(sep);
  if (top !== "domains" || !name) throw new Error(notInADomain(file));
  let project: Project | undefined;
  let problems: string[] = [];
  try {
    project = await loadProject(root);
  } catch (error) {
    if (!(error instanceof DeclarationError)) throw error;
    problems = error.problems.map(formatProblem);
  }
  return describeDomain(name, project, problems);
}

function describeDomain(name: string, project: Project | undefined, problems: readonly string[]): DomainUnderTest {
  const domain: Domain | undefined = project?.domains.find((d) => d.name === name);
  const loaded = () => {
    if (!project || !domain) throw new Error(domainDidNotLoad(name, problems));
    return { project, domain };
  };
  const tables = domain?.tables ?? [];
  const views = project?.views.filter((v) => v.domain === name) ?? [];
  const table = (tableName: string): TableDeclaration => {
    loaded();
    const found = tables.find((t) => t.name === tableName);
    if (!found) throw new Error(unknownName(name, "table", tableName, tables.map((t) => t.name)));
    return found;
  };
  return {
    name,
    problems,
    project,
    tables: tables.map((t) => t.name),
    views: views.map((v) => v.name),
    transforms: (domain?.transforms ?? []).map((t) => t.name),
    table,
    view(viewName) {
      loaded();
      const found = views.find((v) => v.name === viewName);
      if (!found) throw new Error(unknownName(name, "view", viewName, views.map((v) => v.name)));
      return found;
    },
    requiredColumns: (tableName) => table(tableName).columns.filter((c) => c.required).map((c) => c.name),
    contract: (tableName) => recordSchema(table(tableName)),
    exampleRecord: (tableName) => exampleRecord(table(tableName)),
  };
}
