/**
 * Writes src/functions/trino-operators.json: the signatures of Trino's operators, as Athena engine v3 resolves
 * `a + b`, `a = b`, `-a`. Operators are functions in Trino (`@ScalarOperator` methods of the *Operators classes
 * in core/trino-main/src/main/java/io/trino/type/); this script states them per family, so a change is one
 * reviewed line here and a regenerated file, never a hand-edited table.
 *
 * Run: node_modules/.bin/tsx packages/sql/scripts/generate-operators.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface Signature {
  args: string[];
  returns: string;
  literals?: string[];
  typeVariables?: Record<string, "comparable" | "orderable">;
}

const NUMERIC = ["tinyint", "smallint", "integer", "bigint", "real", "double"];
const DS = "interval day to second";
const YM = "interval year to month";
const DECIMALS = ["p1", "s1", "p2", "s2"];
const sig = (args: string[], returns: string, literals?: string[]): Signature => (literals ? { args, returns, literals } : { args, returns });
const sameType = (): Signature[] => NUMERIC.map((t) => sig([t, t], t));
// DecimalOperators: the @Constraint of each operator's result precision and scale.
const decimal = (returns: string): Signature => sig(["decimal(p1,s1)", "decimal(p2,s2)"], returns, DECIMALS);
const DECIMAL_ADD = "decimal(min(38,1+max(s1,s2)+max(p1-s1,p2-s2)),max(s1,s2))";

function datetime(operator: "add" | "subtract"): Signature[] {
  // DateTimeOperators, TimeOperators, TimestampOperators and their WITH TIME ZONE twins.
  const out: Signature[] = [sig(["date", DS], "date"), sig(["date", YM], "date")];
  if (operator === "add") out.push(sig([DS, "date"], "date"), sig([YM, "date"], "date"));
  for (const zone of ["", " with time zone"]) {
    const time = `time(p)${zone}`;
    const timestamp = `timestamp(p)${zone}`;
    out.push(sig([time, DS], time, ["p"]));
    if (operator === "add") out.push(sig([DS, time], time, ["p"]));
    else out.push(sig([time, time], DS, ["p"]));
    for (const interval of [DS, YM]) {
      out.push(sig([timestamp, interval], timestamp, ["p"]));
      if (operator === "add") out.push(sig([interval, timestamp], timestamp, ["p"]));
    }
    if (operator === "subtract") out.push(sig([timestamp, timestamp], DS, ["p"]));
  }
  // IntervalDayTimeOperators, IntervalYearMonthOperators.
  out.push(sig([DS, DS], DS), sig([YM, YM], YM));
  return out;
}

const intervalScaling = (both: boolean): Signature[] =>
  [DS, YM].flatMap((interval) => [
    sig([interval, "bigint"], interval),
    sig([interval, "double"], interval),
    ...(both ? [sig(["bigint", interval], interval), sig(["double", interval], interval)] : []),
  ]);

const comparison = (symbol: string, constraint: "comparable" | "orderable") => ({
  symbol,
  signatures: [{ args: ["T", "T"], returns: "boolean", typeVariables: { T: constraint } }],
});

const operators = {
  $add: { symbol: "+", signatures: [...sameType(), decimal(DECIMAL_ADD), ...datetime("add")] },
  $subtract: { symbol: "-", signatures: [...sameType(), decimal(DECIMAL_ADD), ...datetime("subtract")] },
  $multiply: { symbol: "*", signatures: [...sameType(), decimal("decimal(min(38,p1+p2),s1+s2)"), ...intervalScaling(true)] },
  $divide: { symbol: "/", signatures: [...sameType(), decimal("decimal(min(38,p1+s2+max(s2-s1,0)),max(s1,s2))"), ...intervalScaling(false)] },
  $modulus: { symbol: "%", signatures: [...sameType(), decimal("decimal(min(p2-s2,p1-s1)+max(s1,s2),max(s1,s2))")] },
  $negation: { symbol: "-", signatures: [...NUMERIC.map((t) => sig([t], t)), sig(["decimal(p,s)"], "decimal(p,s)", ["p", "s"]), sig([DS], DS), sig([YM], YM)] },
  $equal: comparison("=", "comparable"),
  $not_equal: comparison("<>", "comparable"),
  $is_distinct_from: comparison("IS DISTINCT FROM", "comparable"),
  $less_than: comparison("<", "orderable"),
  $less_than_or_equal: comparison("<=", "orderable"),
  $greater_than: comparison(">", "orderable"),
  $greater_than_or_equal: comparison(">=", "orderable"),
};

const file = {
  source: {
    repository: "trinodb/trino",
    classes: "core/trino-main/src/main/java/io/trino/type/{Tinyint,Smallint,Integer,Bigint,Real,Double,Decimal,DateTime,Time,Timestamp,IntervalDayTime,IntervalYearMonth}Operators.java",
    script: "packages/sql/scripts/generate-operators.ts",
  },
  operators,
};
const out = join(dirname(fileURLToPath(import.meta.url)), "../src/functions/trino-operators.json");
writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${out}`);
