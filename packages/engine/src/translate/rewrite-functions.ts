/** Function calls: the reviewed ones run as they are, as a compatibility macro, or rewritten here. */
import { body, call, kindOf, type Node, stringLiteral, stringValue } from "./ast.ts";
import { forParsing, jodaToStrftime, mysqlToStrftime, type PatternResult } from "./datetime-patterns.ts";
import { REFUSED } from "./refusals.ts";
import type { RewriteContext } from "./rewrite-trino.ts";
import { functionName, wallClockParent } from "./rewrite-trino.ts";
import { template } from "./templates.ts";
import { TRINO_FUNCTIONS } from "./trino-functions.ts";

const NONDETERMINISTIC = new Set(["rand", "random", "uuid", "shuffle"]);

/** Consumers under which from_iso8601_timestamp's zone does not matter. */
const ZONE_FREE_PARENTS = new Set(["at_time_zone", "eq", "neq", "lt", "lte", "gt", "gte", "between"]);
const ZONE_FREE_FUNCTIONS = new Set(["to_unixtime", "date_diff"]);

function pattern(name: string, args: readonly unknown[], index: number, convert: (p: string) => PatternResult, context: RewriteContext, node: Node): string | undefined {
  const text = stringValue(args[index]);
  if (text === undefined) {
    context.refuse(REFUSED.patternNotLiteral(name), node);
    return undefined;
  }
  const converted = convert(text);
  if ("unsupported" in converted) {
    context.refuse(REFUSED.patternField(name, converted.unsupported), node);
    return undefined;
  }
  return converted.strftime;
}

/** Java's `$1` and `\$` in a replacement, as RE2's `\1` and `$`. */
function re2Replacement(java: string): string | undefined {
  let out = "";
  for (let i = 0; i < java.length; i++) {
    const char = java[i]!;
    if (char === "\\") {
      const next = java[i + 1] ?? "";
      out += next === "\\" ? "\\\\" : next;
      i += 1;
    } else if (char === "$") {
      const digits = /^\d+/.exec(java.slice(i + 1))?.[0];
      if (!digits) return undefined;
      out += `\\${digits}`;
      i += digits.length;
    } else out += char;
  }
  return out;
}

function containsVarcharCast(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsVarcharCast);
  if (typeof value !== "object" || value === null) return false;
  if (kindOf(value) === "function" && body<{ name: string }>(value).name === "trino_cast_varchar") return true;
  return Object.values(value).some(containsVarcharCast);
}

/** `sum(...)` and `count_if(...)` results as Trino's bigint; a window's result is wrapped as a whole. */
function bigintResult(node: Node, parent: Node | undefined): unknown {
  if (parent && kindOf(parent) === "window_function") return node;
  return call("trino_bigint_result", [node]);
}

export function rewriteFunction(node: Node, kind: string, name: string, args: unknown[], parent: Node | undefined, context: RewriteContext): unknown {
  const handling = TRINO_FUNCTIONS.get(name);
  if (NONDETERMINISTIC.has(name)) {
    context.refuse(REFUSED.nondeterministic(name), node, name);
    return node;
  }
  if ((name === "max" || name === "min") && args.length > 1) {
    context.refuse(REFUSED.minMaxOfN(name), node, name);
    return node;
  }
  if (!handling) {
    context.refuse(REFUSED.unknownFunction(name), node, name);
    return node;
  }
  if (handling.how === "same") {
    if (name === "try" && containsVarcharCast(args)) context.refuse(REFUSED.tryAroundVarcharCast(), node);
    return node;
  }
  if (handling.how === "macro") return call(handling.macro ?? `trino_${name}`, args);

  switch (name) {
    case "sum":
    case "count_if":
      return bigintResult(node, parent);
    case "approx_distinct":
      return template("count(DISTINCT baikal_0)", [args[0]]);
    case "reduce_agg":
      return template("list_reduce(list_filter(array_agg(baikal_0), baikal_v -> baikal_v IS NOT NULL), baikal_2, baikal_1)", args);
    case "mod":
      return call("trino_modulus", [args[0], args[1]]);
    case "regexp_replace": {
      if (args.length < 3) return call("trino_regexp_replace", args);
      const replacement = stringValue(args[2]);
      const converted = replacement === undefined ? undefined : re2Replacement(replacement);
      if (converted === undefined) {
        context.refuse(REFUSED.regexpReplacement(), node);
        return node;
      }
      return call("trino_regexp_replace", [args[0], args[1], stringLiteral(converted)]);
    }
    case "from_unixtime":
      if (args.length > 1) context.refuse(REFUSED.fromUnixtimeZone(), node);
      return node;
    case "from_iso8601_timestamp": {
      const parentKind = parent && kindOf(parent);
      const parentName = parent && parentKind ? functionName(parentKind, body(parent)) : undefined;
      if (ZONE_FREE_PARENTS.has(parentKind ?? "") || ZONE_FREE_FUNCTIONS.has(parentName ?? "")) return call("trino_from_iso8601_timestamp", args);
      // Read for its date or time of day, the value's zone is the string's offset: its wall-clock time there.
      if (wallClockParent(parent)) return call("trino_from_iso8601_wall_clock", args);
      context.refuse(REFUSED.isoTimestampUse(), node);
      return node;
    }
    case "format_datetime":
    case "date_format": {
      const convert = name === "format_datetime" ? jodaToStrftime : mysqlToStrftime;
      const text = stringValue(args[1]);
      if (text !== undefined && name === "format_datetime" && /(^|[^'])[Zz]/.test(text.replace(/'[^']*'/g, ""))) {
        context.refuse(REFUSED.patternWithZone(name), node);
        return node;
      }
      const strftime = pattern(name, args, 1, convert, context, node);
      return strftime === undefined ? node : call("trino_format_datetime", [args[0], stringLiteral(strftime)]);
    }
    case "parse_datetime":
    case "date_parse": {
      const text = stringValue(args[1]);
      if (text !== undefined && name === "parse_datetime" && /[Zz]/.test(text.replace(/'[^']*'/g, ""))) {
        context.refuse(REFUSED.patternWithZone(name), node);
        return node;
      }
      const strftime = pattern(name, args, 1, name === "parse_datetime" ? jodaToStrftime : mysqlToStrftime, context, node);
      if (strftime === undefined) return node;
      return call(name === "parse_datetime" ? "trino_parse_datetime" : "trino_date_parse", [args[0], stringLiteral(forParsing(strftime))]);
    }
    case "current_timestamp":
    case "now":
      context.readsClock = true;
      return call("trino_now", []);
    case "current_date":
      context.readsClock = true;
      return template("CAST(trino_now() AS date)");
    case "localtimestamp":
      context.readsClock = true;
      return template("CAST(trino_now() AS timestamp)");
    case "array_sort":
      if (args.length > 1) {
        context.refuse(REFUSED.arraySortComparator(), node);
        return node;
      }
      return call("trino_array_sort", args);
    case "transform":
      return call("list_transform", args);
    case "filter":
      return call("list_filter", args);
    case "reduce":
      return template("list_transform(ARRAY[list_reduce(baikal_0, baikal_2, baikal_1)], baikal_3)[1]", args);
    case "any_match":
      return call("trino_any_true", [call("list_transform", args)]);
    case "all_match":
      return call("trino_all_true", [call("list_transform", args)]);
    case "none_match":
      return template("NOT trino_any_true(baikal_0)", [call("list_transform", args)]);
    default:
      context.refuse(REFUSED.unknownFunction(name), node);
      return node;
  }
}
