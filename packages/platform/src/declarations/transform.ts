import { z } from "zod";
import { columnName, identifier, relationName } from "./identifier.ts";

/**
 * A transform: `domains/<team>/transforms/<name>.sql` holds one SELECT whose output fills a curated table of
 * the same domain; this declaration says which table, when it runs, how it writes and what its output must
 * satisfy. Parameters such as `{{ run_date }}` in the SQL become quoted date literals at run time.
 */

const CRON_FIELDS = 6;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;

/** Why an EventBridge Scheduler expression is invalid, or undefined (Scheduler UG, "Schedule types"). */
export function scheduleExpressionProblem(expression: string): string | undefined {
  const allowed = 'use "cron(minutes hours day-of-month month day-of-week year)" such as "cron(0 4 * * ? *)", or "rate(1 day)"';
  const rate = RATE.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    if (value < 1) return `"${expression}" repeats every 0 ${rate[2]}; the value must be at least 1`;
    if ((value === 1) !== !rate[2]!.endsWith("s")) {
      return `"${expression}" mixes the number and the unit; write "rate(1 ${rate[2]!.replace(/s$/, "")})" or "rate(${Math.max(value, 2)} ${rate[2]!.replace(/s?$/, "s")})"`;
    }
    return undefined;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) return `"${expression}" is not a schedule expression; ${allowed}`;
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS) return `"${expression}" has ${fields.length} fields, a cron expression has ${CRON_FIELDS}; ${allowed}`;
  const [minutes, hours, dayOfMonth, , dayOfWeek] = fields as [string, string, string, string, string, string];
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    return `"${expression}" must leave exactly one of day-of-month and day-of-week as "?"; e.g. "cron(0 4 * * ? *)"`;
  }
  if (!/^[\d,\-*/]+$/.test(minutes) || !/^[\d,\-*/]+$/.test(hours)) return `"${expression}" has invalid minutes or hours; ${allowed}`;
  return undefined;
}

export function timezoneProblem(timezone: string): string | undefined {
  if (timezone === "UTC" || Intl.supportedValuesOf("timeZone").includes(timezone)) return undefined;
  return `"${timezone}" is not an IANA time zone; use a name such as "Asia/Tokyo", "Europe/Berlin" or "UTC"`;
}

const schedule = z.strictObject({
  /** `cron(...)` with six fields or `rate(...)`, as EventBridge Scheduler reads them. */
  expression: z.string().superRefine((e, ctx) => {
    const problem = scheduleExpressionProblem(e);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** IANA zone the cron fields are read in, and the zone of the run date. */
  timezone: z.string().superRefine((t, ctx) => {
    const problem = timezoneProblem(t);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** The run date is this many days before the scheduled day: 1 builds yesterday's partition. @default 1 */
  lagDays: z.number().int().min(0).max(31).optional(),
});

/** Checks compiled to Athena queries that count bad rows; a count above zero fails the run. */
export const dataTest = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("not_null"), column: columnName }),
  z.strictObject({ type: z.literal("unique"), columns: z.array(columnName).min(1, "name the columns of the key") }),
  z.strictObject({
    type: z.literal("accepted_values"),
    column: columnName,
    values: z.array(z.union([z.string(), z.number()])).min(1, "list at least one accepted value"),
  }),
  z.strictObject({ type: z.literal("row_count"), min: z.number().int().min(1, "a floor of 0 rows tests nothing; use at least 1") }),
  z.strictObject({ type: z.literal("freshness"), column: columnName, maxAgeHours: z.number().int().positive() }),
]);
export type DataTestDeclaration = z.infer<typeof dataTest>;

export const transform = z.strictObject({
  name: identifier(40),
  description: z.string().trim().min(1, "say what the transform builds and from what"),
  /** A curated Parquet table of the same domain, partitioned, that the SELECT fills. */
  target: relationName,
  /**
   * When it runs. A transform that reads another transform's table also runs right after that one.
   * @default - only after the transforms it reads (then it must read at least one)
   */
  schedule: schedule.optional(),
  /**
   * `incremental`: each run replaces the target's partition of the run date (its first partition key);
   * `full_refresh`: each run replaces the whole table.
   */
  mode: z.enum(["incremental", "full_refresh"]),
  /** Run after every run, against what it wrote. @default [] */
  tests: z.array(dataTest).optional(),
});

export type TransformDeclaration = z.infer<typeof transform>;
export type TransformInput = z.input<typeof transform>;
