import type { Catalog } from "@baikal/sql/types";
import { analyzeSql } from "../caching/cached-analysis.ts";
import { quoteName } from "@baikal/sql/names";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { TableDeclaration } from "../declarations/table.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";
import { grantMessages as m } from "./grant-messages.ts";

/** Every column of a table as Lake Formation sees it: data columns, then partition keys. */
export function tableColumns(table: TableDeclaration): string[] {
  return [...table.columns.map((c) => c.name), ...(table.partitionKeys ?? []).map((k) => k.name)];
}

/** The value of a tag key on a column: its own, else the table's (Lake Formation's inheritance). */
export function columnTag(table: TableDeclaration, column: string, key: string): string | undefined {
  return table.columns.find((c) => c.name === column)?.tags?.[key] ?? table.tags?.[key];
}

/** Problems of one tag assignment (`{ key: value }`) against the organisation's vocabulary. */
export function checkTagAssignment(
  org: OrganisationDeclaration,
  domain: Domain,
  tags: Readonly<Record<string, string>> | undefined,
  path: readonly (string | number)[],
): Problem[] {
  const vocabulary = org.governance?.tags ?? {};
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(tags ?? {})) {
    const at = (message: string): Problem => ({ source: domain.sourceFile, path: [...path, key], message });
    if (key === DEFAULTS.domainTagKey) problems.push(at(m.domainTag(key, domain.name)));
    else if (!(key in vocabulary)) problems.push(at(m.unknownTagKey(key, Object.keys(vocabulary))));
    else if (!vocabulary[key]!.includes(value)) problems.push(at(m.unknownTagValue(value, key, vocabulary[key]!)));
  }
  return problems;
}

/** An unclosed quote or an unbalanced parenthesis, said plainly (the grammar's own recovery message is cryptic). */
export function balanceProblem(expression: string): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (const char of expression) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return 'a ")" closes nothing';
  }
  if (quote) return `a ${quote} is never closed`;
  return depth > 0 ? `${depth} "(" ${depth === 1 ? "is" : "are"} never closed` : undefined;
}

/** Wraps a row filter as a query, so the Trino grammar and the catalog check its syntax and its column names. */
function checkExpression(catalog: Catalog, database: string, table: string, expression: string): string | undefined {
  const unbalanced = balanceProblem(expression);
  if (unbalanced) return `syntax error: ${unbalanced}`;
  const analysis = analyzeSql(`SELECT 1 AS x FROM ${quoteName(database, table)} WHERE ${expression}`, { defaultDatabase: database, catalog });
  return analysis.problems[0]?.message;
}

/** Tags of every table and column, and every row filter: known keys and values, known columns, valid syntax. */
export function checkTables(org: OrganisationDeclaration, domains: readonly Domain[], catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  for (const domain of domains) {
    (domain.tables ?? []).forEach((table, t) => {
      const at = (path: readonly (string | number)[], message: string): Problem => ({ source: domain.sourceFile, path: ["tables", t, ...path], message });
      problems.push(...checkTagAssignment(org, domain, table.tags, ["tables", t, "tags"]));
      table.columns.forEach((c, i) => problems.push(...checkTagAssignment(org, domain, c.tags, ["tables", t, "columns", i, "tags"])));
      const relation = `${domain.name}.${table.name}`;
      const columns = tableColumns(table);
      const names = new Map<string, number>();
      (table.rowFilters ?? []).forEach((filter, f) => {
        const seen = names.get(filter.name);
        if (seen !== undefined) problems.push(at(["rowFilters", f, "name"], m.duplicateRowFilter(filter.name, seen)));
        else names.set(filter.name, f);
        for (const field of ["columns", "excludeColumns"] as const) {
          (filter[field] ?? []).forEach((column, i) => {
            if (!columns.includes(column)) problems.push(at(["rowFilters", f, field, i], m.unknownColumn(column, relation, columns)));
          });
        }
        if (filter.columns && filter.excludeColumns) problems.push(at(["rowFilters", f, "excludeColumns"], "give columns or excludeColumns, not both"));
        const problem = checkExpression(catalog, domain.name, table.name, filter.expression);
        if (problem) problems.push(at(["rowFilters", f, "expression"], m.rowFilterExpression(filter.name, relation, problem)));
      });
    });
  }
  return problems;
}

/** The organisation's governance settings against its own principals registry. */
export function checkOrganisationGovernance(org: OrganisationDeclaration, source: string): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(org.principals ?? {});
  (org.governance?.pii?.principals ?? []).forEach((name, i) => {
    if (!known.includes(name)) problems.push({ source, path: ["governance", "pii", "principals", i], message: m.unknownRegistryPrincipal(name, known) });
  });
  const piiTag = org.governance?.pii?.tag ?? DEFAULTS.piiTag;
  const tags = org.governance?.tags;
  if (tags && org.governance?.pii && !(tags[piiTag.key] ?? []).includes(piiTag.value)) {
    problems.push({
      source,
      path: ["governance", "pii"],
      message: `personal data is marked ${piiTag.key}=${piiTag.value}, which governance.tags does not declare; add the value to "${piiTag.key}" or set governance.pii.tag`,
    });
  }
  return problems;
}
