/**
 * Athena stores a view in Glue the way Trino's Hive connector does (AWS-NOTES §2): the definition is a
 * base64 JSON `ConnectorViewDefinition` between fixed markers. Readers (Athena, Trino, StarRocks, DataHub)
 * all look for exactly these strings.
 */
export const PRESTO_VIEW_PREFIX = "/* Presto View: ";
export const PRESTO_VIEW_SUFFIX = " */";
export const PRESTO_VIEW_EXPANDED_TEXT = "/* Presto View */";
export const ATHENA_CATALOG = "awsdatacatalog";

export interface PrestoViewDefinition {
  /** The SELECT alone, as written in the .sql file (no trailing semicolon). */
  readonly originalSql: string;
  /** The Glue database that resolves unqualified names: the view's own domain. */
  readonly schema: string;
  /** Name and Trino type of every output column, in order; Athena reports the view stale if these drift. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly comment?: string;
}

/**
 * `/* Presto View: <base64> *\/`. Keys are written in a fixed order so the text, and so the plan, only
 * changes when the view does: no perpetual diff. `runAsInvoker: false` is what Athena writes itself.
 */
export function encodePrestoView(view: PrestoViewDefinition): string {
  const json = JSON.stringify({
    originalSql: view.originalSql,
    catalog: ATHENA_CATALOG,
    schema: view.schema,
    columns: view.columns.map((c) => ({ name: c.name, type: c.type })),
    ...(view.comment === undefined ? {} : { comment: view.comment }),
    runAsInvoker: false,
  });
  return `${PRESTO_VIEW_PREFIX}${Buffer.from(json, "utf8").toString("base64")}${PRESTO_VIEW_SUFFIX}`;
}

/** The JSON inside a `view_original_text`, for tests and for tools that read views back. */
export function decodePrestoView(text: string): Record<string, unknown> {
  if (!text.startsWith(PRESTO_VIEW_PREFIX) || !text.endsWith(PRESTO_VIEW_SUFFIX)) {
    throw new Error(`not a Presto view definition: ${text.slice(0, 40)}`);
  }
  const body = text.slice(PRESTO_VIEW_PREFIX.length, text.length - PRESTO_VIEW_SUFFIX.length);
  return JSON.parse(Buffer.from(body, "base64").toString("utf8")) as Record<string, unknown>;
}

/** The SQL as Athena stores it: trimmed, without the trailing semicolon people type out of habit. */
export function originalSql(fileText: string): string {
  return fileText.trim().replace(/;\s*$/, "").trimEnd();
}
