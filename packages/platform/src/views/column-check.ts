import { canCoerce, type OutputColumn } from "@baikal/sql/types";
import type { ViewDeclaration } from "../declarations/view.ts";
import type { Problem } from "../problems/problem.ts";
import { hiveTypeOf } from "./hive-type-of.ts";
import { trinoTypeOf } from "../declarations/hive-type.ts";

export interface ColumnCheckContext {
  readonly view: ViewDeclaration;
  readonly viewIndex: number;
  /** `domains/<team>/domain.ts` and `domains/<team>/views/<view>.sql`. */
  readonly domainFile: string;
  readonly sqlFile: string;
}

/**
 * The declared columns must be what the SELECT produces: same names, same order, types the output can be
 * stored as. Athena compares the stored definition with the query on every read and calls any difference a
 * stale view (`VIEW_IS_STALE`), so a mismatch here is a view that would never run.
 */
export function checkViewColumns(output: readonly OutputColumn[], context: ColumnCheckContext): Problem[] {
  const { view, viewIndex, domainFile, sqlFile } = context;
  const declared = view.columns;
  const declaredNames = declared.map((c) => c.name);
  const outputNames = output.map((c) => c.name);
  const problems: Problem[] = [];
  const atOutput = (column: OutputColumn, message: string): Problem => ({ source: sqlFile, line: column.line, column: column.column, message });

  const missing = declared.filter((c) => !outputNames.includes(c.name));
  const extra = output.filter((c) => !declaredNames.includes(c.name));
  for (const column of missing) {
    problems.push({
      source: domainFile,
      path: ["views", viewIndex, "columns", declared.indexOf(column), "name"],
      message: `column "${column.name}" is declared but ${sqlFile} does not select it (it selects: ${outputNames.join(", ")}); select it or remove the declaration`,
    });
  }
  for (const column of extra) {
    problems.push(
      atOutput(
        column,
        `the SELECT produces "${column.name}", which views[${viewIndex}] in ${domainFile} does not declare; add it to the view's columns${column.type && hiveTypeOf(column.type) ? ` (type "${hiveTypeOf(column.type)}")` : ""} or remove it from the SELECT`,
      ),
    );
  }
  if (missing.length === 0 && extra.length === 0 && outputNames.join() !== declaredNames.join()) {
    problems.push({
      source: sqlFile,
      line: output[0]?.line ?? 1,
      column: output[0]?.column ?? 1,
      message: `the SELECT produces ${outputNames.join(", ")} but ${domainFile} declares ${declaredNames.join(", ")}; Athena matches view columns by position, so put them in the same order`,
    });
    return problems;
  }

  for (const column of output) {
    const declaration = declared.find((c) => c.name === column.name);
    if (!declaration || column.type === undefined) continue;
    const stored = trinoTypeOf(declaration.type);
    if (!canCoerce(column.type, stored)) {
      const produced = hiveTypeOf(column.type);
      const fix = produced
        ? `declare it as ${produced}, or CAST the expression to ${stored}`
        : `Hive has no ${column.type}, so CAST the expression to ${stored}`;
      problems.push(
        atOutput(
          column,
          `column "${column.name}" is declared as ${declaration.type} (${stored} in Athena) but the SELECT produces ${column.type}; Athena would report the view as stale: ${fix}`,
        ),
      );
    }
  }
  return problems;
}
