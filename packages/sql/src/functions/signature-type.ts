/**
 * The type language of function signatures in the catalog: Trino types plus type variables (`T`, `array(K)`),
 * literal parameters (`varchar(x)`, `decimal(p,s)`), lambdas (`function(T, U)`: arguments, then the result) and,
 * in return types only, literal arithmetic (`decimal(min(38,p+1),s)`, `varchar(x+y)`).
 */

export type LiteralExpression =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "literal"; readonly name: string }
  | { readonly kind: "call"; readonly name: "min" | "max"; readonly args: readonly LiteralExpression[] }
  | { readonly kind: "binary"; readonly operator: "+" | "-" | "*" | "/"; readonly left: LiteralExpression; readonly right: LiteralExpression };

export type SignatureType =
  | { readonly kind: "variable"; readonly name: string }
  | {
      readonly kind: "simple";
      readonly name: string;
      /** Literal parameters: `varchar(x)`, `decimal(p,s)`, `timestamp(3)`. */
      readonly params: readonly LiteralExpression[];
      /** Type parameters of the digest and model types: `qdigest(bigint)`, `classifier(varchar)`. */
      readonly typeParams?: readonly SignatureType[];
      readonly withTimeZone?: boolean;
    }
  | { readonly kind: "array"; readonly element: SignatureType }
  | { readonly kind: "map"; readonly key: SignatureType; readonly value: SignatureType }
  | { readonly kind: "row"; readonly fields: readonly { readonly name?: string; readonly type: SignatureType }[] }
  | { readonly kind: "function"; readonly args: readonly SignatureType[]; readonly result: SignatureType };

export interface SignatureTypeContext {
  /** Declared type variables (`T`, `K`, `V1`). */
  readonly typeVariables: ReadonlySet<string>;
  /** Declared literal parameters (`p`, `s`, `x`). */
  readonly literals: ReadonlySet<string>;
  /** Return types may compute literals (`p+1`, `min(38,p)`); argument types may not. */
  readonly allowArithmetic: boolean;
}

/** Parameterised type names Trino knows; their parameters are literals, not types. */
const PARAMETRIC = new Set(["varchar", "char", "decimal", "timestamp", "time", "qdigest", "classifier"]);
/** qdigest and classifier take a type parameter (`qdigest(bigint)`, `classifier(varchar)`). */
const TYPE_PARAMETRIC = new Set(["qdigest", "classifier"]);
const VARIABLE = /^[A-Z][A-Z0-9]*$/;
const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+)|([(),+\-*/]))/y;

class Reader {
  private readonly tokens: string[] = [];
  private index = 0;

  constructor(readonly text: string) {
    let position = 0;
    for (;;) {
      TOKEN.lastIndex = position;
      const match = TOKEN.exec(text);
      if (match === null) break;
      position = TOKEN.lastIndex;
      this.tokens.push(match[1] ?? match[2] ?? match[3] ?? "");
    }
    if (text.slice(position).trim() !== "") throw new Error(`cannot read "${text.slice(position).trim()}"`);
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
    const got = this.next();
    if (got.toLowerCase() !== token) throw new Error(`expected "${token}", got "${got}"`);
  }
  accept(token: string): boolean {
    if (this.peek()?.toLowerCase() !== token) return false;
    this.index++;
    return true;
  }
}

function readType(r: Reader, c: SignatureTypeContext): SignatureType {
  const word = r.next();
  if (VARIABLE.test(word) && c.typeVariables.has(word)) return { kind: "variable", name: word };
  const name = word.toLowerCase();
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`"${word}" is not a type`);
  if (VARIABLE.test(word) && word.length <= 2) throw new Error(`type variable ${word} is not declared`);
  if (name === "array") return (r.expect("("), withClose(r, { kind: "array", element: readType(r, c) }));
  if (name === "map") {
    r.expect("(");
    const key = readType(r, c);
    r.expect(",");
    return withClose(r, { kind: "map", key, value: readType(r, c) });
  }
  if (name === "function") {
    r.expect("(");
    const types = [readType(r, c)];
    while (r.accept(",")) types.push(readType(r, c));
    r.expect(")");
    return { kind: "function", args: types.slice(0, -1), result: types[types.length - 1]! };
  }
  if (name === "row") return readRow(r, c);
  if (name === "interval") {
    const from = r.next().toLowerCase();
    r.expect("to");
    return { kind: "simple", name: `interval ${from} to ${r.next().toLowerCase()}`, params: [] };
  }
  if (name === "double") r.accept("precision");
  const params: LiteralExpression[] = [];
  let typeParam: SignatureType | undefined;
  if (r.accept("(")) {
    if (!PARAMETRIC.has(name)) throw new Error(`${name} takes no parameters`);
    if (TYPE_PARAMETRIC.has(name)) typeParam = readType(r, c);
    else {
      params.push(readLiteral(r, c));
      while (r.accept(",")) params.push(readLiteral(r, c));
    }
    r.expect(")");
  }
  if (typeParam !== undefined) return { kind: "simple", name, params: [], typeParams: [typeParam] };
  if (name === "timestamp" || name === "time") {
    const precision = params[0] ?? { kind: "number", value: 3 };
    let withTimeZone = false;
    if (r.peek()?.toLowerCase() === "with" || r.peek()?.toLowerCase() === "without") {
      withTimeZone = r.next().toLowerCase() === "with";
      r.expect("time");
      r.expect("zone");
    }
    return withTimeZone ? { kind: "simple", name, params: [precision], withTimeZone } : { kind: "simple", name, params: [precision] };
  }
  if (name === "decimal" && params.length < 2) {
    return { kind: "simple", name, params: [params[0] ?? { kind: "number", value: 38 }, { kind: "number", value: 0 }] };
  }
  if (name === "char" && params.length === 0) return { kind: "simple", name, params: [{ kind: "number", value: 1 }] };
  return { kind: "simple", name, params };
}

function withClose<T>(r: Reader, value: T): T {
  r.expect(")");
  return value;
}

function readRow(r: Reader, c: SignatureTypeContext): SignatureType {
  r.expect("(");
  const fields: { name?: string; type: SignatureType }[] = [];
  do {
    const second = r.peek(1);
    const named = second !== undefined && /^[A-Za-z_]/.test(second) && !["(", ",", ")"].includes(second);
    if (named) {
      const name = r.next();
      fields.push({ name, type: readType(r, c) });
    } else fields.push({ type: readType(r, c) });
  } while (r.accept(","));
  r.expect(")");
  return { kind: "row", fields };
}

/** sum := term (('+'|'-') term)*; term := atom (('*'|'/') atom)*; atom := number | literal | min/max(...) | (sum). */
function readLiteral(r: Reader, c: SignatureTypeContext): LiteralExpression {
  let left = readTerm(r, c);
  while (r.peek() === "+" || r.peek() === "-") {
    if (!c.allowArithmetic) throw new Error("literal arithmetic is allowed in return types only");
    const operator = r.next() as "+" | "-";
    left = { kind: "binary", operator, left, right: readTerm(r, c) };
  }
  return left;
}

function readTerm(r: Reader, c: SignatureTypeContext): LiteralExpression {
  let left = readAtom(r, c);
  while (r.peek() === "*" || r.peek() === "/") {
    if (!c.allowArithmetic) throw new Error("literal arithmetic is allowed in return types only");
    const operator = r.next() as "*" | "/";
    left = { kind: "binary", operator, left, right: readAtom(r, c) };
  }
  return left;
}

function readAtom(r: Reader, c: SignatureTypeContext): LiteralExpression {
  const token = r.next();
  if (/^\d+$/.test(token)) return { kind: "number", value: Number(token) };
  if (token === "(") return withClose(r, readLiteral(r, c));
  const name = token.toLowerCase();
  if ((name === "min" || name === "max") && r.peek() === "(") {
    if (!c.allowArithmetic) throw new Error("literal arithmetic is allowed in return types only");
    r.next();
    const args = [readLiteral(r, c)];
    while (r.accept(",")) args.push(readLiteral(r, c));
    return withClose(r, { kind: "call", name, args });
  }
  if (!c.literals.has(token)) throw new Error(`literal parameter ${token} is not declared`);
  return { kind: "literal", name: token };
}

/** Parses one signature type; throws with the reason when it is not in the catalog's type language. */
export function parseSignatureType(text: string, context: SignatureTypeContext): SignatureType {
  const reader = new Reader(text);
  const type = readType(reader, context);
  if (!reader.atEnd()) throw new Error(`unexpected "${reader.peek()}" after the type`);
  return type;
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

export function formatLiteralExpression(expression: LiteralExpression): string {
  switch (expression.kind) {
    case "number":
      return String(expression.value);
    case "literal":
      return expression.name;
    case "call":
      return `${expression.name}(${expression.args.map(formatLiteralExpression).join(",")})`;
    case "binary": {
      // Parentheses only where precedence needs them: p-s+min(s,1), x+max(x*y/2,y)*(x+1).
      const level = PRECEDENCE[expression.operator];
      const left = expression.left.kind === "binary" && PRECEDENCE[expression.left.operator] < level;
      const right =
        expression.right.kind === "binary" &&
        (PRECEDENCE[expression.right.operator] < level || (PRECEDENCE[expression.right.operator] === level && "-/".includes(expression.operator)));
      const side = (e: LiteralExpression, wrap: boolean) => (wrap ? `(${formatLiteralExpression(e)})` : formatLiteralExpression(e));
      return `${side(expression.left, left)}${expression.operator}${side(expression.right, right)}`;
    }
  }
}

/** The canonical spelling, the same as formatTrinoType's for concrete types: `map(K, array(V))`, `decimal(p,s)`. */
export function formatSignatureType(type: SignatureType): string {
  switch (type.kind) {
    case "variable":
      return type.name;
    case "array":
      return `array(${formatSignatureType(type.element)})`;
    case "map":
      return `map(${formatSignatureType(type.key)}, ${formatSignatureType(type.value)})`;
    case "row":
      return `row(${type.fields.map((f) => (f.name === undefined ? "" : `${f.name} `) + formatSignatureType(f.type)).join(", ")})`;
    case "function":
      return `function(${[...type.args, type.result].map(formatSignatureType).join(", ")})`;
    case "simple": {
      const inner = type.typeParams?.map(formatSignatureType) ?? type.params.map(formatLiteralExpression);
      return `${type.name}${inner.length > 0 ? `(${inner.join(",")})` : ""}${type.withTimeZone === true ? " with time zone" : ""}`;
    }
  }
}

/** Every type variable and literal parameter a type mentions, to check them against the declarations. */
export function collectNames(type: SignatureType, into: { variables: Set<string>; literals: Set<string> }): void {
  const literal = (e: LiteralExpression): void => {
    if (e.kind === "literal") into.literals.add(e.name);
    else if (e.kind === "call") e.args.forEach(literal);
    else if (e.kind === "binary") (literal(e.left), literal(e.right));
  };
  switch (type.kind) {
    case "variable":
      into.variables.add(type.name);
      return;
    case "array":
      return collectNames(type.element, into);
    case "map":
      return (collectNames(type.key, into), collectNames(type.value, into));
    case "row":
      return type.fields.forEach((f) => collectNames(f.type, into));
    case "function":
      return [...type.args, type.result].forEach((t) => collectNames(t, into));
    case "simple":
      type.params.forEach(literal);
      type.typeParams?.forEach((t) => collectNames(t, into));
  }
}
