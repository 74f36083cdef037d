/**
 * Trino type strings as a small tree, so inference can look inside `array(...)`, `map(...)` and `row(...)`.
 * The parser also accepts the Hive spellings Glue stores (`array<string>`, `struct<a:int>`), because catalog
 * types sometimes arrive unconverted.
 */
export type TrinoType =
  | { readonly kind: "simple"; readonly name: string; readonly params: readonly number[]; readonly withTimeZone?: boolean }
  | { readonly kind: "array"; readonly element: TrinoType }
  | { readonly kind: "map"; readonly key: TrinoType; readonly value: TrinoType }
  | { readonly kind: "row"; readonly fields: readonly RowField[] };

export interface RowField {
  readonly name?: string;
  readonly type: TrinoType;
}

/** Hive and SQL spellings Trino knows under another name. */
const ALIASES: Readonly<Record<string, string>> = {
  int: "integer",
  string: "varchar",
  float: "real",
  binary: "varbinary",
  struct: "row",
};

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+)|"((?:[^"]|"")*)"|([(),<>:]))/y;

class TypeReader {
  private readonly tokens: string[] = [];
  private index = 0;

  constructor(text: string) {
    let position = 0;
    for (;;) {
      TOKEN.lastIndex = position;
      const match = TOKEN.exec(text);
      if (match === null) break;
      position = TOKEN.lastIndex;
      // Quoted field names keep their spelling; everything else is case-insensitive.
      this.tokens.push(match[3] !== undefined ? `"${match[3]}` : (match[1] ?? match[2] ?? match[4] ?? "").toLowerCase());
    }
    // Anything the tokenizer could not read makes the whole type unparsable.
    if (text.slice(position).trim() !== "") this.tokens.push("\u0000");
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }
  peek(offset = 0): string | undefined {
    return this.tokens[this.index + offset];
  }
  next(): string {
    const token = this.tokens[this.index++];
    if (token === undefined) throw new Error("unexpected end");
    return token;
  }
  expect(token: string): void {
    if (this.next() !== token) throw new Error(`expected ${token}`);
  }
  accept(token: string): boolean {
    if (this.peek() !== token) return false;
    this.index++;
    return true;
  }
}

function readType(r: TypeReader): TrinoType {
  const word = r.next();
  const name = ALIASES[word] ?? word;
  if (name === "array") {
    const close = r.accept("<") ? ">" : (r.expect("("), ")");
    const element = readType(r);
    r.expect(close);
    return { kind: "array", element };
  }
  if (name === "map") {
    const close = r.accept("<") ? ">" : (r.expect("("), ")");
    const key = readType(r);
    r.expect(",");
    const value = readType(r);
    r.expect(close);
    return { kind: "map", key, value };
  }
  if (name === "row") return readRow(r);
  if (name === "double") {
    r.accept("precision");
    return simple("double");
  }
  if (name === "interval") {
    const from = r.next();
    r.expect("to");
    return simple(`interval ${from} to ${r.next()}`);
  }
  const params: number[] = [];
  if (r.accept("(")) {
    do params.push(Number(r.next()));
    while (r.accept(","));
    r.expect(")");
    if (params.some((p) => !Number.isInteger(p))) throw new Error("bad parameter");
  }
  if (name === "timestamp" || name === "time") {
    const precision = params[0] ?? 3;
    let withTimeZone = false;
    if (r.peek() === "with" || r.peek() === "without") {
      withTimeZone = r.next() === "with";
      r.expect("time");
      r.expect("zone");
    }
    return { kind: "simple", name, params: [precision], withTimeZone };
  }
  if (name === "decimal" && params.length === 0) return simple("decimal", [38, 0]);
  if (name === "decimal" && params.length === 1) return simple("decimal", [params[0] ?? 38, 0]);
  if (name === "char" && params.length === 0) return simple("char", [1]);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("not a type name");
  return simple(name, params);
}

function readRow(r: TypeReader): TrinoType {
  const hive = r.accept("<");
  if (!hive) r.expect("(");
  const fields: RowField[] = [];
  do {
    // `row(a varchar)` and `struct<a:string>` name fields; `row(varchar)` may not.
    const first = r.peek();
    const second = r.peek(1);
    const named = hive || (second !== undefined && second !== "," && second !== ")" && second !== "(");
    if (named && first !== undefined) {
      r.next();
      if (hive) r.expect(":");
      fields.push({ name: first.startsWith('"') ? first.slice(1).replaceAll('""', '"') : first, type: readType(r) });
    } else {
      fields.push({ type: readType(r) });
    }
  } while (r.accept(","));
  r.expect(hive ? ">" : ")");
  return { kind: "row", fields };
}

function simple(name: string, params: readonly number[] = []): TrinoType {
  return { kind: "simple", name, params };
}

const parsed = new Map<string, TrinoType | undefined>();

/** The type tree of a Trino (or Hive) type string; undefined when it does not parse. Cached: catalogs repeat types. */
export function parseTrinoType(text: string): TrinoType | undefined {
  if (parsed.has(text)) return parsed.get(text);
  let result: TrinoType | undefined;
  try {
    const reader = new TypeReader(text);
    result = readType(reader);
    if (!reader.atEnd()) result = undefined;
  } catch {
    result = undefined;
  }
  parsed.set(text, result);
  return result;
}

function formatFieldName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** Trino's own spelling: `decimal(12,4)`, `map(varchar, bigint)`, `row(os varchar)`, `timestamp(3) with time zone`. */
export function formatTrinoType(type: TrinoType): string {
  switch (type.kind) {
    case "array":
      return `array(${formatTrinoType(type.element)})`;
    case "map":
      return `map(${formatTrinoType(type.key)}, ${formatTrinoType(type.value)})`;
    case "row":
      return `row(${type.fields
        .map((f) => (f.name === undefined ? formatTrinoType(f.type) : `${formatFieldName(f.name)} ${formatTrinoType(f.type)}`))
        .join(", ")})`;
    case "simple": {
      const params = type.params.length > 0 ? `(${type.params.join(",")})` : "";
      return `${type.name}${params}${type.withTimeZone ? " with time zone" : ""}`;
    }
  }
}

const normalized = new Map<string, string>();

/**
 * The canonical Trino spelling of a type: `INT` → `integer`, `string` → `varchar`, `timestamp` → `timestamp(3)`,
 * `array<string>` → `array(varchar)`. Text that does not parse comes back trimmed and lower-cased.
 */
export function normalizeTrinoType(text: string): string {
  let result = normalized.get(text);
  if (result === undefined) {
    const type = parseTrinoType(text);
    result = type === undefined ? text.trim().toLowerCase() : formatTrinoType(type);
    normalized.set(text, result);
  }
  return result;
}
