import type { State } from "./state-machines.ts";

/** A JSONata expression of a state (`{% ... %}`), where it is and what `$states` offers there. */
export interface StateExpression {
  /** `Arguments.QueryString`, `Catch[0].Assign.failure`, `Choices[0].Condition`. */
  readonly field: string;
  /** The expression inside `{% %}`. */
  readonly text: string;
  /** `$states.result` exists here: a Task's Output and Assign. */
  readonly result: boolean;
  /** `$states.errorOutput` exists here: a Catcher's Output and Assign. */
  readonly errorOutput: boolean;
}

const EXPRESSION = /^\{%([\s\S]*)%\}$/;
/** Fields that hold names and transitions, never expressions. */
const NOT_EXPRESSIONS = new Set(["Type", "Comment", "Next", "Default", "Resource", "StartAt", "End", "QueryLanguage", "ErrorEquals"]);

/** Every JSONata expression of a state, nested ones (in Arguments, Assign, Choices, Catch) included; not Map or Parallel branches. */
export function expressionsOf(state: State): StateExpression[] {
  const out: StateExpression[] = [];
  const walk = (value: unknown, field: string, flags: { result: boolean; errorOutput: boolean }) => {
    if (typeof value === "string") {
      const m = EXPRESSION.exec(value);
      if (m) out.push({ field, text: m[1]!, ...flags });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${field}[${i}]`, flags));
    } else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) walk(v, field ? `${field}.${key}` : key, flags);
    }
  };
  for (const [key, value] of Object.entries(state)) {
    if (NOT_EXPRESSIONS.has(key) || key === "ItemProcessor" || key === "Iterator" || key === "Branches") continue;
    if (key === "Catch" && Array.isArray(value)) {
      value.forEach((catcher: Record<string, unknown>, i: number) => {
        for (const [k, v] of Object.entries(catcher)) if (k === "Assign" || k === "Output") walk(v, `Catch[${i}].${k}`, { result: false, errorOutput: true });
      });
      continue;
    }
    if (key === "Retry") continue;
    const result = state.Type === "Task" && (key === "Output" || key === "Assign");
    walk(value, key, { result, errorOutput: false });
  }
  return out;
}
