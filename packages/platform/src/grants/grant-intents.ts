import type { GrantDeclaration } from "../declarations/grant.ts";
import type { TableDeclaration } from "../declarations/table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { checkTagAssignment, columnTag, tableColumns } from "./check-tables.ts";
import { grantMessages as m } from "./grant-messages.ts";
import type { TagCondition } from "./grant-model.ts";
import { isLakeFormationAdmin, resolvePrincipal } from "./principals.ts";
import { checkAcknowledgements } from "./view-widening.ts";

/** What a grant means, before environments: SELECT for a logical principal on some columns of a relation. */
export type Intent =
  | {
      readonly kind: "relation";
      readonly principal: string;
      readonly database: string;
      readonly table: string;
      readonly relation: "table" | "view";
      /** The columns granted; undefined for every column (`excluded` aside). */
      readonly columns?: readonly string[];
      readonly excluded?: readonly string[];
      /** Set when the relation is not what the grant names: "view <database.view>" (its lineage), "dataset <name>". */
      readonly through?: string;
    }
  | { readonly kind: "cells"; readonly principal: string; readonly database: string; readonly table: string; readonly filter: string }
  | { readonly kind: "tags"; readonly principal: string; readonly database: string; readonly expression: readonly TagCondition[] };

interface Context {
  readonly org: OrganisationDeclaration;
  readonly domains: readonly Domain[];
  readonly views: readonly ResolvedView[];
}

const sorted = (items: readonly string[] | undefined) => (items ? [...items].sort() : undefined);

/** Two grants are the same when they give the same principal the same thing, whatever the order of lists. */
function grantKey(g: GrantDeclaration): string {
  const tags = g.tags && Object.fromEntries(Object.keys(g.tags).sort().map((k) => [k, sorted(g.tags![k])]));
  return JSON.stringify([g.to, g.table, g.view, tags, sorted(g.columns), sorted(g.excludeColumns), g.rowFilter]);
}

/** `name` or `database.name`: the database part, when given, for the other-domain message. */
function split(name: string, own: string): [string, string] {
  const dot = name.indexOf(".");
  return dot < 0 ? [own, name] : [name.slice(0, dot), name.slice(dot + 1)];
}

/** Checks one domain's grants against the project and turns them into intents; problems are placed at each grant. */
export function grantIntents(context: Context, domain: Domain): { intents: Intent[]; problems: Problem[] } {
  const { org, domains, views } = context;
  const intents: Intent[] = [];
  const problems: Problem[] = [];
  const principals = Object.keys(org.principals ?? {});
  const piiAllowed = org.governance?.pii?.principals ?? [];
  const pii = org.governance?.pii?.tag ?? DEFAULTS.piiTag;
  const piiLabel = `${pii.key}=${pii.value}`;
  const isPii = (database: string, table: string, column: string) => {
    const declaration = domains.find((d) => d.name === database)?.tables?.find((t) => t.name === table);
    return declaration !== undefined && columnTag(declaration, column, pii.key) === pii.value;
  };
  const seen = new Map<string, number>();

  (domain.grants ?? []).forEach((g, index) => {
    const at = (field: string | (string | number)[], message: string): Problem => ({
      source: domain.sourceFile,
      path: ["grants", index, ...(Array.isArray(field) ? field : [field])],
      message,
    });
    const before = problems.length;
    const key = grantKey(g);
    if (seen.has(key)) problems.push(at("to", m.duplicate(seen.get(key)!)));
    else seen.set(key, index);

    if (!principals.includes(g.to)) {
      problems.push(at("to", m.unknownPrincipal(g.to, principals)));
    } else {
      for (const env of Object.keys(org.environments)) {
        const resolved = resolvePrincipal(org, g.to, env);
        if (resolved && isLakeFormationAdmin(org, env, resolved.principal)) problems.push(at("to", m.admin(g.to, resolved.principal, env)));
      }
    }
    const mayReadPii = piiAllowed.includes(g.to);
    if (g.acknowledgeBaseColumns !== undefined && g.view === undefined) problems.push(at("acknowledgeBaseColumns", m.notOnView("acknowledgeBaseColumns")));

    if (g.table !== undefined) {
      const [database, name] = split(g.table, domain.name);
      const table = domain.tables?.find((t) => t.name === name);
      if (database !== domain.name || !table) {
        const owner = domains.find((d) => d.name !== domain.name && (database === domain.name || d.name === database) && d.tables?.some((t) => t.name === name));
        problems.push(
          at("table", owner ? m.otherDomain("table", owner.name, name) : m.unknownRelation("table", name, domain.name, (domain.tables ?? []).map((t) => t.name))),
        );
        return;
      }
      const relation = `${domain.name}.${table.name}`;
      const all = tableColumns(table);
      for (const field of ["columns", "excludeColumns"] as const) {
        (g[field] ?? []).forEach((c, i) => {
          if (!all.includes(c)) problems.push(at([field, i], m.unknownColumn(c, relation, all)));
        });
      }
      let granted = g.columns ?? all.filter((c) => !(g.excludeColumns ?? []).includes(c));
      if (g.rowFilter !== undefined) {
        const filter = table.rowFilters?.find((f) => f.name === g.rowFilter);
        if (!filter) {
          problems.push(at("rowFilter", m.unknownRowFilter(g.rowFilter, relation, (table.rowFilters ?? []).map((f) => f.name))));
          return;
        }
        granted = filter.columns ?? all.filter((c) => !(filter.excludeColumns ?? []).includes(c));
      }
      if (!mayReadPii) {
        for (const c of granted.filter((c) => all.includes(c) && isPii(domain.name, table.name, c))) {
          problems.push(at(g.columns ? "columns" : "table", m.piiColumn(c, relation, piiLabel, g.to, piiAllowed)));
        }
      }
      if (problems.length > before) return;
      intents.push(
        g.rowFilter !== undefined
          ? { kind: "cells", principal: g.to, database: domain.name, table: table.name, filter: g.rowFilter }
          : { kind: "relation", principal: g.to, database: domain.name, table: table.name, relation: "table", columns: g.columns, excluded: g.excludeColumns },
      );
      return;
    }

    for (const field of ["columns", "excludeColumns"] as const) {
      if (g[field] !== undefined) problems.push(at(field, g.view !== undefined ? m.viewColumns(`${domain.name}.${g.view}`) : m.notOnTable(field)));
    }
    if (g.rowFilter !== undefined) problems.push(at("rowFilter", m.notOnTable("rowFilter")));

    if (g.view !== undefined) {
      const [database, name] = split(g.view, domain.name);
      const view = views.find((v) => v.domain === domain.name && v.name === name);
      if (database !== domain.name || !view) {
        const owner = domains.find((d) => d.name !== domain.name && (database === domain.name || d.name === database) && d.views?.some((v) => v.name === name));
        problems.push(
          at("view", owner ? m.otherDomain("view", owner.name, name) : m.unknownRelation("view", name, domain.name, (domain.views ?? []).map((v) => v.name))),
        );
        return;
      }
      if (!mayReadPii) {
        for (const read of view.lineage.filter((c) => isPii(c.database, c.table, c.column))) {
          problems.push(at("view", m.piiThroughView(view.id, read.column, `${read.database}.${read.table}`, piiLabel, g.to, piiAllowed)));
        }
      }
      const external = org.principals?.[g.to]?.kind === "external-account";
      problems.push(
        ...checkAcknowledgements({ view, acknowledged: g.acknowledgeBaseColumns, who: external ? `account "${g.to}"` : `"${g.to}"`, grantOption: external, what: "grant", at: (path, message) => at([...path], message) }),
      );
      if (problems.length > before) return;
      intents.push(...viewIntents(g.to, view, views));
      return;
    }

    const tags = g.tags ?? {};
    const tagProblems = checkTagAssignment(org, domain, Object.fromEntries(Object.entries(tags).flatMap(([k, vs]) => vs.map((v) => [k, v]))), []);
    problems.push(...tagProblems.map((p) => at(["tags", ...(p.path ?? [])], p.message)));
    if (problems.length > before) return;
    const expression: TagCondition[] = [
      { key: DEFAULTS.domainTagKey, values: [domain.name] },
      ...Object.keys(tags).sort().map((k) => ({ key: k, values: [...tags[k]!].sort() })),
    ];
    if (!mayReadPii) {
      for (const table of domain.tables ?? []) {
        for (const c of matchingColumns(table, expression, domain.name).filter((c) => isPii(domain.name, table.name, c))) {
          problems.push(at("tags", m.piiThroughTags(c, `${domain.name}.${table.name}`, piiLabel, g.to, piiAllowed, pii.key)));
        }
      }
    }
    if (problems.length === before) intents.push({ kind: "tags", principal: g.to, database: domain.name, expression });
  });
  // A dataset's readers need what a grant of its view gives; bi/check-datasets.ts reports bad views and readers.
  (domain.datasets ?? []).forEach((d, index) => {
    const view = views.find((v) => v.domain === domain.name && v.name === d.view);
    const readers = d.readers.filter((r) => org.principals?.[r]?.kind === "quicksight-group");
    if (view && readers.length > 0) {
      const who = readers.length === 1 ? `the reader "${readers[0]}"` : `the readers ${readers.map((r) => `"${r}"`).join(", ")}`;
      const at = (path: readonly (string | number)[], message: string): Problem => ({ source: domain.sourceFile, path: ["datasets", index, ...path], message });
      problems.push(...checkAcknowledgements({ view, acknowledged: d.acknowledgeBaseColumns, who, grantOption: false, what: "dataset", at }));
    }
    d.readers.forEach((reader, r) => {
      if (!view || org.principals?.[reader]?.kind !== "quicksight-group") return;
      const found = piiAllowed.includes(reader) ? [] : view.lineage.filter((c) => isPii(c.database, c.table, c.column));
      for (const read of found) {
        problems.push({
          source: domain.sourceFile,
          path: ["datasets", index, "readers", r],
          message: m.piiThroughView(view.id, read.column, `${read.database}.${read.table}`, piiLabel, reader, piiAllowed),
        });
      }
      if (found.length === 0) intents.push(...viewIntents(reader, view, views, d.name));
    });
  });
  return { intents, problems };
}

/**
 * A view grant: SELECT on the view, on the views it reads (Athena expands them with the reader's permissions
 * too), and on exactly the base-table columns it reads, transitively (its lineage). Nothing more.
 */
export function viewIntents(principal: string, view: ResolvedView, views: readonly ResolvedView[], dataset?: string): Intent[] {
  // What the grant names is the view; the rest comes through it, which the access report says. A dataset names
  // neither: its readers get the view through the dataset, and the rest through the view.
  const through = dataset === undefined ? `view ${view.id}` : `dataset ${dataset} (view ${view.id})`;
  const own = dataset === undefined ? {} : { through: `dataset ${dataset}` };
  const chain: ResolvedView[] = [];
  const visit = (v: ResolvedView) => {
    if (chain.includes(v)) return;
    chain.push(v);
    for (const id of v.dependsOn) {
      const next = views.find((w) => w.id === id);
      if (next) visit(next);
    }
  };
  visit(view);
  const tables = new Map<string, string[]>();
  for (const read of view.lineage) {
    const id = `${read.database}.${read.table}`;
    tables.set(id, [...(tables.get(id) ?? []), read.column]);
  }
  return [
    ...chain.map((v): Intent => ({ kind: "relation", principal, database: v.domain, table: v.name, relation: "view", ...(v === view ? own : { through }) })),
    ...[...tables].map(([id, columns]): Intent => {
      const [database, table] = id.split(".") as [string, string];
      return { kind: "relation", principal, database, table, relation: "table", columns, through };
    }),
  ];
}

/** The columns of a table an LF-tag expression matches, with tags inherited from the table (and the domain). */
export function matchingColumns(table: TableDeclaration, expression: readonly TagCondition[], domain: string): string[] {
  return tableColumns(table).filter((column) =>
    expression.every(({ key, values }) => values.includes((key === DEFAULTS.domainTagKey ? domain : columnTag(table, column, key)) ?? "")),
  );
}
