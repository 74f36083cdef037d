/**
 * Query shapes DuckDB does not take as Trino writes them: UNNEST of several arrays (zipped, the shorter padded
 * with NULLs) and FETCH FIRST n ROWS WITH TIES.
 */
import { body, kindOf, type Node } from "./ast.ts";
import { REFUSED } from "./refusals.ts";
import type { RewriteContext } from "./rewrite-trino.ts";
import { statementTemplate, template } from "./templates.ts";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Unnest {
  readonly this: unknown;
  readonly expressions?: unknown[];
  readonly with_ordinality?: boolean;
}

interface AliasBody {
  readonly this: unknown;
  readonly alias?: { name: string } | null;
  readonly column_aliases?: { name: string }[];
}

/** `UNNEST(a, b) AS t(x, y)` as `LATERAL (SELECT UNNEST(a) AS x, UNNEST(b) AS y) AS t`: DuckDB zips those. */
function rewriteUnnest(node: Node, context: RewriteContext): unknown {
  const alias = body<AliasBody>(node);
  const unnest = body<Unnest>(alias.this);
  const arrays = [unnest.this, ...(unnest.expressions ?? [])];
  const names = (alias.column_aliases ?? []).map((c) => c.name);
  const ordinality = unnest.with_ordinality === true;
  if (arrays.length === 1) {
    if (names.length > 1 + (ordinality ? 1 : 0)) context.refuse(REFUSED.unnestIntoColumns(), node);
    return node;
  }
  if (names.length !== arrays.length + (ordinality ? 1 : 0)) {
    context.refuse(REFUSED.unnestIntoColumns(), node);
    return node;
  }
  const columns = arrays.map((_, i) => `UNNEST(baikal_${i}) AS ${quote(names[i]!)}`);
  if (ordinality) {
    const lengths = arrays.map((_, i) => `len(baikal_${i})`).join(", ");
    columns.push(`UNNEST(generate_series(1, greatest(${lengths}))) AS ${quote(names[arrays.length]!)}`);
  }
  const tableAlias = alias.alias?.name ?? "baikal_unnest";
  const statement = statementTemplate(`SELECT * FROM baikal_t CROSS JOIN LATERAL (SELECT ${columns.join(", ")}) AS ${quote(tableAlias)}`, arrays);
  const join = body<{ joins: { this: unknown }[] }>(statement).joins[0]!;
  return join.this;
}

interface Ordered {
  readonly this: unknown;
}

interface SelectBody {
  expressions: unknown[];
  order_by?: { expressions: Ordered[] } | null;
  fetch?: { with_ties?: boolean; count?: unknown } | null;
  distinct?: boolean;
}

/** The name an output column goes by, or undefined (`*`, unnamed expressions). */
function outputName(expression: unknown): string | undefined {
  const kind = kindOf(expression);
  if (kind === "alias") return body<{ alias: { name: string } }>(expression).alias.name;
  if (kind === "column") return body<{ name: { name: string } }>(expression).name.name;
  return undefined;
}

function unaliased(expression: unknown): unknown {
  return kindOf(expression) === "alias" ? body<{ this: unknown }>(expression).this : expression;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a, (k, v) => (k === "span" ? undefined : v)) === JSON.stringify(b, (k, v) => (k === "span" ? undefined : v));

/**
 * `... ORDER BY k FETCH FIRST n ROWS WITH TIES` as
 * `SELECT <outputs> FROM (SELECT ..., rank() OVER (ORDER BY k) AS baikal_rank ...) WHERE baikal_rank <= n ORDER BY k`.
 */
function rewriteWithTies(node: Node, context: RewriteContext): unknown {
  const select = body<SelectBody>(node);
  if (!select.fetch?.with_ties) return node;
  const names = select.expressions.map(outputName);
  if (!select.order_by || select.distinct || names.some((n) => n === undefined)) {
    context.refuse(REFUSED.withTiesShape(), node);
    return node;
  }
  const expressionFor = (key: unknown): { inner: unknown; outer?: string } => {
    const kind = kindOf(key);
    if (kind === "literal" && body<{ literal_type: string }>(key).literal_type === "number") {
      const index = Number(body<{ value: string }>(key).value) - 1;
      return { inner: unaliased(select.expressions[index]), outer: names[index] };
    }
    if (kind === "column" && !body<{ table: unknown }>(key).table) {
      const index = names.indexOf(body<{ name: { name: string } }>(key).name.name);
      if (index >= 0) return { inner: unaliased(select.expressions[index]), outer: names[index] };
    }
    const index = select.expressions.findIndex((e) => same(unaliased(e), key));
    return { inner: key, outer: index >= 0 ? names[index] : undefined };
  };
  const keys = select.order_by.expressions.map((ordered) => ({ ordered, ...expressionFor(ordered.this) }));
  if (keys.some((k) => k.outer === undefined)) {
    context.refuse(REFUSED.withTiesShape(), node);
    return node;
  }
  const rank = template("rank() OVER (ORDER BY baikal_0) AS baikal_rank", [{ literal: { literal_type: "number", value: "1" } }]);
  const window = body<{ this: { window_function: { over: { order_by: unknown[] } } } }>(rank).this.window_function;
  window.over.order_by = keys.map((k) => ({ ...k.ordered, this: k.inner }));
  const inner = { select: { ...select, expressions: [...select.expressions, rank], order_by: null, fetch: null } };
  const outer = statementTemplate(`SELECT ${names.map((n) => quote(n!)).join(", ")} FROM (SELECT 1) AS baikal_ties WHERE baikal_rank <= baikal_0`, [select.fetch.count]);
  const outerSelect = body<SelectBody & { from: { expressions: Node[] } }>(outer);
  const subquery = body<{ this: unknown }>(outerSelect.from.expressions[0]);
  subquery.this = inner;
  outerSelect.order_by = { ...select.order_by, expressions: keys.map((k) => ({ ...k.ordered, this: template(quote(k.outer!)) })) };
  return outer;
}

export function rewriteRelations(node: Node, kind: string, context: RewriteContext): unknown {
  if (kind === "alias") return kindOf(body<AliasBody>(node).this) === "unnest" ? rewriteUnnest(node, context) : node;
  if (kind === "select") return rewriteWithTies(node, context);
  const fetch = body<{ fetch?: { with_ties?: boolean } | null }>(node).fetch;
  if (fetch?.with_ties) context.refuse(REFUSED.withTiesShape(), node);
  return node;
}
