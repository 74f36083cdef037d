/**
 * Which types Trino can compare with = and <> (comparable) and with < and > (orderable), as its types
 * declare them: sketches and geometries are neither, maps and JSON only comparable, containers as their parts.
 */
import type { TrinoType } from "./trino-type.ts";

const NEVER_COMPARABLE = new Set(["hyperloglog", "p4hyperloglog", "qdigest", "tdigest", "setdigest", "geometry", "sphericalgeography", "kdbtree"]);
const NOT_ORDERABLE = new Set([...NEVER_COMPARABLE, "json", "color", "bingtile"]);

export function isComparable(type: TrinoType): boolean {
  switch (type.kind) {
    case "simple":
      return !NEVER_COMPARABLE.has(type.name);
    case "array":
      return isComparable(type.element);
    case "map":
      return isComparable(type.value);
    case "row":
      return type.fields.every((f) => isComparable(f.type));
  }
}

export function isOrderable(type: TrinoType): boolean {
  switch (type.kind) {
    case "simple":
      return !NOT_ORDERABLE.has(type.name);
    case "array":
      return isOrderable(type.element);
    case "map":
      return false;
    case "row":
      return type.fields.every((f) => isOrderable(f.type));
  }
}
