import { formatPath, formatProblem, type Problem } from "@baikal/platform/project";
import type { RuleFinding } from "@baikal/platform/preflight";
import type { UntypedOutputColumn } from "@baikal/platform/project";

/** How `baikal check` reports: lines for people, JSON for scripts and editors, annotations for GitHub Actions. */
export const CHECK_FORMATS = ["text", "json", "github"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckCounts {
  readonly domains: number;
  readonly tables: number;
  readonly views: number;
  readonly stacks: number;
  readonly ms: number;
}

export interface JsonProblem {
  /** Repository-relative file, or the unit the problem is about. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Where inside the declaration, e.g. `tables[0].columns[2].name`. */
  readonly path?: string;
  readonly message: string;
  /** The line `pnpm check` prints. */
  readonly text: string;
}

export const jsonProblem = (p: Problem): JsonProblem => ({
  file: p.source,
  ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}),
  ...(p.path && p.path.length > 0 ? { path: formatPath(p.path) } : {}),
  message: p.message,
  text: formatProblem(p),
});

/**
 * `baikal check --json`: one document, on success and on failure. Rule findings (from the synthesized stacks) come
 * in `findings` with their rule and severity, output columns of unknown type in `untyped`; `ok` is false when a
 * problem or an error finding is there.
 */
export function checkJson(result: {
  readonly counts?: CheckCounts;
  readonly problems: readonly Problem[];
  readonly findings?: readonly RuleFinding[];
  /** Output columns whose declared type nothing checked, because the analysis could not infer it. */
  readonly untyped?: readonly UntypedOutputColumn[];
}): string {
  const findings = result.findings ?? [];
  const untyped = result.untyped ?? [];
  const ok = result.problems.length === 0 && !findings.some((f) => f.severity === "error");
  const body = {
    ok,
    ...(ok ? result.counts : {}),
    ...(result.problems.length > 0 || !ok ? { problems: result.problems.map(jsonProblem) } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    ...(untyped.length > 0 ? { untyped } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

// Workflow commands: data escapes %, CR and LF; properties also : and , (actions/toolkit, command.ts).
const escapeData = (text: string) => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (text: string) => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");

/**
 * A GitHub Actions error annotation, shown on the pull request's diff at the problem's line:
 * `::error file=domains/news/domain.ts,line=41,col=7,title=baikal check::tables[0].colums: unknown key ...`.
 * A problem about no particular file (e.g. a missing baikal.config.ts) is annotated without one.
 */
export function githubAnnotation(p: Problem): string {
  const isFile = /\.(ts|sql|json)$/.test(p.source) && !p.source.startsWith("/");
  const path = p.path && p.path.length > 0 ? `${formatPath(p.path)}: ` : "";
  const properties = [
    ...(isFile ? [`file=${escapeProperty(p.source)}`] : []),
    ...(isFile && p.line !== undefined ? [`line=${p.line}`, `col=${p.column ?? 1}`] : []),
    `title=${escapeProperty("baikal check")}`,
  ];
  return `::error ${properties.join(",")}::${escapeData(`${isFile ? "" : `${p.source}: `}${path}${p.message}`)}`;
}

/** A rule finding as an annotation: it is about a synthesized stack, not a line of a file, so it names both. */
export function githubRuleAnnotation(f: RuleFinding): string {
  const level = f.severity === "error" ? "error" : "warning";
  return `::${level} title=${escapeProperty(`baikal preflight ${f.check}`)}::${escapeData(`${f.stack}: ${f.where}: ${f.message}`)}`;
}

/** An output column whose declared type is unchecked, as a notice on its line of the SQL file. */
export function githubUntypedNotice(u: UntypedOutputColumn): string {
  const properties = [`file=${escapeProperty(u.source)}`, ...(u.line !== undefined ? [`line=${u.line}`, `col=${u.columnNumber ?? 1}`] : []), `title=${escapeProperty("baikal check")}`];
  return `::notice ${properties.join(",")}::${escapeData(`the type of column "${u.column}" of ${u.kind} ${u.subject} could not be inferred, so its declared type ${u.declaredType} is unchecked`)}`;
}
