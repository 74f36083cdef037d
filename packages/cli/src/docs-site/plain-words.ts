import type { Project } from "@baikal/platform/project";

type TransformDeclaration = NonNullable<Project["transforms"]>[number]["declaration"];
type DataTestDeclaration = NonNullable<TransformDeclaration["tests"]>[number];

/** The site is read by people who do not write cron or SQL: schedules and data tests in sentences. */

const DAYS: Record<string, string> = { SUN: "Sunday", MON: "Monday", TUE: "Tuesday", WED: "Wednesday", THU: "Thursday", FRI: "Friday", SAT: "Saturday" };
const DAY_NUMBERS = ["", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const dayName = (field: string) => field.split(",").map((d) => DAYS[d.toUpperCase()] ?? DAY_NUMBERS[Number(d)] ?? d).join(", ");

/** "every day at 04:30", or the expression itself when it is not a simple one. */
function describeExpression(expression: string): string {
  const rate = /^rate\((\d+) (\w+)\)$/.exec(expression);
  if (rate) return rate[1] === "1" ? `every ${rate[2]}` : `every ${rate[1]} ${rate[2]}`;
  const cron = /^cron\((.*)\)$/.exec(expression);
  const fields = cron?.[1]!.trim().split(/\s+/) ?? [];
  if (fields.length !== 6) return expression;
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (!/^\d+$/.test(minutes) || !/^\d+$/.test(hours) || month !== "*") return `on the schedule ${expression}`;
  const at = `at ${hours.padStart(2, "0")}:${minutes.padStart(2, "0")}`;
  if ((dayOfMonth === "*" || dayOfMonth === "?") && (dayOfWeek === "*" || dayOfWeek === "?")) return `every day ${at}`;
  if (dayOfMonth === "?" && /^[A-Za-z0-9,]+$/.test(dayOfWeek)) return `every ${dayName(dayOfWeek)} ${at}`;
  if (/^\d+$/.test(dayOfMonth)) return `on day ${dayOfMonth} of every month ${at}`;
  return `on the schedule ${expression}`;
}

/** When a transform runs, e.g. "every day at 04:30 (Asia/Tokyo), for the day before". */
export function describeSchedule(schedule: TransformDeclaration["schedule"], after: readonly string[]): string {
  const afterText = after.length > 0 ? `after ${after.join(", ")} finishes` : "";
  if (!schedule) return afterText || "only when started by hand";
  const lag = schedule.lagDays ?? 1;
  const forDay = lag === 0 ? "for the same day" : lag === 1 ? "for the day before" : `for the day ${lag} days before`;
  const when = `${describeExpression(schedule.expression)} (${schedule.timezone}), ${forDay}`;
  return afterText ? `${when}; also ${afterText}` : when;
}

/** What a data test checks after every run, e.g. "article_id is never empty". */
export function describeDataTest(test: DataTestDeclaration): string {
  switch (test.type) {
    case "not_null":
      return `${test.column} is never empty`;
    case "unique":
      return `no two rows share the same ${test.columns.join(" + ")}`;
    case "accepted_values":
      return `${test.column} is always one of: ${test.values.join(", ")}`;
    case "row_count":
      return `at least ${test.min} row${test.min === 1 ? "" : "s"} each run`;
    case "freshness":
      return `the newest ${test.column} is at most ${test.maxAgeHours} hours old`;
  }
}
