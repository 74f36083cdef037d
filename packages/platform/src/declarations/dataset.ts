import { z } from "zod";
import { acknowledgedBaseColumns } from "./grant.ts";
import { identifier, relationName } from "./identifier.ts";

const DAYS_OF_WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

/** QuickSight schedules a monthly refresh on days 1 to 28 or on the last day, never on the 29th to 31st. */
export type DayOfMonth = number | "LAST_DAY_OF_MONTH";
const isDayOfMonth = (value: unknown): value is DayOfMonth =>
  value === "LAST_DAY_OF_MONTH" || (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 28);

/** The messages of refresh-schedule problems, kept together so tests quote the same text. */
export const refreshMessages = {
  dayOfWeekMissing: () => 'required by interval "WEEKLY": the day QuickSight refreshes on, one of "MONDAY" to "SUNDAY", e.g. dayOfWeek: "MONDAY"',
  dayOfMonthMissing: () => 'required by interval "MONTHLY": the day QuickSight refreshes on, 1 to 28 or "LAST_DAY_OF_MONTH", e.g. dayOfMonth: 1',
  dayNotTaken: (field: "dayOfWeek" | "dayOfMonth", interval: string) =>
    `${field} applies only to a ${field === "dayOfWeek" ? "WEEKLY" : "MONTHLY"} refresh, and this one is ${interval}; remove ${field} or set interval: "${field === "dayOfWeek" ? "WEEKLY" : "MONTHLY"}"`,
  dayOfMonth: (given: unknown) =>
    `${JSON.stringify(given) ?? "nothing"} is not a day QuickSight refreshes on: use a day from 1 to 28, or "LAST_DAY_OF_MONTH" for the end of every month (QuickSight does not schedule on the 29th to 31st)`,
};

/** How often QuickSight re-imports a SPICE dataset: the intervals of `aws_quicksight_refresh_schedule`. */
export const refreshSchedule = z
  .strictObject({
    interval: z.enum(["MINUTE15", "MINUTE30", "HOURLY", "DAILY", "WEEKLY", "MONTHLY"]),
    /** WEEKLY only, and required there. */
    dayOfWeek: z.enum(DAYS_OF_WEEK).optional(),
    /** MONTHLY only, and required there: 1 to 28, or "LAST_DAY_OF_MONTH". */
    dayOfMonth: z.custom<DayOfMonth>(isDayOfMonth, { error: (issue) => refreshMessages.dayOfMonth(issue.input) }).optional(),
    /** "HH:MM", in `timezone`; for DAILY, WEEKLY and MONTHLY. */
    timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write the time as "HH:MM", e.g. "06:00"').optional(),
    /** @default "UTC" */
    timezone: z.string().min(1).optional(),
    /** A full refresh re-imports everything; incremental needs a lookback window configured in QuickSight. @default "FULL_REFRESH" */
    type: z.enum(["FULL_REFRESH", "INCREMENTAL_REFRESH"]).optional(),
  })
  .superRefine((refresh, ctx) => {
    const m = refreshMessages;
    if (refresh.interval === "WEEKLY" && refresh.dayOfWeek === undefined) ctx.addIssue({ code: "custom", path: ["dayOfWeek"], message: m.dayOfWeekMissing() });
    if (refresh.interval === "MONTHLY" && refresh.dayOfMonth === undefined) ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: m.dayOfMonthMissing() });
    if (refresh.interval !== "WEEKLY" && refresh.dayOfWeek !== undefined) {
      ctx.addIssue({ code: "custom", path: ["dayOfWeek"], message: m.dayNotTaken("dayOfWeek", refresh.interval) });
    }
    if (refresh.interval !== "MONTHLY" && refresh.dayOfMonth !== undefined) {
      ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: m.dayNotTaken("dayOfMonth", refresh.interval) });
    }
  });

export type RefreshScheduleDeclaration = z.infer<typeof refreshSchedule>;

const VIEWS_ONLY = "a dataset reads a declared view, never a table or its own SQL: views are the reviewed, stable interface, so write the query as a view in views/ and name it in `view`";

/**
 * A QuickSight dataset over one of the domain's views. Its readers (QuickSight groups) get exactly the Lake
 * Formation grants the view needs, derived like a view grant.
 */
export const dataset = z.strictObject({
  name: identifier(),
  description: z.string().trim().min(1, "write a description: dashboard authors pick datasets by it"),
  /** A view of this domain, by name. */
  view: relationName,
  /** SPICE imports the data on a schedule; DIRECT_QUERY runs Athena on every visual. */
  mode: z.enum(["SPICE", "DIRECT_QUERY"]),
  /** The view's columns the dataset exposes, by name. @default every column of the view */
  columns: z.array(z.string()).min(1, "name at least one column, or leave `columns` out for all of them").optional(),
  /** SPICE only. */
  refresh: refreshSchedule.optional(),
  /** Principals of kind "quicksight-group" who may use the dataset. */
  readers: z.array(z.string()).min(1, "name at least one reader, a quicksight-group principal"),
  /**
   * The base-table columns the view reads but does not output, which its readers get too (`database.table.column`),
   * as on a view grant. @default []
   */
  acknowledgeBaseColumns: acknowledgedBaseColumns.optional(),
  /** Not allowed: named only to say why. */
  sql: z.never({ error: VIEWS_ONLY }).optional(),
  /** Not allowed: named only to say why. */
  table: z.never({ error: VIEWS_ONLY }).optional(),
});

export type DatasetDeclaration = z.infer<typeof dataset>;
export type DatasetInput = z.input<typeof dataset>;
