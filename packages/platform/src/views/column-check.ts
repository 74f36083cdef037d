import { canCoerce, parseTrinoType, type OutputColumn, type TrinoType } from "@baikal/sql/types";
import type { ViewDeclaration } from "../declarations/view.ts";
import type { Problem } from "../problems/problem.ts";
import { suggestedHiveType } from "./hive-type-of.ts";
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
        `the SELECT produces "${column.name}", which views[${viewIndex}] in ${domainFile} does not declare; add it to the view's columns${column.type && suggestedHiveType(column.type) ? ` (type "${suggestedHiveType(column.type)}")` : ""} or remove it from the SELECT`,
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
      const produced = suggestedHiveType(column.type);
      const fix = produced
        ? `declare it as ${produced}, or CAST the expression to ${stored}`
        : `Hive has no ${column.type}, so CAST the expression to ${stored}`;
      problems.push(
        atOutput(
          column,
          `column "${column.name}" is declared as ${declaration.type} (${stored} in Athena) but the SELECT produces ${column.type}; Athena would report the view as stale: ${fix}`,
        ),
      );
      continue;
    }
    const renamed = renamedField(column.type, stored);
    if (renamed !== undefined) {
      problems.push(
        atOutput(
          column,
          `column "${column.name}" declares the struct field "${renamed.declared}" where the SELECT produces "${renamed.produced}"; Athena would silently read ${renamed.produced} as ${renamed.declared}: declare the field as ${renamed.produced}, or build the row with the declared names`,
        ),
      );
    }
  }
  return problems;
}

/**
 * The first row field whose declared name differs from the produced one. Trino coerces rows by position and
 * ignores names, so the view would run, and every reader would see the declared name on the other value.
 */
function renamedField(produced: string, stored: string): { declared: string; produced: string } | undefined {
  const a = parseTrinoType(produced);
  const b = parseTrinoType(stored);
  const walk = (x: TrinoType | undefined, y: TrinoType | undefined): { declared: string; produced: string } | undefined => {
    if (x === undefined || y === undefined) return undefined;
    if (x.kind === "array" && y.kind === "array") return walk(x.element, y.element);
    if (x.kind === "map" && y.kind === "map") return walk(x.key, y.key) ?? walk(x.value, y.value);
    if (x.kind !== "row" || y.kind !== "row") return undefined;
    for (let i = 0; i < x.fields.length; i++) {
      const p = x.fields[i];
      const d = y.fields[i];
      if (p?.name !== undefined && d?.name !== undefined && p.name.toLowerCase() !== d.name.toLowerCase()) return { declared: d.name, produced: p.name };
      const inner = walk(p?.type, d?.type);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return walk(a, b);
}
