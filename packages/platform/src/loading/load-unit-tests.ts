/**
 * Loads `domains/<team>/tests/*.ts` (unit tests of views and transforms) and types their rows by the
 * declarations: an unknown relation or column, a value of the wrong type or a missing required column is a
 * problem at its file:line, like any declaration error. Loading uses the same fail-closed loader as `domain.ts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type HiveType, parseHiveType } from "../declarations/hive-type.ts";
import { isDefinedUnitTests, type UnitTestDeclaration, unitTestFile } from "../declarations/unit-test.ts";
import { DeclarationError, type Problem, sortProblems } from "../problems/problem.ts";
import { declarationErrorMap, issuesToProblems } from "../problems/zod-issues.ts";
import { typedValue, type TypedValue } from "../testing/typed-values.ts";
import type { ResolvedTransform } from "../transforms/resolved-transform.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { costReportDomain } from "../cost-monitor/cost-report.ts";
import { evaluateDeclarations } from "./evaluate-declarations.ts";
import { locateProblems } from "./locate.ts";
import type { Domain, Project } from "./project.ts";
import { unitTestMessages as m } from "./unit-test-messages.ts";

export const UNIT_TESTS_DIR = "tests";

export type TypedRow = Readonly<Record<string, TypedValue>>;

export interface RelationColumn {
  readonly name: string;
  readonly type: HiveType;
  readonly required: boolean;
}

/** A table (data columns, then partition keys) or a view (declared columns), as SQL reads it. */
export interface RelationShape {
  /** `domain.name`. */
  readonly id: string;
  readonly database: string;
  readonly name: string;
  readonly columns: readonly RelationColumn[];
}

export type UnitTestSubject =
  | { readonly kind: "view"; readonly view: ResolvedView }
  | { readonly kind: "transform"; readonly transform: ResolvedTransform };

export interface LoadedUnitTest {
  /** Repository-relative path, and the line where the test's name is written. */
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly domain: string;
  readonly subject: UnitTestSubject;
  readonly runDate?: string;
  readonly now?: string;
  /** Every relation the subject reads, with the rows the test gives (empty when not given). */
  readonly relations: readonly { readonly shape: RelationShape; readonly rows: readonly TypedRow[] }[];
  /** The columns the expected rows name, in the subject's output order. */
  readonly expectedColumns: readonly string[];
  readonly expected: readonly TypedRow[];
}

const hive = (text: string): HiveType => {
  const parsed = parseHiveType(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.type;
};

/** Every domain SQL can read: the project's and, with a cost monitor, the platform's cost report. */
function readableDomains(project: Project): readonly Domain[] {
  return project.organisation.costMonitor ? [...project.domains, costReportDomain(project.root)] : project.domains;
}

/** The shape of a relation by id, from the validated declarations. */
export function relationShape(project: Project, id: string): RelationShape | undefined {
  const [database, name] = id.split(".") as [string, string];
  const domain = readableDomains(project).find((d) => d.name === database);
  const table = domain?.tables?.find((t) => t.name === name);
  if (table) {
    const columns = [
      ...table.columns.map((c) => ({ name: c.name, type: hive(c.type), required: c.required === true })),
      ...(table.partitionKeys ?? []).map((k) => ({ name: k.name, type: hive(k.type ?? "string"), required: true })),
    ];
    return { id, database, name, columns };
  }
  const view = domain?.views?.find((v) => v.name === name);
  if (view) return { id, database, name, columns: view.columns.map((c) => ({ name: c.name, type: hive(c.type), required: false })) };
  return undefined;
}

/** What a subject reads and produces. */
export function subjectIo(project: Project, subject: UnitTestSubject): { id: string; reads: string[]; output: RelationColumn[] } {
  if (subject.kind === "view") {
    const view = subject.view;
    return { id: view.id, reads: [...new Set([...view.readsTables, ...view.dependsOn])], output: relationShape(project, view.id)!.columns.map((c) => ({ ...c })) };
  }
  const transform = subject.transform;
  const target = relationShape(project, `${transform.domain}.${transform.target.name}`)!;
  return { id: transform.id, reads: [...new Set(transform.readsTables)], output: [...target.columns] };
}

/** Repository-relative test files of a domain, sorted. */
export function unitTestFiles(root: string, domain: Domain): string[] {
  const folder = `${domain.directory ?? `domains/${domain.name}`}/${UNIT_TESTS_DIR}`;
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .sort()
    .map((f) => `${folder}/${f}`);
}

function typeRows(
  rows: readonly Record<string, unknown>[],
  shape: { label: string; columns: readonly RelationColumn[] },
  at: readonly (string | number)[],
  checkRequired: boolean,
  problems: Problem[],
  file: string,
): TypedRow[] {
  const names = shape.columns.map((c) => c.name);
  return rows.map((row, index) => {
    const out: Record<string, TypedValue> = {};
    for (const [key, value] of Object.entries(row)) {
      const column = shape.columns.find((c) => c.name === key);
      if (!column) {
        problems.push({ source: file, path: [...at, index, key], message: m.unknownColumn(key, shape.label, names) });
        continue;
      }
      const typed = typedValue(column.type, value);
      if ("problem" in typed) problems.push({ source: file, path: [...at, index, key, ...typed.problem.path], message: typed.problem.message });
      else out[key] = typed.value;
    }
    if (checkRequired) {
      for (const column of shape.columns) {
        if (column.required && !(column.name in row)) problems.push({ source: file, path: [...at, index], message: m.missingRequired(column.name, shape.label) });
      }
    }
    return out;
  });
}

/**
 * Rows given by relation name (this domain's unqualified, others' as `domain.name`), typed by the declarations;
 * every relation the subject reads comes back, empty when not given. Problems carry `at` + the rows' path.
 */
export function typeGiven(
  project: Project,
  domain: string,
  io: { readonly id: string; readonly reads: readonly string[] },
  rowsByRelation: Readonly<Record<string, readonly Record<string, unknown>[]>>,
  file: string,
  at: readonly (string | number)[],
  problems: Problem[],
): { shape: RelationShape; rows: TypedRow[] }[] {
  const given = new Map<string, TypedRow[]>();
  const readable = io.reads.map((r) => (r.startsWith(`${domain}.`) ? r.slice(domain.length + 1) : r));
  for (const [key, rows] of Object.entries(rowsByRelation)) {
    const id = key.includes(".") ? key : `${domain}.${key}`;
    if (!io.reads.includes(id)) {
      problems.push({ source: file, path: [...at, key], message: m.notRead(key, io.id, readable) });
      continue;
    }
    const shape = relationShape(project, id)!;
    given.set(id, typeRows(rows, { label: id, columns: shape.columns }, [...at, key], true, problems, file));
  }
  return io.reads.map((id) => ({ shape: relationShape(project, id)!, rows: given.get(id) ?? [] }));
}

function checkTest(project: Project, domain: Domain, file: string, index: number, test: UnitTestDeclaration, line: number, problems: Problem[]): LoadedUnitTest | undefined {
  const before = problems.length;
  let subject: UnitTestSubject | undefined;
  if (test.view !== undefined) {
    const view = project.views.find((v) => v.domain === domain.name && v.name === test.view);
    if (view) subject = { kind: "view", view };
    else problems.push({ source: file, path: [index, "view"], message: m.unknownSubject("view", test.view, domain.name, (domain.views ?? []).map((v) => v.name)) });
  } else {
    const transform = project.transforms?.find((t) => t.domain === domain.name && t.name === test.transform);
    if (transform) subject = { kind: "transform", transform };
    else problems.push({ source: file, path: [index, "transform"], message: m.unknownSubject("transform", test.transform!, domain.name, (domain.transforms ?? []).map((t) => t.name)) });
  }
  if (!subject) return undefined;
  const io = subjectIo(project, subject);
  const given = typeGiven(project, domain.name, io, test.given ?? {}, file, [index, "given"], problems);
  const expectedColumns = Object.keys(test.expect[0] ?? {});
  test.expect.forEach((row, rowIndex) => {
    const these = Object.keys(row);
    if (these.length !== expectedColumns.length || these.some((c) => !expectedColumns.includes(c))) {
      problems.push({ source: file, path: [index, "expect", rowIndex], message: m.expectColumnsDiffer(expectedColumns, these) });
    }
  });
  const expected = typeRows(test.expect, { label: `the output of ${io.id}`, columns: io.output }, [index, "expect"], false, problems, file);
  if (problems.length > before) return undefined;
  return {
    file,
    line,
    name: test.name,
    domain: domain.name,
    subject,
    runDate: test.runDate,
    now: test.now,
    relations: given,
    expectedColumns: io.output.map((c) => c.name).filter((c) => expectedColumns.includes(c)),
    expected,
  };
}

/**
 * The line of each test: where its name is written, found in the text (TypeScript's parser, which places
 * problems, costs a second to load); a name the text does not hold as written falls back to the parser.
 */
function testLines(absoluteFile: string, names: readonly string[]): { line?: number }[] {
  const text = readFileSync(absoluteFile, "utf8");
  let from = 0;
  const found = names.map((name) => {
    const at = name === "" ? -1 : [JSON.stringify(name), `'${name}'`, `\`${name}\``].map((q) => text.indexOf(q, from)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? -1;
    if (at < 0) return undefined;
    from = at + 1;
    return { line: text.slice(0, at).split("\n").length };
  });
  if (found.every((f) => f !== undefined)) return found;
  const located = locateProblems(absoluteFile, "defineUnitTests", names.map((_, index) => ({ source: absoluteFile, path: [index], message: "" })));
  return found.map((f, i) => f ?? located[i] ?? {});
}

/**
 * Every unit test of the project's domains (or of those named), typed; or a DeclarationError with every
 * problem in every test file.
 */
export async function loadUnitTests(project: Project, options: { readonly domains?: readonly string[] } = {}): Promise<LoadedUnitTest[]> {
  const problems: Problem[] = [];
  const tests: LoadedUnitTest[] = [];
  const domains = project.domains.filter((d) => !options.domains || options.domains.includes(d.name));
  const files = domains.flatMap((domain) => unitTestFiles(project.root, domain).map((file) => ({ domain, file })));
  // Test files are code too: the same fail-closed loader as domain.ts (a child process without credentials).
  const loaded = await evaluateDeclarations(project.root, files.map(({ file }) => file));
  files.forEach(({ domain, file }, i) => {
    const { value, problems: loadProblems } = loaded[i]!;
    if (loadProblems.length > 0) return void problems.push(...loadProblems);
    if (!isDefinedUnitTests(value)) return void problems.push({ source: file, message: m.notDefined() });
    const parsed = unitTestFile.safeParse(value.declaration, { error: declarationErrorMap });
    const fileProblems: Problem[] = parsed.success ? [] : issuesToProblems(parsed.error.issues, file);
    const lines = testLines(join(project.root, file), value.declaration.map((t) => (typeof t.name === "string" ? t.name : "")));
    if (parsed.success) {
      parsed.data.forEach((test, index) => {
        const checked = checkTest(project, domain, file, index, test, lines[index]?.line ?? 1, fileProblems);
        if (checked) tests.push(checked);
      });
    }
    problems.push(...locateProblems(join(project.root, file), "defineUnitTests", fileProblems));
  });
  if (problems.length > 0) throw new DeclarationError(sortProblems(problems));
  return tests;
}
