/**
 * Names in Athena SQL, without loading the grammar: which words are reserved, and how to write any name so
 * Athena reads it as written. Baikal quotes every name in the SQL it generates, so names real schemas use
 * (`group`, `order-priority`, `_id`) work everywhere.
 */
export { reservedWords } from "./parse/keywords.ts";

/** `"order-priority"`: a name quoted for Athena (a `"` inside is doubled). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"sales"."monthly_revenue"`: a qualified name, each part quoted. */
export function quoteName(...parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join(".");
}
