/**
 * A problem found in a declaration: where it is, what is wrong and how to fix it.
 * Every check in Baikal reports `Problem`s and never throws half-way, so one run shows them all.
 */
export interface Problem {
  /** Repository-relative file (`domains/ads/domain.ts`) or a unit name (`domains/ads`). */
  readonly source: string;
  /** Path inside the declaration, e.g. `["tables", 1, "columns", 2, "name"]`. */
  readonly path?: readonly (string | number)[];
  /** 1-based position in `source`, when it could be located. */
  readonly line?: number;
  readonly column?: number;
  /** What is wrong, what was given, what is allowed and how to fix it. */
  readonly message: string;
}

/** `tables[1].columns[2].name` */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out;
}

/**
 * One line per problem: `file:line:col: path: message` when the place is known,
 * `source > path: message` otherwise (the two forms editors and CI annotators understand).
 */
export function formatProblem(problem: Problem): string {
  const path = problem.path && problem.path.length > 0 ? formatPath(problem.path) : undefined;
  if (problem.line !== undefined) {
    const where = `${problem.source}:${problem.line}:${problem.column ?? 1}`;
    return path ? `${where}: ${path}: ${problem.message}` : `${where}: ${problem.message}`;
  }
  return path ? `${problem.source} > ${path}: ${problem.message}` : `${problem.source}: ${problem.message}`;
}

/** Thrown when declarations are invalid; carries every problem so callers can print them all. */
export class DeclarationError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the declarations; nothing was synthesized:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "DeclarationError";
  }
}

/** Sort by file, then position, so output is stable and reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      formatPath(a.path ?? []).localeCompare(formatPath(b.path ?? [])),
  );
}
