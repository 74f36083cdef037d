/**
 * The type language of function and operator signatures, as Trino writes them: concrete types (`bigint`),
 * type variables (`T`, `array(T)`, `map(K,V)`), literal parameters (`varchar(x)`, `decimal(p,s)`), lambdas
 * (`function(T,U)`: arguments, then the result) and, in return types, arithmetic on literals
 * (`decimal(min(38,p+1),s)`).
 */
import { parseTrinoType, type TrinoType } from "../types/trino-type.ts";

export type SigParam = { readonly kind: "number"; readonly value: number } | { readonly kind: "expression"; readonly text: string };

export type SigType =
  | { readonly kind: "variable"; readonly name: string }
  | { readonly kind: "simple"; readonly name: string; readonly params: readonly SigParam[]; readonly withTimeZone: boolean }
  | { readonly kind: "array"; readonly element: SigType }
  | { readonly kind: "map"; readonly key: SigType; readonly value: SigType }
  | { readonly kind: "row"; readonly fields: readonly { readonly name?: string; readonly type: SigType }[] }
  | { readonly kind: "function"; readonly parameters: readonly SigType[]; readonly result: SigType };

/** Trino's length of an unbounded varchar (VarcharType.UNBOUNDED_LENGTH). */
export const UNBOUNDED = 2147483647;

/** Types whose first parameter defaults when omitted, as Trino spells them without one. */
const DEFAULT_PARAMS: Readonly<Record<string, number[]>> = { timestamp: [3], time: [3] };

class Reader {
  private index = 0;
  constructor(private readonly text: string) {}

  private skip(): void {
    while (this.text[this.index] === " ") this.index++;
  }
  peek(): string {
    this.skip();
    return this.text[this.index] ?? "";
  }
  word(): string {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.index));
    if (match === null) throw new Error(`expected a name at ${this.index} in "${this.text}"`);
    this.index += match[0].length;
    return match[0];
  }
  expect(char: string): void {
    if (this.peek() !== char) throw new Error(`expected "${char}" at ${this.index} in "${this.text}"`);
    this.index++;
  }
  accept(char: string): boolean {
    if (this.peek() !== char) return false;
    this.index++;
    return true;
  }
  acceptWords(...words: string[]): boolean {
    const rest = this.text.slice(this.index).trimStart().toLowerCase();
    const phrase = words.join(" ");
    if (!rest.startsWith(phrase) || /[a-z0-9_]/.test(rest[phrase.length] ?? "")) return false;
    this.skip();
    this.index += phrase.length;
    return true;
  }
  /** A parameter up to the next top-level "," or ")". */
  param(): string {
    this.skip();
    let depth = 0;
    const start = this.index;
    while (this.index < this.text.length) {
      const c = this.text[this.index]!;
      if (c === "(") depth++;
      if (c === ")" && depth-- === 0) break;
      if (c === "," && depth === 0) break;
      this.index++;
    }
    return this.text.slice(start, this.index).trim();
  }
  atEnd(): boolean {
    return this.peek() === "";
  }
}

function read(r: Reader): SigType {
  const word = r.word();
  const lower = word.toLowerCase();
  if (/^[A-Z][A-Z0-9]*$/.test(word) && !r.peek().startsWith("(")) return { kind: "variable", name: word };
  if (lower === "array") {
    r.expect("(");
    const element = read(r);
    r.expect(")");
    return { kind: "array", element };
  }
  if (lower === "map") {
    r.expect("(");
    const key = read(r);
    r.expect(",");
    const value = read(r);
    r.expect(")");
    return { kind: "map", key, value };
  }
  if (lower === "function") {
    r.expect("(");
    const types: SigType[] = [read(r)];
    while (r.accept(",")) types.push(read(r));
    r.expect(")");
    return { kind: "function", parameters: types.slice(0, -1), result: types.at(-1)! };
  }
  if (lower === "row") {
    r.expect("(");
    const fields: { name?: string; type: SigType }[] = [];
    do {
      const start = r.word();
      if (r.peek() === "," || r.peek() === ")") fields.push({ type: read(new Reader(start)) });
      else fields.push({ name: start, type: read(r) });
    } while (r.accept(","));
    r.expect(")");
    return { kind: "row", fields };
  }
  if (lower === "interval") {
    const name = r.acceptWords("day", "to", "second") ? "interval day to second" : (r.acceptWords("year", "to", "month"), "interval year to month");
    return { kind: "simple", name, params: [], withTimeZone: false };
  }
  if (lower === "double") r.acceptWords("precision");
  const params: SigParam[] = [];
  if (r.accept("(")) {
    do {
      const text = r.param();
      params.push(/^\d+$/.test(text) ? { kind: "number", value: Number(text) } : { kind: "expression", text });
    } while (r.accept(","));
    r.expect(")");
  }
  for (const value of params.length === 0 ? (DEFAULT_PARAMS[lower] ?? []) : []) params.push({ kind: "number", value });
  const withTimeZone = (lower === "timestamp" || lower === "time") && r.acceptWords("with", "time", "zone");
  if (!withTimeZone) r.acceptWords("without", "time", "zone");
  return { kind: "simple", name: lower, params, withTimeZone };
}

const parsedSignatures = new Map<string, SigType>();

/** Parses a signature type; throws on text that is not one (the catalog is checked by its tests). */
export function parseSigType(text: string): SigType {
  let type = parsedSignatures.get(text);
  if (type === undefined) {
    const reader = new Reader(text);
    type = read(reader);
    if (!reader.atEnd()) throw new Error(`unexpected text after the type in "${text}"`);
    parsedSignatures.set(text, type);
  }
  return type;
}

/** Whether the type mentions no type variable and no literal parameter. */
export function isConcrete(type: SigType): boolean {
  switch (type.kind) {
    case "variable":
      return false;
    case "simple":
      return type.params.every((p) => p.kind === "number");
    case "array":
      return isConcrete(type.element);
    case "map":
      return isConcrete(type.key) && isConcrete(type.value);
    case "row":
      return type.fields.every((f) => isConcrete(f.type));
    case "function":
      return false;
  }
}

/** A concrete signature type as a Trino type. */
export function toTrinoType(type: SigType): TrinoType | undefined {
  const text = formatSigType(type);
  return isConcrete(type) ? parseTrinoType(text) : undefined;
}

/** Writes a signature type back as Trino does in messages: `varchar(x)`, `array(T)`, `function(T,U)`. */
export function formatSigType(type: SigType): string {
  switch (type.kind) {
    case "variable":
      return type.name;
    case "simple": {
      const params = type.params.length === 0 ? "" : `(${type.params.map((p) => (p.kind === "number" ? String(p.value) : p.text)).join(",")})`;
      return `${type.name}${params}${type.withTimeZone ? " with time zone" : ""}`;
    }
    case "array":
      return `array(${formatSigType(type.element)})`;
    case "map":
      return `map(${formatSigType(type.key)}, ${formatSigType(type.value)})`;
    case "row":
      return `row(${type.fields.map((f) => (f.name === undefined ? formatSigType(f.type) : `${f.name} ${formatSigType(f.type)}`)).join(", ")})`;
    case "function":
      return `function(${[...type.parameters, type.result].map(formatSigType).join(", ")})`;
  }
}

/** Evaluates a literal expression of a return type (`min(38, p + 1)`, `x + y`) with the bound literals. */
export function evaluateLiteral(text: string, literals: ReadonlyMap<string, number>): number | undefined {
  const tokens = text.match(/[A-Za-z_][A-Za-z0-9_]*|\d+|[-+*/(),]/g) ?? [];
  let index = 0;
  const peek = () => tokens[index];
  const next = () => tokens[index++];
  const primary = (): number | undefined => {
    const token = next();
    if (token === undefined) return undefined;
    if (token === "(") {
      const value = sum();
      next();
      return value;
    }
    if (token === "-") {
      const value = primary();
      return value === undefined ? undefined : -value;
    }
    if (/^\d+$/.test(token)) return Number(token);
    if ((token === "min" || token === "max") && peek() === "(") {
      next();
      const values: (number | undefined)[] = [sum()];
      while (peek() === ",") {
        next();
        values.push(sum());
      }
      next();
      if (values.some((v) => v === undefined)) return undefined;
      return token === "min" ? Math.min(...(values as number[])) : Math.max(...(values as number[]));
    }
    return literals.get(token.toLowerCase());
  };
  const product = (): number | undefined => {
    let value = primary();
    while (peek() === "*" || peek() === "/") {
      const operator = next();
      const right = primary();
      value = value === undefined || right === undefined ? undefined : operator === "*" ? value * right : Math.trunc(value / right);
    }
    return value;
  };
  const sum = (): number | undefined => {
    let value = product();
    while (peek() === "+" || peek() === "-") {
      const operator = next();
      const right = product();
      value = value === undefined || right === undefined ? undefined : operator === "+" ? value + right : value - right;
    }
    return value;
  };
  const value = sum();
  return value === undefined ? undefined : Math.min(value, UNBOUNDED);
}

