import { isDeepStrictEqual } from "node:util";
import { dataBearing } from "../data-bearing.ts";
import { droppedValues, rangeCovers } from "./projection-range.ts";
import { type InPlaceProblem, type InPlaceRule, known, show } from "./rule.ts";
import { bucketOf, formatOf, type TableShape, tableShape } from "./table-shape.ts";

const differs = (a: unknown, b: unknown) => known(a) && known(b) && !isDeepStrictEqual(a, b);

/** New partition keys change the template too; the partition-keys finding says so, once. */
const sameKeys = (old: TableShape, now: TableShape) => isDeepStrictEqual(old.partitionKeys?.map((k) => k.name), now.partitionKeys?.map((k) => k.name));

function location(old: TableShape, now: TableShape): InPlaceProblem[] {
  const parts = [
    differs(old.location, now.location) && `location changes from ${show(old.location)} to ${show(now.location)}`,
    sameKeys(old, now) && differs(old.template, now.template) && `partition template changes from ${show(old.template)} to ${show(now.template)}`,
  ].filter((p): p is string => typeof p === "string");
  if (parts.length === 0) return [];
  const [from, to] = [bucketOf(old.location ?? old.template), bucketOf(now.location ?? now.template)];
  if (from !== to) {
    return [
      {
        change: "zone",
        what: `it moves from bucket ${from} to ${to} (${parts.join(", ")}): the files already written stay in ${from}, and the table no longer reads them`,
        fix: "keep its zone; to move the table, copy its files to the new bucket first",
      },
    ];
  }
  return [
    {
      change: "location",
      what: `its ${parts.join(", and its ")}: the files already written stay where they are, and the table no longer reads them`,
      fix: "keep its location and partition layout; to move the table, copy its files to the new location first",
    },
  ];
}

function format(old: TableShape, now: TableShape): InPlaceProblem[] {
  const before = formatOf(old);
  const after = new Map(formatOf(now));
  const changed = before.filter(([name, value]) => differs(value, after.get(name))).map(([name, value]) => `${name} from ${show(value)} to ${show(after.get(name))}`);
  if (changed.length === 0) return [];
  return [
    {
      change: "format",
      what: `its format changes (${changed.join(", ")}): the files already written keep the old format, which the table can no longer read`,
      fix: "keep its format; to convert the data, write it again in the new format into a new table (a transform can)",
    },
  ];
}

const keyList = (t: TableShape) => `[${(t.partitionKeys ?? []).map((k) => `${k.name} ${k.type}`).join(", ")}]`;

/** What of each key's projection changed so that partitions already written are no longer found. */
function projection(old: TableShape, now: TableShape): string[] {
  const changes: string[] = [];
  const enabled = (t: TableShape) => String(t.parameters["projection.enabled"]) === "true";
  if (enabled(old) && !enabled(now)) return ["partition projection is turned off, so the table finds no partitions"];
  for (const key of old.partitionKeys ?? []) {
    const prefix = `projection.${key.name}.`;
    const names = new Set([...Object.keys(old.parameters), ...Object.keys(now.parameters)].filter((p) => p.startsWith(prefix)));
    for (const name of [...names].sort()) {
      const [was, is] = [old.parameters[name], now.parameters[name]];
      if (!differs(was, is)) continue;
      const setting = name.slice(prefix.length);
      if (setting === "range" && typeof was === "string" && typeof is === "string") {
        const covers = rangeCovers(was, is);
        if (covers === true) continue;
        changes.push(
          covers === false
            ? `the range of ${key.name} narrows from ${show(was)} to ${show(is)}`
            : `the range of ${key.name} changes from ${show(was)} to ${show(is)}, and the guard cannot tell whether it still covers every partition`,
        );
      } else if (setting === "values" && typeof was === "string" && typeof is === "string") {
        const dropped = droppedValues(was, is);
        if (dropped.length > 0) changes.push(`${key.name} no longer projects ${dropped.map((v) => show(v)).join(", ")}`);
      } else {
        changes.push(`${name} changes from ${show(was)} to ${show(is)}`);
      }
    }
  }
  return changes;
}

function partitions(old: TableShape, now: TableShape): InPlaceProblem[] {
  if (!old.partitionKeys || !now.partitionKeys) return [];
  if (!isDeepStrictEqual(old.partitionKeys, now.partitionKeys)) {
    return [
      {
        change: "partition-keys",
        what: `its partition keys change from ${keyList(old)} to ${keyList(now)}: the files already written are laid out by the old keys, where the table no longer looks`,
        fix: "keep its partition keys; to repartition, write the data again into a new table",
      },
    ];
  }
  const changes = projection(old, now);
  if (changes.length === 0) return [];
  return [
    {
      change: "partition-keys",
      what: `its partition projection changes (${changes.join("; ")}): partitions already written outside it are no longer read`,
      fix: "keep the projection's format and settings, and only widen its range or add values",
    },
  ];
}

/** A table that keeps its address but stops reading what it stored: location, bucket, format, partitioning. */
export const tableStorageRule: InPlaceRule = {
  id: "table-storage",
  types: ["aws_glue_catalog_table"],
  check({ before, after }) {
    if (!dataBearing("aws_glue_catalog_table", before)) return [];
    const old = tableShape(before);
    const now = tableShape(after);
    return [...location(old, now), ...format(old, now), ...partitions(old, now)];
  },
};
