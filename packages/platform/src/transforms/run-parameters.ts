/**
 * Run parameters: `{{ run_date }}`, `{{ run_date_minus_7 }}`, `{{ run_month }}` in a transform's SQL. The braces
 * cannot be SQL, so a forgotten substitution fails loudly instead of querying the wrong day; each parameter
 * becomes a quoted literal of digits and dashes computed from a validated date, never text from the caller.
 */

/** One piece of SQL: text as written, or a parameter filled in at run time. */
export type SqlPart = { readonly text: string } | { readonly param: string };
export type SqlTemplate = readonly SqlPart[];

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;
const MINUS = /^run_date_minus_(\d{1,3})$/;
/** Only relevant for looking back; a year and a day covers "same day last year". */
const MAX_DAYS_BACK = 366;

export const RUN_PARAMETERS_HELP = "run_date (yyyy-MM-dd), run_date_minus_<days> (1 to 366) and run_month (yyyy-MM)";

/** Why `name` is not a run parameter, or undefined. */
function parameterProblem(name: string): string | undefined {
  if (name === "run_date" || name === "run_month") return undefined;
  const minus = MINUS.exec(name);
  if (minus && Number(minus[1]) >= 1 && Number(minus[1]) <= MAX_DAYS_BACK) return undefined;
  return `unknown run parameter "{{ ${name} }}"; the parameters are ${RUN_PARAMETERS_HELP}`;
}

export interface ParameterProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Splits SQL into text and parameters, with a problem for every unknown or quoted parameter. */
export function parseSqlTemplate(sql: string): { template: SqlPart[]; problems: ParameterProblem[] } {
  const template: SqlPart[] = [];
  const problems: ParameterProblem[] = [];
  let last = 0;
  for (const match of sql.matchAll(PLACEHOLDER)) {
    const at = position(sql, match.index);
    const name = match[1]!;
    const problem = parameterProblem(name);
    if (problem) problems.push({ ...at, message: problem });
    else if (sql[match.index - 1] === "'" || sql[match.index + match[0].length] === "'") {
      problems.push({ ...at, message: `write {{ ${name} }} without quotes around it: it becomes a quoted literal such as '2024-01-31' itself` });
    }
    if (match.index > last) template.push({ text: sql.slice(last, match.index) });
    template.push({ param: name });
    last = match.index + match[0].length;
  }
  if (last < sql.length) template.push({ text: sql.slice(last) });
  return { template, problems };
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The value of a parameter for a run date (`yyyy-MM-dd`), unquoted. */
export function parameterValue(name: string, runDate: string): string {
  if (name === "run_date") return runDate;
  if (name === "run_month") return runDate.slice(0, 7);
  const days = Number(MINUS.exec(name)![1]);
  return addDays(runDate, -days);
}

/** `yyyy-MM-dd` plus `days`, in calendar days (UTC arithmetic on a date has no daylight-saving gaps). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** The SQL for one run date, each parameter a quoted literal. */
export function renderSql(template: SqlTemplate, runDate: string): string {
  return template.map((part) => ("text" in part ? part.text : `'${parameterValue(part.param, runDate)}'`)).join("");
}

/**
 * For the view analysis: like `renderSql`, but each literal is padded to the placeholder's length so lines and
 * columns in problems still point into the file as written.
 */
export function renderForAnalysis(sql: string, runDate: string): string {
  return sql.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (parameterProblem(name)) return placeholder;
    return `'${parameterValue(name, runDate)}'`.padEnd(placeholder.length, " ");
  });
}

/**
 * A JSONata expression (Step Functions, `QueryLanguage: "JSONata"`) that builds the SQL at run time from the
 * `$run_date` variable: text parts are JSON string literals, parameters are computed and quoted.
 */
export function jsonataSql(template: SqlTemplate): string {
  return template.map((part) => ("text" in part ? JSON.stringify(part.text) : `"'" & ${jsonataParameter(part.param)} & "'"`)).join(" & ");
}

function jsonataParameter(name: string): string {
  if (name === "run_date") return "$run_date";
  if (name === "run_month") return "$substring($run_date, 0, 7)";
  const days = Number(MINUS.exec(name)![1]);
  return `$fromMillis($toMillis($run_date & "T00:00:00Z") - ${days * 86_400_000}, "[Y0001]-[M01]-[D01]")`;
}
