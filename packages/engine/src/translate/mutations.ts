/**
 * Mutants of a SELECT that keep its output types: a comparison flipped, a conjunct of WHERE, ON or HAVING
 * dropped, an aggregate swapped (sum to max, count(DISTINCT x) to count(x)), a NULL test or IN negated, a window's
 * order reversed or its partition dropped, rank() swapped with dense_rank() or row_number(), + swapped with -,
 * coalesce's default dropped, date_diff's arguments swapped, DISTINCT dropped. A unit test worth having fails on each: a mutant that passes every test shows logic no test
 * pins down. Used by the examples' mutation test; any SQL polyglot parses as Trino will do.
 */
import { body, kindOf, type Node, positionOf } from "./ast.ts";
import { loadedPolyglot } from "./polyglot.ts";

export interface Mutant {
  /** What changed and where, e.g. `= became <> at line 7`. */
  readonly description: string;
  readonly sql: string;
}

const FLIPS: Readonly<Record<string, readonly [string, string]>> = {
  eq: ["neq", "= became <>"],
  neq: ["eq", "<> became ="],
  lt: ["gte", "< became >="],
  lte: ["gt", "<= became >"],
  gt: ["lte", "> became <="],
  gte: ["lt", ">= became <"],
};

const AGGREGATE_SWAPS: Readonly<Record<string, readonly string[]>> = {
  sum: ["max", "min"],
  max: ["min"],
  min: ["max"],
  avg: ["max", "min"],
};

/** The node of `name()` as polyglot builds it (ranking functions have bodies of different shapes). */
function rankingFunction(name: string): unknown {
  const pg = loadedPolyglot();
  const parsed = pg.parse(`SELECT ${name}() OVER () AS x`, pg.Dialect.Trino);
  const select = (parsed.ast![0] as { select: { expressions: { alias: { this: { window_function: { this: unknown } } } }[] } }).select;
  return select.expressions[0]!.alias.this.window_function.this;
}

type Edit = { readonly description: string; readonly apply: (node: Node) => unknown };

function editsOf(node: Node): Edit[] {
  const kind = kindOf(node)!;
  const b = (body<Record<string, unknown> | null>(node) ?? {}) as Record<string, unknown> & { args?: unknown[] };
  const edits: Edit[] = [];
  const flip = FLIPS[kind];
  if (flip) edits.push({ description: flip[1], apply: (n) => ({ [flip[0]]: body(n) }) });
  if (kind === "and") {
    edits.push({ description: "dropped the condition after AND", apply: (n) => body<{ left: unknown }>(n).left });
    edits.push({ description: "dropped the condition before AND", apply: (n) => body<{ right: unknown }>(n).right });
  }
  if (kind === "is_null") edits.push({ description: b.not ? "IS NOT NULL became IS NULL" : "IS NULL became IS NOT NULL", apply: (n) => ({ is_null: { ...body(n), not: !body<{ not?: boolean }>(n).not } }) });
  if (kind === "in") edits.push({ description: b.not ? "NOT IN became IN" : "IN became NOT IN", apply: (n) => ({ in: { ...body(n), not: !body<{ not?: boolean }>(n).not } }) });
  for (const swap of AGGREGATE_SWAPS[kind] ?? []) {
    edits.push({ description: `${kind}() became ${swap}()`, apply: (n) => ({ [swap]: { ...body(n), name: swap } }) });
  }
  if (kind === "count" && b.distinct) edits.push({ description: "count(DISTINCT x) became count(x)", apply: (n) => ({ count: { ...body(n), distinct: false } }) });
  if (kind === "approx_distinct") edits.push({ description: "approx_distinct(x) became count(x)", apply: (n) => ({ count: { this: body<{ this: unknown }>(n).this, star: false, distinct: false, filter: null, original_name: "count" } }) });
  if (kind === "add") edits.push({ description: "+ became -", apply: (n) => ({ sub: body(n) }) });
  if (kind === "sub") edits.push({ description: "- became +", apply: (n) => ({ add: body(n) }) });
  for (const [from, to] of [["rank", "dense_rank"], ["rank", "row_number"], ["dense_rank", "rank"], ["row_number", "rank"]] as const) {
    if (kind === from) edits.push({ description: `${from}() became ${to}()`, apply: () => rankingFunction(to) });
  }
  if (kind === "coalesce" && Array.isArray(b.expressions) && b.expressions.length === 2) {
    edits.push({ description: "coalesce(x, default) became x", apply: (n) => body<{ expressions: unknown[] }>(n).expressions[0] });
  }
  if (kind === "function" && String(b.name).toLowerCase() === "date_diff" && Array.isArray(b.args) && b.args.length === 3) {
    edits.push({ description: "swapped date_diff's arguments", apply: (n) => ({ function: { ...body(n), args: [b.args![0], b.args![2], b.args![1]] } }) });
  }
  if (kind === "select" && b.distinct === true) edits.push({ description: "dropped DISTINCT", apply: (n) => ({ select: { ...body(n), distinct: false } }) });
  if (kind === "window_function") {
    const partition = (b.over as { partition_by?: unknown[] } | undefined)?.partition_by;
    if (partition?.length) {
      edits.push({
        description: "dropped the window's PARTITION BY",
        apply: (n) => {
          const copy = structuredClone(n);
          body<{ over: { partition_by: unknown[] } }>(copy).over.partition_by = [];
          return copy;
        },
      });
    }
    const over = b.over as { order_by?: { desc?: boolean }[] } | undefined;
    if (over?.order_by?.length) {
      edits.push({
        description: "reversed the window's ORDER BY",
        apply: (n) => {
          const copy = structuredClone(n);
          const window = body<{ over: { order_by: { desc?: boolean }[] } }>(copy);
          window.over.order_by = window.over.order_by.map((o) => ({ ...o, desc: !o.desc }));
          return copy;
        },
      });
    }
  }
  return edits;
}

/** Every node of the tree with a way to put a replacement in its place. */
function* slots(value: unknown, replace: (next: unknown) => void): Generator<{ node: Node; replace: (next: unknown) => void }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* slots(value[i], (next) => (value[i] = next));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const kind = kindOf(value);
  if (kind !== undefined && typeof (value as Node)[kind] === "object" && !["this", "expressions", "expression"].includes(kind)) yield { node: value as Node, replace };
  for (const key of Object.keys(value)) yield* slots((value as Record<string, unknown>)[key], (next) => ((value as Record<string, unknown>)[key] = next));
}

/** The mutants of one SELECT, in a stable order (the same structure gives the same list). */
export function sqlMutants(sql: string): Mutant[] {
  const pg = loadedPolyglot();
  const parsed = pg.parse(sql, pg.Dialect.Trino);
  if (!parsed.success || !parsed.ast) throw new Error(`cannot parse the SQL to mutate it: ${parsed.error}`);
  const count = [...slots(parsed.ast, () => undefined)].map((s) => editsOf(s.node).length);
  const mutants: Mutant[] = [];
  count.forEach((edits, slotIndex) => {
    for (let editIndex = 0; editIndex < edits; editIndex++) {
      const copy = structuredClone(parsed.ast) as unknown[];
      const slot = [...slots(copy, () => undefined)][slotIndex]!;
      const edit = editsOf(slot.node)[editIndex]!;
      const line = positionOf(slot.node)?.line;
      slot.replace(edit.apply(slot.node));
      const generated = pg.generate(copy, pg.Dialect.Trino);
      if (!generated.success || !generated.sql) throw new Error(`cannot print a mutant (${edit.description}): ${generated.error}`);
      mutants.push({ description: `${edit.description}${line ? ` at line ${line}` : ""}`, sql: generated.sql[0]! });
    }
  });
  return mutants;
}
