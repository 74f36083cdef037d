import { DEFAULTS } from "../declarations/defaults.ts";
import { defaultTimeUnit } from "../declarations/partition-projection.ts";
import type { PartitionKeyDeclaration, TableDeclaration } from "../declarations/table.ts";

/**
 * Table parameters that make Athena compute partitions (Athena UG, "Setting up partition projection").
 * `locationTemplate` replaces the path built from the keys when another service lays the files out (ingestions).
 */
export function projectionParameters(table: TableDeclaration, tableUri: string, locationTemplate?: string): Record<string, string> {
  const keys = table.partitionKeys ?? [];
  if (keys.length === 0) return {};
  const parameters: Record<string, string> = { "projection.enabled": "true" };
  for (const key of keys) Object.assign(parameters, keyParameters(key));
  const layout = table.partitionLayout ?? DEFAULTS.partitionLayout;
  const segments = keys.map((k) => (layout === "hive" ? `${k.name}=\${${k.name}}` : `\${${k.name}}`));
  parameters["storage.location.template"] = locationTemplate ?? `${tableUri}${segments.join("/")}/`;
  return parameters;
}

function keyParameters(key: PartitionKeyDeclaration): Record<string, string> {
  const p = `projection.${key.name}`;
  const projection = key.projection;
  switch (projection.type) {
    case "date":
      return {
        [`${p}.type`]: "date",
        [`${p}.format`]: projection.format,
        [`${p}.range`]: projection.range.join(","),
        [`${p}.interval`]: String(projection.interval ?? DEFAULTS.projectionInterval),
        [`${p}.interval.unit`]: projection.unit ?? defaultTimeUnit(projection.format),
      };
    case "integer":
      return {
        [`${p}.type`]: "integer",
        [`${p}.range`]: projection.range.join(","),
        [`${p}.interval`]: String(projection.interval ?? DEFAULTS.projectionInterval),
        ...(projection.digits === undefined ? {} : { [`${p}.digits`]: String(projection.digits) }),
      };
    case "enum":
      return { [`${p}.type`]: "enum", [`${p}.values`]: projection.values.join(",") };
    case "injected":
      return { [`${p}.type`]: "injected" };
  }
}
