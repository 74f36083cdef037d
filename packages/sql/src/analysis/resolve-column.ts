/**
 * Resolves a dotted name (`dt`, `i.dt`, `ads.impressions.dt`, `device.os`, `x` in a lambda) against the
 * scopes around it, Trino's way: a leading relation name qualifies, otherwise the first part is a column
 * and the rest are row fields. Unresolvable names become problems only when the shape of every relation
 * in reach is known, so unknown tables never cause a cascade of false errors.
 */
import { messages } from "../messages.ts";
import type { Position } from "../parse/tree.ts";
import { closest } from "../suggest.ts";
import { rowFields } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import type { ColumnUse } from "../result.ts";
import type { Scope, ScopeColumn, ScopeRelation } from "./scope.ts";

type Lookup =
  | { kind: "found"; column: ScopeColumn; fields: readonly string[]; others?: readonly ScopeColumn[]; relation?: ScopeRelation; source: ColumnSource }
  | { kind: "ambiguous"; relations: readonly ScopeRelation[] }
  | { kind: "not-in-relation"; relation: ScopeRelation; name: string }
  | { kind: "opaque" }
  | { kind: "none" };

/** What a resolved name is, for GROUP BY matching: a column of a FROM relation, a lambda parameter, an output name. */
export type ColumnSource = "relation" | "lambda" | "output";

function columnOf(relation: ScopeRelation, name: string): ScopeColumn | undefined {
  return relation.columns?.find((c) => c.name === name);
}

function lookupIn(scope: Scope, parts: readonly string[]): Lookup {
  const [first, second, third] = parts;
  if (first === undefined) return { kind: "opaque" };
  if (scope.lambdaParameters?.has(first)) {
    return { kind: "found", column: { name: first, type: scope.lambdaParameters.get(first) }, fields: parts.slice(1), source: "lambda" };
  }
  const output = parts.length === 1 ? scope.outputColumns?.get(first) : undefined;
  if (output !== undefined) return { kind: "found", column: output, fields: [], source: "output" };
  if (third !== undefined && second !== undefined) {
    const table = scope.relations.find((r) => r.table?.database === first && r.table.name === second && r.alias === second);
    if (table !== undefined) return qualified(scope, table, third, parts, 3);
  }
  if (second !== undefined) {
    const relation = scope.relations.find((r) => r.alias === first);
    if (relation !== undefined) return qualified(scope, relation, second, parts, 2);
  }
  return unqualified(scope, parts);
}

/** A name whose first part is a column (`dt`, `device.os`): searched in every relation that holds columns. */
function unqualified(scope: Scope, parts: readonly string[]): Lookup {
  const first = parts[0]!;
  const matches = scope.relations.filter((r) => !r.qualifierOnly && columnOf(r, first) !== undefined);
  const [match, ...others] = matches;
  if (match !== undefined) {
    const column = columnOf(match, first)!;
    if (others.length === 0 || scope.using.has(first)) {
      return { kind: "found", column, fields: parts.slice(1), others: others.map((r) => columnOf(r, first)!), relation: match, source: "relation" };
    }
    return { kind: "ambiguous", relations: matches };
  }
  return scope.relations.some((r) => r.columns === undefined) ? { kind: "opaque" } : { kind: "none" };
}

/**
 * `t.x`: column x of relation t. When t has no column x but a row column named t does have a field x
 * (`CROSS JOIN UNNEST(rules) AS t(t)` then `t.rule_id`), Trino reads the field, and so does this.
 */
function qualified(scope: Scope, relation: ScopeRelation, name: string, parts: readonly string[], used: number): Lookup {
  if (relation.columns === undefined) return { kind: "opaque" };
  const column = columnOf(relation, name);
  if (column !== undefined) return { kind: "found", column, fields: parts.slice(used), relation, source: "relation" };
  const asField = unqualified(scope, parts);
  if (asField.kind === "found" && rowFields(asField.column.type)?.some((f) => f.name === parts[1])) return asField;
  return { kind: "not-in-relation", relation, name };
}

function columnNames(relations: readonly ScopeRelation[]): string[] {
  return relations.flatMap((r) => (r.columns ?? []).flatMap((c) => (c.name === undefined || c.hidden ? [] : [c.name])));
}

/**
 * The catalog columns a bare reference to `parts` carries unchanged: those of the column it names (both sides'
 * for a `USING` column), none when it names a row field or nothing. Records and reports nothing.
 */
export function passThrough(parts: readonly string[], scope: Scope): readonly ColumnUse[] {
  let lookup: Lookup = { kind: "none" };
  for (let s: Scope | undefined = scope; s !== undefined && lookup.kind === "none"; s = s.parent) lookup = lookupIn(s, parts);
  if (lookup.kind !== "found" || lookup.fields.length > 0) return [];
  return [lookup.column, ...(lookup.others ?? [])].flatMap((c) => c.passes ?? []);
}

/**
 * The type of the column `parts` names (undefined when unknown), recording catalog columns it reads;
 * reports a problem at `at` when the name cannot be resolved.
 */
export function resolveColumn(parts: readonly string[], at: Position, scope: Scope, analysis: Analysis, node?: object): string | undefined {
  let lookup: Lookup = { kind: "none" };
  for (let s: Scope | undefined = scope; s !== undefined && lookup.kind === "none"; s = s.parent) lookup = lookupIn(s, parts);
  const written = parts.join(".");
  switch (lookup.kind) {
    case "found":
      analysis.read(lookup.column.base, at);
      for (const other of lookup.others ?? []) analysis.read(other.base, at);
      if (node !== undefined) analysis.columnKeys.set(node, { source: lookup.source, relation: lookup.relation, column: lookup.column.name ?? "", fields: lookup.fields });
      return fieldType(lookup.column, lookup.fields, written, at, analysis);
    case "ambiguous":
      analysis.reportAt(at, messages.ambiguousColumn(parts[0] ?? written, lookup.relations));
      return undefined;
    case "not-in-relation": {
      const names = columnNames([lookup.relation]);
      analysis.reportAt(at, messages.unknownColumn(lookup.name, [lookup.relation], closest(lookup.name, names), ""));
      return undefined;
    }
    case "opaque":
      return undefined;
    case "none":
      reportUnresolved(parts, at, scope, analysis);
      return undefined;
  }
}

function reportUnresolved(parts: readonly string[], at: Position, scope: Scope, analysis: Analysis): void {
  const query = scope.queryScope;
  const relations = query.relations;
  const first = parts[0] ?? "";
  if (parts.length > 1) {
    const aliases: string[] = [];
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
      for (const r of s.relations) if (r.alias !== undefined) aliases.push(r.alias);
    }
    // The first part is a misspelt alias, or a misspelt row column (`devce.os`).
    const rows = relations.flatMap((r) => (r.columns ?? []).flatMap((c) => (c.name !== undefined && rowFields(c.type) ? [c.name] : [])));
    const match = closest(first, [...aliases, ...rows]);
    analysis.reportAt(at, messages.unknownQualifier(first, parts.join("."), relations, match));
    return;
  }
  const hint = query.selectAliases.has(first) ? messages.outputAliasHint(first) : "";
  const candidates = relations.length === 1
    ? columnNames(relations)
    : relations.flatMap((r) => (r.columns ?? []).flatMap((c) => (c.name === undefined || c.hidden ? [] : [uniqueName(c.name, r, relations)])));
  analysis.reportAt(at, messages.unknownColumn(first, relations, closest(first, candidates), hint));
}

/** `click_id` when only one relation has it, else `c.click_id`. */
function uniqueName(name: string, relation: ScopeRelation, relations: readonly ScopeRelation[]): string {
  const owners = relations.filter((r) => columnOf(r, name) !== undefined).length;
  return owners > 1 && relation.alias !== undefined ? `${relation.alias}.${name}` : name;
}

/** Follows `device.os`-style field access through row types. */
function fieldType(column: ScopeColumn, fields: readonly string[], written: string, at: Position, analysis: Analysis): string | undefined {
  let type = column.type;
  let path = column.name ?? "";
  for (const field of fields) {
    if (type === undefined) return undefined;
    const known = rowFields(type);
    if (known === undefined) {
      analysis.reportAt(at, messages.notARow(written, path, type));
      return undefined;
    }
    const match = known.find((f) => f.name === field);
    if (match === undefined) {
      const names = known.flatMap((f) => (f.name === undefined ? [] : [f.name]));
      analysis.reportAt(at, messages.unknownField(path, field, names, closest(field, names)));
      return undefined;
    }
    type = match.type;
    path = `${path}.${field}`;
  }
  return type;
}
