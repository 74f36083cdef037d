import { trinoTypeOf } from "../../declarations/hive-type.ts";
import type { Problem } from "../../problems/problem.ts";
import { encodePrestoView } from "../../views/presto-view.ts";
import type { ResolvedView } from "../../views/resolved-view.ts";
import { awsLimit, limitMessages } from "./aws-limits.ts";

/**
 * Each view's text as Glue will store it (the Presto view: SQL and columns, as JSON, base64-encoded: a third longer
 * than the SQL) against Glue's limit, reported at the view's SQL file.
 */
export function viewTextLimits(views: readonly ResolvedView[]): Problem[] {
  const max = awsLimit("glue-view-text").max!;
  return views.flatMap((view) => {
    const text = encodePrestoView({ originalSql: view.sql, schema: view.domain, columns: view.declaration.columns.map((c) => ({ name: c.name, type: trinoTypeOf(c.type) })) });
    return text.length > max ? [{ source: view.sqlFile, line: 1, column: 1, message: limitMessages.viewText(text.length) }] : [];
  });
}
