/**
 * Rows for every relation a view or transform reads, generated from the declarations: every column gets values
 * of its type (nested types included, NULLs in optional columns of the last row), ids and strings repeat across
 * relations so joins match, partition keys follow their projection, and columns named like timestamps in
 * strings hold ISO 8601 text. Used by `baikal preview` without --rows and by the second opinion on types.
 */
import type { HiveType, Project, RelationShape, TypedRow, TypedValue } from "@baikal/platform/project";

export const PREVIEW_NOW = "2024-01-02T12:00:00Z";
export const PREVIEW_RUN_DATE = "2024-01-02";
const ROWS = 3;

const day = (i: number) => `2024-01-0${(i % 3) + 1}`;

function formatDate(format: string, date: string): string {
  const [y, m, d] = date.split("-") as [string, string, string];
  return format.replace("yyyy", y).replace("MM", m).replace("dd", d);
}

function value(type: HiveType, column: string, i: number): TypedValue {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "boolean":
          return i % 2 === 0;
        case "tinyint":
        case "smallint":
        case "int":
        case "bigint":
          return String((i % 3) + 1);
        case "float":
        case "double":
          return i + 0.5;
        case "string":
          if (/(^|_)(dt|date|day)$/.test(column)) return day(i);
          if (/(_at|_time|timestamp)$/.test(column)) return `${day(i)}T09:00:0${i}+09:00`;
          return `${column}-${(i % 3) + 1}`;
        case "date":
          return day(i);
        case "timestamp":
          return `${day(i)} 0${i}:00:00.${String(i * 125).padStart(3, "0")}`;
        case "binary":
          return `ca${String(i).padStart(2, "0")}`;
      }
      break;
    case "decimal": {
      const whole = String((i % 3) + 1).slice(0, Math.max(1, type.precision - type.scale));
      return type.scale > 0 ? `${whole}.${"5".repeat(type.scale)}` : whole;
    }
    case "varchar":
    case "char":
      return `${column}-${(i % 3) + 1}`.slice(0, type.length).padEnd(type.kind === "char" ? type.length : 0, " ");
    case "array":
      return [value(type.element, column, i), value(type.element, column, i + 1)];
    case "map": {
      const key = value(type.key, `${column}_key`, i);
      return { [typeof key === "string" ? key : JSON.stringify(key)]: value(type.value, column, i) };
    }
    case "struct":
      return Object.fromEntries(type.fields.map((f) => [f.name, value(f.type, f.name, i)]));
  }
  return null;
}

function partitionValue(project: Project, shape: RelationShape, column: string, i: number): TypedValue | undefined {
  const table = project.domains.find((d) => d.name === shape.database)?.tables?.find((t) => t.name === shape.name);
  const key = table?.partitionKeys?.find((k) => k.name === column);
  if (!key) return undefined;
  const projection = key.projection;
  if (projection.type === "date") return formatDate(projection.format, day(i));
  if (projection.type === "enum") return projection.values[i % projection.values.length]!;
  if (projection.type === "integer") return String(projection.range[0] + (i % 3));
  return undefined;
}

export function generateRows(project: Project, shape: RelationShape): TypedRow[] {
  return Array.from({ length: ROWS }, (_, i) =>
    Object.fromEntries(
      shape.columns.map((c) => {
        const fromProjection = partitionValue(project, shape, c.name, i);
        if (fromProjection !== undefined) return [c.name, fromProjection];
        if (i === ROWS - 1 && !c.required) return [c.name, null];
        return [c.name, value(c.type, c.name, i)];
      }),
    ),
  );
}
