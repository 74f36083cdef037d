import { loadedPolyglot } from "./polyglot.ts";
import { body, kindOf, type Node } from "./ast.ts";

/**
 * Builds AST nodes from Trino text with holes: `template("count(DISTINCT baikal_0)", [x])` parses the
 * expression once and puts `x` where the column `baikal_0` stands. Rewrites read as the SQL they produce.
 */
const parsed = new Map<string, unknown>();

function parseSelect(sql: string): Record<string, unknown> {
  let ast = parsed.get(sql);
  if (ast === undefined) {
    const pg = loadedPolyglot();
    const result = pg.parse(sql, pg.Dialect.Trino);
    if (!result.success || !result.ast) throw new Error(`template does not parse: ${sql}: ${result.error}`);
    ast = result.ast[0];
    parsed.set(sql, ast);
  }
  return structuredClone(ast) as Record<string, unknown>;
}

function fill(value: unknown, holes: readonly unknown[]): unknown {
  if (Array.isArray(value)) return value.map((item) => fill(item, holes));
  if (typeof value !== "object" || value === null) return value;
  if (kindOf(value) === "column") {
    const name = body<{ name: { name: string }; table: unknown }>(value).name?.name;
    const match = /^baikal_(\d+)$/.exec(name ?? "");
    if (match && !body<{ table: unknown }>(value).table) return holes[Number(match[1])];
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, holes)]));
}

/** One expression. */
export function template(expression: string, holes: readonly unknown[] = []): Node {
  const select = parseSelect(`SELECT ${expression}`) as { select: { expressions: unknown[] } };
  return fill(select.select.expressions[0], holes) as Node;
}

/** A whole statement, for rewrites of query shapes. */
export function statementTemplate(sql: string, holes: readonly unknown[] = []): Node {
  return fill(parseSelect(sql), holes) as Node;
}
