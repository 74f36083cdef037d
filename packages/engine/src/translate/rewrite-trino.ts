/**
 * Rewrites a Trino AST (polyglot's) so that, once translated to DuckDB, it computes what Trino computes: functions
 * that differ become calls of the compatibility macros (`trino_*`), operators whose results differ are wrapped,
 * and constructs that cannot be emulated faithfully are collected as refusals instead.
 */
import { body, call, kindOf, type Node, type Position, positionOf, stringLiteral, stringValue } from "./ast.ts";
import { rewriteFunction } from "./rewrite-functions.ts";
import { rewriteRelations } from "./rewrite-relations.ts";
import { REFUSED, type Refusal } from "./refusals.ts";
import { FIELD_KEYS, KIND_TO_FUNCTION, NAMELESS_FUNCTIONS, REWRITTEN_SYNTAX, SAME_SYNTAX } from "./syntax.ts";
import { template } from "./templates.ts";

export interface RewriteContext {
  readonly refusals: Refusal[];
  /** The SQL as written, to place refusals of nodes polyglot records no position for. */
  readonly sql: string;
  /** Set when the SQL reads the clock (current_timestamp, now(), current_date): the test must fix it. */
  readsClock: boolean;
  /** Records a refusal at the node, or where `name(` first appears from the enclosing node's line on. */
  refuse(construct: string, at: unknown, name?: string): void;
}

/** The Trino name of a function-call node, or undefined when the node is syntax. */
export function functionName(kind: string, b: Record<string, unknown> | null): string | undefined {
  b ??= {};
  if (kind === "function" || kind === "aggregate_function") return String(b.name).toLowerCase();
  if (SAME_SYNTAX.has(kind) || REWRITTEN_SYNTAX.has(kind)) return undefined;
  if (typeof b?.name === "string") return b.name.toLowerCase();
  if (typeof b?.original_name === "string") return b.original_name.toLowerCase();
  if (NAMELESS_FUNCTIONS.has(kind)) return KIND_TO_FUNCTION[kind] ?? kind;
  return undefined;
}

/** Every argument of a call node, in order: generic calls list them, typed ones spread them over fields. */
export function argumentsOf(kind: string, b: Record<string, unknown>): unknown[] {
  if (!b) return [];
  if (Array.isArray(b.args)) return b.args;
  if (kind === "substring") return [b.this, b.start, b.length].filter((a) => a !== null && a !== undefined);
  const out: unknown[] = [];
  for (const key of ["this", "expression", "path", "offset", "default"]) if (b[key] !== null && b[key] !== undefined) out.push(b[key]);
  if (Array.isArray(b.expressions)) out.push(...b.expressions);
  return out;
}

const UTC_NAMES = new Set(["utc", "z", "etc/utc", "gmt", "etc/gmt", "+00:00", "zulu"]);

/** Consumers of a timestamp in a non-UTC zone that only need its wall-clock time there. */
const WALL_CLOCK_FUNCTIONS = new Set([
  "format_datetime", "date_format", "date", "year", "month", "day", "day_of_month", "hour", "minute", "second", "millisecond",
  "quarter", "week", "week_of_year", "day_of_week", "dow", "day_of_year", "doy", "year_of_week", "yow",
]);

const COMPARISONS = new Set(["eq", "neq", "lt", "lte", "gt", "gte", "between", "null_safe_eq", "null_safe_neq"]);

/** The nearest ancestor that is not a parenthesis. */
function parentOf(ancestors: readonly Node[]): Node | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) if (kindOf(ancestors[i]) !== "paren") return ancestors[i];
  return undefined;
}

function parentFunction(parent: Node | undefined): string | undefined {
  if (!parent) return undefined;
  const kind = kindOf(parent)!;
  return functionName(kind, body(parent));
}

function castTarget(node: Node): string | undefined {
  return (body<{ to?: { data_type?: string } }>(node).to?.data_type ?? "").toLowerCase() || undefined;
}

/** Whether a non-UTC zoned value may be used here: its consumer reads only the wall-clock time in its zone. */
export function wallClockParent(parent: Node | undefined): boolean {
  if (!parent) return false;
  const kind = kindOf(parent)!;
  if (kind === "cast") return ["timestamp", "date"].includes(castTarget(parent) ?? "");
  if (kind === "extract") return true;
  return WALL_CLOCK_FUNCTIONS.has(parentFunction(parent) ?? "");
}

function visitNode(node: Node, ancestors: readonly Node[], context: RewriteContext): unknown {
  const kind = kindOf(node)!;
  const b = body<Record<string, unknown> | null>(node) ?? {};
  const parent = parentOf(ancestors);

  switch (kind) {
    case "div":
      return call("trino_divide", [b.left, b.right]);
    case "mod":
      return call("trino_modulus", [b.left, b.right]);
    case "concat":
      return call("trino_concat", flattenConcat(node));
    case "subscript":
      return call("trino_subscript", [b.this, b.index]);
    case "cast":
    case "try_cast":
      return rewriteCast(node, kind, context);
    case "interval": {
      const unit = b.unit as { type?: string } | undefined;
      if (unit?.type !== "simple") context.refuse(REFUSED.intervalQualifier("with two fields (YEAR TO MONTH, DAY TO SECOND)"), node);
      return node;
    }
    case "add":
    case "sub": {
      const rightInterval = kindOf(b.right) === "interval";
      const leftInterval = kindOf(b.left) === "interval";
      if (kind === "add" && (rightInterval || leftInterval)) return call("trino_plus_interval", rightInterval ? [b.left, b.right] : [b.right, b.left]);
      if (kind === "sub" && rightInterval) return call("trino_minus_interval", [b.left, b.right]);
      return node;
    }
    case "at_time_zone": {
      const zone = stringValue(b.zone);
      if (zone === undefined) {
        context.refuse(REFUSED.zoneNotLiteral(), node);
        return node;
      }
      if (UTC_NAMES.has(zone.toLowerCase())) return template("CAST(baikal_0 AS timestamp with time zone)", [b.this]);
      if (!wallClockParent(parent)) context.refuse(REFUSED.zonedValueUse(`AT TIME ZONE '${zone}'`), node);
      return call("trino_at_time_zone", [b.this, stringLiteral(zone)]);
    }
    case "extract":
      return rewriteExtract(node, context);
    case "window_function": {
      // sum and count_if over a window are bigint in Trino as well; the window is wrapped as a whole.
      const inner = b.this;
      const innerName = kindOf(inner) && functionName(kindOf(inner)!, body(inner));
      return innerName === "sum" || innerName === "count_if" ? call("trino_bigint_result", [node]) : node;
    }
    case "literal": {
      const literal = b as { literal_type: string; value: string };
      if (literal.literal_type === "timestamp" && /(\d\s*[A-Za-z]|[+-]\d{2}:?\d{2}$)/.test(literal.value)) context.refuse(REFUSED.timestampLiteralWithZone(), node);
      return node;
    }
    case "select":
    case "union":
    case "intersect":
    case "except":
    case "alias":
      return rewriteRelations(node, kind, context);
    default:
      break;
  }
  if (SAME_SYNTAX.has(kind) || REWRITTEN_SYNTAX.has(kind)) return node;
  const name = functionName(kind, b);
  if (name === undefined) {
    context.refuse(REFUSED.unreviewedSyntax(kind), node);
    return node;
  }
  return rewriteFunction(node, kind, name, argumentsOf(kind, b), parent, context);
}

/** `a || b || c` as one list of operands. */
function flattenConcat(node: Node): unknown[] {
  if (kindOf(node) !== "concat") return [node];
  const b = body<{ left: Node; right: Node }>(node);
  return [...flattenConcat(b.left), ...flattenConcat(b.right)];
}

const CAST_MACROS: Readonly<Record<string, string>> = {
  tiny_int: "trino_cast_tinyint",
  small_int: "trino_cast_smallint",
  int: "trino_cast_integer",
  big_int: "trino_cast_bigint",
  var_char: "trino_cast_varchar",
};

function rewriteCast(node: Node, kind: string, context: RewriteContext): unknown {
  const b = body<{ this: unknown; to: { data_type: string; length?: number | null; precision?: number | null; scale?: number | null } }>(node);
  const target = castTarget(node) ?? "";
  // DECIMAL '1.00' is decimal(3,2) in Trino; polyglot leaves the type open, which DuckDB reads as DECIMAL(18,3).
  const digits = /^\s*[+-]?(\d*)(?:\.(\d*))?\s*$/.exec(stringValue(b.this) ?? "x");
  if (target === "decimal" && b.to.precision == null && digits) {
    const scale = (digits[2] ?? "").length;
    const precision = Math.max(1, digits[1]!.replace(/^0+/, "").length + scale);
    return { [kind]: { ...b, to: { ...b.to, precision, scale } } };
  }
  if (target === "char" || target === "json" || target === "text") {
    context.refuse(REFUSED.castTo(target === "char" ? `char(${b.to.length ?? 1})` : target), node);
    return node;
  }
  const macro = CAST_MACROS[target];
  if (!macro) return node;
  let cast: Node = call(macro, [b.this]);
  if (target === "var_char" && typeof b.to.length === "number") cast = call("left", [cast, { literal: { literal_type: "number", value: String(b.to.length) } }]);
  return kind === "try_cast" ? call("try", [cast]) : cast;
}

const EXTRACT_FIELDS: Readonly<Record<string, string>> = {
  year: "year",
  quarter: "quarter",
  month: "month",
  week: "week",
  day: "day",
  dayofmonth: "day",
  dayofweek: "trino_day_of_week",
  dow: "trino_day_of_week",
  dayofyear: "trino_day_of_year",
  doy: "trino_day_of_year",
  yearofweek: "trino_year_of_week",
  yow: "trino_year_of_week",
  hour: "hour",
  minute: "minute",
  second: "second",
};

function rewriteExtract(node: Node, context: RewriteContext): unknown {
  const b = body<{ this: unknown; field: unknown }>(node);
  const field = String(typeof b.field === "string" ? b.field : JSON.stringify(b.field)).replaceAll("_", "").toLowerCase();
  const fn = EXTRACT_FIELDS[field];
  if (!fn) {
    context.refuse(REFUSED.extractField(String(b.field)), node);
    return node;
  }
  return call(fn, [b.this]);
}

function visit(value: unknown, ancestors: Node[], context: RewriteContext): unknown {
  if (Array.isArray(value)) return value.map((item) => visit(item, ancestors, context));
  if (typeof value !== "object" || value === null) return value;
  const kind = kindOf(value);
  const isNode = kind !== undefined && !FIELD_KEYS.has(kind) && typeof (value as Node)[kind] === "object";
  if (isNode) ancestors.push(value as Node);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = visit(child, ancestors, context);
  if (!isNode) return out;
  ancestors.pop();
  // Children were rewritten first; the original node still decides the context of this one.
  return visitNode(out as Node, ancestors, context);
}

export interface TrinoRewrite {
  readonly statement: unknown;
  readonly refusals: readonly Refusal[];
  readonly readsClock: boolean;
}

/** Rewrites one parsed statement; refusals carry positions in the SQL as written. */
/** The line and column of the first `name(` at or after `from` in the SQL. */
function findCall(sql: string, name: string, from: Position | undefined): Position | undefined {
  const lines = sql.split("\n");
  const pattern = new RegExp(`\\b${name.replace(/[^a-z0-9_]/gi, "")}\\s*\\(`, "i");
  for (let line = (from?.line ?? 1) - 1; line < lines.length; line++) {
    const match = pattern.exec(lines[line]!);
    if (match) return { line: line + 1, column: match.index + 1 };
  }
  return undefined;
}

export function rewriteTrino(statement: unknown, sql = ""): TrinoRewrite {
  const refusals: Refusal[] = [];
  const ancestors: Node[] = [];
  const context: RewriteContext = {
    refusals,
    readsClock: false,
    sql,
    refuse(construct, at, name) {
      // Polyglot records positions on names; a call like rand() has none: look for the call in the text from the
      // nearest enclosing position on, or take that position.
      const enclosing = [...ancestors].reverse().map(positionOf).find((p) => p !== undefined);
      const position = positionOf(at) ?? (name ? findCall(sql, name, enclosing) : undefined) ?? enclosing;
      if (!refusals.some((r) => r.construct === construct && r.position?.line === position?.line)) refusals.push({ construct, position });
    },
  };
  const rewritten = visit(statement, ancestors, context);
  return { statement: rewritten, refusals, readsClock: context.readsClock };
}
