import { z } from "zod";
import { identifier } from "./identifier.ts";

/**
 * Governance declarations of a domain: who may read what. Grants name logical principals from the
 * organisation's registry (`principals` in baikal.config.ts), never ARNs, and only the domain's own tables and
 * views. Everything here is checked against the whole project when it loads (see grants/compile-grants.ts).
 */

const principalName = z.string().min(1, "name a principal from baikal.config.ts (principals)");
const tagValue = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "LF-tag values use lower-case letters, digits, _ and -");

/** LF-tags of a table or column: one value per key, e.g. `{ classification: "internal" }`. @default {} */
export const lfTagAssignment = z.record(z.string(), tagValue);

/**
 * Base-table columns a view grant gives beyond the view's output, acknowledged: `database.table.column` each. Athena
 * runs classic views with the reader's own permissions, so a view grant includes every column the view reads.
 */
export const acknowledgedBaseColumns = z
  .array(z.string().regex(/^[^.\s]+\.[^.\s]+\.[^.\s]+$/, 'name a base column as database.table.column, e.g. "news.article_views.user_id"'))
  .min(1, "list at least one base column, or leave acknowledgeBaseColumns out");

/** A row filter (a Lake Formation data cells filter): which rows, and optionally which columns, a grant shows. */
export const rowFilter = z.strictObject({
  name: identifier(),
  /** A PartiQL-like boolean expression over the table's columns, e.g. `sales_region = 'jp'`. */
  expression: z.string().trim().min(1, "write the condition rows must meet, e.g. \"sales_region = 'jp'\""),
  /** Only these columns. @default - every column, or all but `excludeColumns` */
  columns: z.array(z.string()).min(1).optional(),
  /** Every column but these. @default [] */
  excludeColumns: z.array(z.string()).min(1).optional(),
});
export type RowFilterDeclaration = z.infer<typeof rowFilter>;

/**
 * One grant of SELECT (DESCRIBE implied) to one principal on exactly one of: a table (`table`, optionally
 * `columns` or `excludeColumns`, or a `rowFilter` of that table), a view (`view`), or the domain's resources
 * carrying LF-tags (`tags`, e.g. `{ classification: ["public", "internal"] }`).
 */
export const grant = z
  .strictObject({
    /** The principal's logical name in baikal.config.ts. */
    to: principalName,
    table: z.string().optional(),
    view: z.string().optional(),
    tags: z.record(z.string(), z.array(tagValue).min(1, "give at least one value")).optional(),
    /** Only these columns of the table. @default - every column */
    columns: z.array(z.string()).min(1, "list at least one column, or leave columns out for all").optional(),
    /** Every column of the table but these. @default [] */
    excludeColumns: z.array(z.string()).min(1, "list at least one column, or leave excludeColumns out").optional(),
    /** The name of one of the table's `rowFilters`: the principal sees only its rows and columns. */
    rowFilter: z.string().optional(),
    /**
     * View grants only: the base-table columns the view reads but does not output, which the grant gives too
     * (`database.table.column`). Required for each of them, so a grant never widens access by surprise. @default []
     */
    acknowledgeBaseColumns: acknowledgedBaseColumns.optional(),
  })
  .superRefine((g, ctx) => {
    const targets = (["table", "view", "tags"] as const).filter((k) => g[k] !== undefined);
    if (targets.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          targets.length === 0
            ? 'say what is granted: a "table", a "view" or "tags"'
            : `a grant is on exactly one of "table", "view" or "tags", not ${targets.map((t) => `"${t}"`).join(" and ")}; split it into one grant each`,
      });
    }
    if (g.columns && g.excludeColumns) {
      ctx.addIssue({ code: "custom", path: ["excludeColumns"], message: "give columns or excludeColumns, not both" });
    }
    if (g.rowFilter !== undefined && (g.columns || g.excludeColumns)) {
      ctx.addIssue({
        code: "custom",
        path: ["rowFilter"],
        message: "a grant through a row filter takes its columns from the filter; move columns/excludeColumns into the table's rowFilters entry",
      });
    }
  });
export type GrantDeclaration = z.infer<typeof grant>;
export type GrantInput = z.input<typeof grant>;
