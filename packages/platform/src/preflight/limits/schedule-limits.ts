import type { Domain } from "../../loading/project.ts";
import type { Problem } from "../../problems/problem.ts";
import { awsLimit, limitMessages } from "./aws-limits.ts";

const FIELDS = awsLimit("eventbridge-cron-fields").fields!;

/** The first problem with a cron expression's fields: each value, range and step within its field. */
export function cronFieldProblem(expression: string): string | undefined {
  const body = /^cron\((.*)\)$/.exec(expression)?.[1];
  if (body === undefined) return undefined;
  const fields = body.trim().split(/\s+/);
  for (const [i, field] of FIELDS.entries()) {
    const value = fields[i];
    if (value === undefined || value === "*" || value === "?") continue;
    const number = (part: string) => {
      const upper = part.toUpperCase();
      const named = field.names?.indexOf(upper.replace(/[L#].*$/, "")) ?? -1;
      if (named >= 0) return named + field.min;
      const n = /^\d+/.exec(part);
      return n ? Number(n[0]) : Number.NaN;
    };
    for (const item of value.split(",")) {
      const [range, step] = item.split("/") as [string, string | undefined];
      const bounds = range === "*" ? [] : range.split("-");
      const ok =
        bounds.every((b) => {
          // Day-of-month and day-of-week take L, W and # (the last day, the nearest weekday, the nth weekday).
          if ((field.name === "day-of-month" && /^(L|LW|\d+W)$/i.test(b)) || (field.name === "day-of-week" && /^(\w+L|\w+#[1-5])$/i.test(b) && !Number.isNaN(number(b)))) return true;
          const n = number(b);
          return !Number.isNaN(n) && n >= field.min && n <= field.max;
        }) && (step === undefined || /^\d+$/.test(step));
      if (!ok) return limitMessages.cronField(expression, field.name, value, field.min, field.max, field.names);
    }
  }
  return undefined;
}

/** Every schedule a domain declares (transforms', ingestions'): its length, and the values of its cron fields. */
export function scheduleLimits(domain: Domain): Problem[] {
  const problems: Problem[] = [];
  const max = awsLimit("scheduler-expression").max!;
  const check = (expression: string, path: (string | number)[]) => {
    const message = expression.length > max ? limitMessages.tooLong("scheduler-expression", expression.length) : cronFieldProblem(expression);
    if (message) problems.push({ source: domain.sourceFile, path, message });
  };
  (domain.transforms ?? []).forEach((t, i) => t.schedule && check(t.schedule.expression, ["transforms", i, "schedule", "expression"]));
  (domain.ingestions ?? []).forEach((ingestion, i) => {
    const schedule = "schedule" in ingestion ? ingestion.schedule : undefined;
    if (schedule) check(schedule.expression, ["ingestions", i, "schedule", "expression"]);
  });
  return problems;
}
