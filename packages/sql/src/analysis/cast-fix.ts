/**
 * The fix to suggest when two operands have no common type: CAST the string side to the other side's type
 * (or write a typed literal), else CAST the right side to the left side's type.
 */
import { parseTrinoType } from "../types/trino-type.ts";
import { baseName } from "../types/type-coercion.ts";

export interface Operand {
  readonly text: string;
  readonly type: string;
}

const STRINGS = new Set(["varchar", "char"]);
const NUMBERS = new Set(["tinyint", "smallint", "integer", "bigint", "real", "double", "decimal"]);
const LITERAL_TYPES = new Set(["date", "timestamp", "time"]);

function base(type: string): string {
  const parsed = parseTrinoType(type);
  return parsed === undefined ? type : baseName(parsed);
}

/** The name to CAST to: the type without parameters where Trino accepts that (`decimal` keeps them). */
function castTarget(type: string): string {
  const b = base(type);
  return b === "decimal" || b.includes("(") || type.startsWith("array") || type.startsWith("map") || type.startsWith("row") ? type : b;
}

function rewrite(operand: Operand, to: string): string {
  const isStringLiteral = /^'.*'$/s.test(operand.text);
  if (isStringLiteral && LITERAL_TYPES.has(base(to))) return `${base(to).toUpperCase()} ${operand.text}`;
  return `CAST(${operand.text} AS ${castTarget(to)})`;
}

/** `e.g. CAST(bigint_col AS varchar) = '1.2.3.4'`: one way to make the comparison valid. */
export function castFix(left: Operand, operator: string, right: Operand): string {
  const leftIsString = STRINGS.has(base(left.type));
  const rightIsString = STRINGS.has(base(right.type));
  if (rightIsString && !leftIsString) return `e.g. ${fixString(left, operator, right, "right")}`;
  if (leftIsString && !rightIsString) return `e.g. ${fixString(right, operator, left, "left")}`;
  return `e.g. ${left.text} ${operator} ${rewrite(right, left.type)}`;
}

/** `other` is not a string, `string` is: quote-less number, typed literal, or a CAST of the string column. */
function fixString(other: Operand, operator: string, string: Operand, stringSide: "left" | "right"): string {
  const order = (a: string, b: string) => (stringSide === "right" ? `${a} ${operator} ${b}` : `${b} ${operator} ${a}`);
  const literal = /^'(.*)'$/s.exec(string.text)?.[1];
  const numeric = NUMBERS.has(base(other.type));
  if (literal !== undefined && numeric) {
    // '42' meant the number 42; '1.2.3.4' is no number, so the other side must become a string.
    return /^-?\d+(\.\d+)?$/.test(literal) ? order(other.text, literal) : order(`CAST(${other.text} AS varchar)`, string.text);
  }
  return order(other.text, rewrite(string, other.type));
}
