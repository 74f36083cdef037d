import { z } from "zod";
import { identifier } from "./identifier.ts";

/** How often QuickSight re-imports a SPICE dataset; intervals of `aws_quicksight_refresh_schedule` that need no day. */
export const refreshSchedule = z.strictObject({
  interval: z.enum(["MINUTE15", "MINUTE30", "HOURLY", "DAILY"]),
  /** "HH:MM", in `timezone`; for DAILY. */
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write the time as "HH:MM", e.g. "06:00"').optional(),
  /** @default "UTC" */
  timezone: z.string().min(1).optional(),
  /** A full refresh re-imports everything; incremental needs a lookback window configured in QuickSight. @default "FULL_REFRESH" */
  type: z.enum(["FULL_REFRESH", "INCREMENTAL_REFRESH"]).optional(),
});

const VIEWS_ONLY = "a dataset reads a declared view, never a table or its own SQL: views are the reviewed, stable interface, so write the query as a view in views/ and name it in `view`";

/**
 * A QuickSight dataset over one of the domain's views. Its readers (QuickSight groups) get exactly the Lake
 * Formation grants the view needs, derived like a view grant.
 */
export const dataset = z.strictObject({
  name: identifier(),
  description: z.string().trim().min(1, "write a description: dashboard authors pick datasets by it"),
  /** A view of this domain, by name. */
  view: identifier(),
  /** SPICE imports the data on a schedule; DIRECT_QUERY runs Athena on every visual. */
  mode: z.enum(["SPICE", "DIRECT_QUERY"]),
  /** The view's columns the dataset exposes, by name. @default every column of the view */
  columns: z.array(z.string()).min(1, "name at least one column, or leave `columns` out for all of them").optional(),
  /** SPICE only. */
  refresh: refreshSchedule.optional(),
  /** Principals of kind "quicksight-group" who may use the dataset. */
  readers: z.array(z.string()).min(1, "name at least one reader, a quicksight-group principal"),
  /** Not allowed: named only to say why. */
  sql: z.never({ error: VIEWS_ONLY }).optional(),
  /** Not allowed: named only to say why. */
  table: z.never({ error: VIEWS_ONLY }).optional(),
});

export type DatasetDeclaration = z.infer<typeof dataset>;
export type DatasetInput = z.input<typeof dataset>;
