/**
 * Polyglot's AST as JSON: every node is an object with one key, its kind (`{ "function": { name, args } }`,
 * `{ "add": { left, right } }`). These helpers read and rebuild it without knowing every kind.
 */
export type Node = Record<string, unknown>;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The kind of a node (`function`, `sum`, `column`, ...), or undefined for a plain value. */
export function kindOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : undefined;
}

/** The body of a node of a kind. */
export function body<T = Record<string, unknown>>(node: unknown): T {
  return (node as Node)[kindOf(node)!] as T;
}

/**
 * Rebuilds a tree bottom-up: `visit` sees each node after its children were visited and returns it or a
 * replacement. `path` holds the kinds of the enclosing nodes, innermost last.
 */
export function rewrite(value: unknown, visit: (node: Node, path: readonly string[]) => unknown, path: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, visit, path));
  if (typeof value !== "object" || value === null) return value;
  const kind = kindOf(value);
  const out: Record<string, unknown> = {};
  if (kind !== undefined && isNodeBody((value as Node)[kind])) path.push(kind);
  for (const [key, child] of Object.entries(value)) out[key] = rewrite(child, visit, path);
  if (kind !== undefined && isNodeBody((value as Node)[kind])) {
    path.pop();
    return visit(out, path);
  }
  return out;
}

function isNodeBody(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every node of the tree, parents before children. */
export function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const kind = kindOf(value);
  if (kind !== undefined && isNodeBody((value as Node)[kind])) yield value as Node;
  for (const child of Object.values(value)) yield* nodes(child);
}

/** The first source position inside a node: polyglot records spans on identifiers and some literals. */
export function positionOf(value: unknown): Position | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = positionOf(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const span = (value as { span?: { line?: number; column?: number } }).span;
  if (span && typeof span.line === "number" && typeof span.column === "number") return { line: span.line, column: span.column };
  for (const child of Object.values(value)) {
    const found = positionOf(child);
    if (found) return found;
  }
  return undefined;
}

/** A call of a function by name, printed as written by every dialect: how the compatibility macros are called. */
export function call(name: string, args: readonly unknown[]): Node {
  return {
    function: { name, args: [...args], distinct: false, trailing_comments: [], use_bracket_syntax: false, no_parens: false, quoted: false },
  };
}

export function stringLiteral(value: string): Node {
  return { literal: { literal_type: "string", value } };
}

export function numberLiteral(value: number): Node {
  return { literal: { literal_type: "number", value: String(value) } };
}

/** The text of a string literal node, or undefined when the node is anything else. */
export function stringValue(node: unknown): string | undefined {
  if (kindOf(node) !== "literal") return undefined;
  const literal = body<{ literal_type: string; value: string }>(node);
  return literal.literal_type === "string" ? literal.value : undefined;
}
