import { z } from "zod";
import { columnName, relationName } from "./identifier.ts";
import { hiveTypeString } from "./hive-type-schema.ts";

/**
 * A view: `domains/<team>/views/<name>.sql` holds one SELECT; this declaration holds what the SQL must
 * produce. `baikal check` proves the two agree, because Athena marks a view whose stored columns differ from
 * its query's as stale and refuses to run it.
 */
export const viewColumn = z.strictObject({
  name: columnName,
  /** Hive type, as for table columns; the view definition stores its Trino equivalent. */
  type: hiveTypeString,
  description: z.string().trim().min(1, "write a description: analysts and BI tools show it"),
});

export const view = z.strictObject({
  name: relationName,
  description: z.string().trim().min(1, "write a description: it becomes the Glue comment analysts read"),
  /** Other domains' views may read it and their teams may be granted it. @default false */
  published: z.boolean().optional(),
  /** In the order the SELECT produces them. */
  columns: z.array(viewColumn).min(1, "a view needs at least one column"),
});

export type ViewDeclaration = z.infer<typeof view>;
export type ViewInput = z.input<typeof view>;
