/** Messages of record contracts and of the domain test helpers, built in one place so tests can import them. */

/** A short, safe description of a value that is not what was expected. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    return keys.length === 0 ? "an empty object" : `an object with ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", ..." : ""}`;
  }
  return `${typeof value} ${JSON.stringify(value)}`;
}

export const notATable = (given: unknown): string =>
  `recordSchema: expected a table declaration (an object with name and columns, one of a domain's tables), but got ${describeValue(given)}; ` +
  `a table looked up by a name that is not declared gives undefined: in a domain test, use domainUnderTest(import.meta.url).contract("<table>"), which names the tables that exist`;

export const badColumn = (table: string, index: number, given: unknown): string =>
  `recordSchema: ${table}.columns[${index}] must be a column declaration ({ name, type, description }), but is ${describeValue(given)}; ` +
  "pass the table as declared in domain.ts, or as loadProject returns it";

export const badColumnType = (table: string, column: string, reason: string): string => `recordSchema: ${table}.${column}: ${reason}`;
