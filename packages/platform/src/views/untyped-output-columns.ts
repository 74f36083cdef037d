import type { Project } from "../loading/project.ts";

/** An output column of a view or transform whose type the static analysis could not infer. */
export interface UntypedOutputColumn {
  readonly kind: "view" | "transform";
  /** `domain.name` */
  readonly subject: string;
  readonly column: string;
  /** The type the declaration gives it, which nothing checked. */
  readonly declaredType: string;
  /** Repository-relative SQL file, and where the column is selected. */
  readonly source: string;
  readonly line?: number;
  readonly columnNumber?: number;
}

/**
 * The output columns whose declared type was taken on trust: the analysis could not infer what the SELECT
 * produces there, so neither the stale-view check nor the target-table check could compare it. They are listed
 * by `baikal check --explain` and counted by `baikal check`, never passed silently.
 */
export function untypedOutputColumns(project: Pick<Project, "views" | "transforms">): UntypedOutputColumn[] {
  const untyped: UntypedOutputColumn[] = [];
  for (const view of project.views) {
    for (const output of view.outputColumns) {
      if (output.type !== undefined) continue;
      const declared = view.declaration.columns.find((c) => c.name === output.name);
      untyped.push({
        kind: "view",
        subject: view.id,
        column: output.name,
        declaredType: declared?.type ?? "(undeclared)",
        source: view.sqlFile,
        line: output.line,
        columnNumber: output.column,
      });
    }
  }
  for (const transform of project.transforms ?? []) {
    for (const output of transform.outputColumns) {
      if (output.type !== undefined) continue;
      const declared = transform.target.columns.find((c) => c.name === output.name) ?? transform.target.partitionKeys?.find((c) => c.name === output.name);
      untyped.push({
        kind: "transform",
        subject: transform.id,
        column: output.name,
        declaredType: declared?.type ?? "(undeclared)",
        source: transform.sqlFile,
        line: output.line,
        columnNumber: output.column,
      });
    }
  }
  return untyped;
}

/** One line per column, as `check --explain` prints it: file:line:col, then what was not checked and why it matters. */
export function formatUntypedOutputColumn(u: UntypedOutputColumn): string {
  const at = u.line !== undefined ? `${u.source}:${u.line}:${u.columnNumber ?? 1}` : u.source;
  const checkedBy = u.kind === "view" ? "Athena compares it on the first read of the view (a mismatch is VIEW_IS_STALE)" : "the first run's INSERT checks it";
  return (
    `${at}: note: the type of column "${u.column}" of ${u.kind} ${u.subject} could not be inferred, so its declared type ${u.declaredType} is unchecked; ` +
    `${checkedBy}: CAST the expression to the declared type to have it checked now`
  );
}
