import { isDeepStrictEqual } from "node:util";
import { dataBearing } from "../data-bearing.ts";
import { type InPlaceRule } from "./rule.ts";
import { type ColumnAccess, canReadAs, columnAccess, COMPATIBLE_TYPES } from "./schema-evolution.ts";
import { type Column, formatOf, type TableShape, tableShape } from "./table-shape.ts";

/** Catalog partitions keep the schema they were written with; projected partitions (Baikal's) do not. */
const catalogPartitioned = (t: TableShape) => (t.partitionKeys?.length ?? 0) > 0 && String(t.parameters["projection.enabled"]) !== "true";

function typeProblem(name: string, from: string, to: string, access: ColumnAccess, table: TableShape): string | undefined {
  if (from === to) return undefined;
  if (access.columnar && !catalogPartitioned(table)) {
    const kind = (table.partitionKeys?.length ?? 0) > 0 ? "a partition-projected" : "an unpartitioned";
    return (
      `${name} changes type from ${from} to ${to}: ${access.format} files keep the type each column was written with, ` +
      `and ${kind} table's partitions keep no schema of their own for Athena to convert from`
    );
  }
  if (canReadAs(from, to)) return undefined;
  const readable = COMPATIBLE_TYPES[from.toLowerCase()];
  return `${name} changes type from ${from} to ${to}, which Athena cannot read ${from} data as${readable ? ` (only as ${readable.join(", ")})` : ""}`;
}

function byName(old: readonly Column[], now: readonly Column[], access: ColumnAccess, table: TableShape): string[] {
  const problems: string[] = [];
  const oldNames = new Set(old.map((c) => c.name));
  old.forEach((column, i) => {
    const kept = now.find((c) => c.name === column.name);
    if (kept) {
      const problem = typeProblem(column.name, column.type, kept.type, access, table);
      if (problem) problems.push(problem);
      return;
    }
    // Removing a column is allowed; a new column in its place with its type is a rename, which is not.
    const successor = now[i];
    if (successor && !oldNames.has(successor.name) && successor.type === column.type) {
      problems.push(
        `${column.name} is renamed to ${successor.name}: ${access.format} reads columns by name, so in the files already written ${successor.name} reads as null and ${column.name}'s values are no longer read`,
      );
    }
  });
  return problems;
}

function byIndex(old: readonly Column[], now: readonly Column[], access: ColumnAccess, table: TableShape): string[] {
  const problems: string[] = [];
  const position = (list: readonly Column[], name: string) => list.findIndex((c) => c.name === name);
  const why = `${access.format} reads columns by position`;
  old.forEach((column, i) => {
    const there = now[i];
    if (!there) {
      problems.push(`${column.name} (position ${i + 1}) is removed, which ${why} does not allow`);
      return;
    }
    const moved = position(now, column.name);
    if (moved >= 0 && moved !== i) {
      problems.push(`${column.name} moves from position ${i + 1} to ${moved + 1}: ${why}, so the files already written fill it with another column's values`);
      return;
    }
    if (moved < 0 && position(old, there.name) >= 0) return; // reported where that column moved from
    const problem = typeProblem(there.name === column.name ? column.name : `${column.name} (renamed ${there.name})`, column.type, there.type, access, table);
    if (problem) problems.push(problem);
  });
  return problems;
}

/**
 * Column changes that make the files already written read wrongly, following Athena's schema-update rules for the
 * table's format (see schema-evolution.ts). Adding columns at the end is always safe; a format change is the
 * format rule's finding, not this one's.
 */
export const tableColumnsRule: InPlaceRule = {
  id: "table-columns",
  types: ["aws_glue_catalog_table"],
  check({ before, after, reportUnknown }) {
    if (!dataBearing("aws_glue_catalog_table", before) || !dataBearing("aws_glue_catalog_table", after)) return [];
    const old = tableShape(before);
    const now = tableShape(after);
    if (!isDeepStrictEqual(formatOf(old), formatOf(now)) || !old.columns || !now.columns) return [];
    if (isDeepStrictEqual(old.columns, now.columns.slice(0, old.columns.length))) return [];
    const access = columnAccess(old.serde, old.inputFormat, old.serdeParameters);
    if (!access) {
      if (!reportUnknown) return [];
      return [
        {
          change: "columns",
          what: `its columns change, and the guard does not know how ${String(old.serde)} reads files written with the old columns`,
          fix: "keep the existing columns as they were and add new ones at the end",
        },
      ];
    }
    const problems = (access.by === "name" ? byName : byIndex)(old.columns, now.columns, access, old);
    if (problems.length === 0) return [];
    return [
      {
        change: "columns",
        what: `its columns change in a way the ${access.format} files already written cannot be read with: ${problems.join("; ")}`,
        fix: "keep the existing columns as they were and add new ones at the end; to change them, write the data again into a new table",
      },
    ];
  },
};
