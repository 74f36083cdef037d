import { DEFAULTS } from "../declarations/defaults.ts";
import type { DomainDeclaration } from "../declarations/domain.ts";
import { tableColumns } from "./check-tables.ts";
import { matchingColumns } from "./grant-intents.ts";
import type { AccessEntry, CellsFilter, LfPermission } from "./grant-model.ts";

/**
 * Who can read what, computed from the very permissions the stacks synthesize: one row per principal and
 * table or view, with the columns and the row filter. Database DESCRIBE and resource links grant no data and
 * are left out; a tag grant becomes a row per table it matches.
 */
export function accessEntries(
  /** Every domain, and the platform's cost report when its readers have grants. */
  project: { readonly domains: readonly DomainDeclaration[] },
  env: string,
  permissions: readonly LfPermission[],
  filters: readonly CellsFilter[],
): AccessEntry[] {
  const entries: AccessEntry[] = [];
  const domainOf = (name: string) => project.domains.find((d) => d.name === name);
  for (const p of permissions) {
    const r = p.resource;
    if (r.kind === "database") continue;
    const base = {
      environment: env,
      principal: p.principal.name,
      principalArn: p.principal.principal,
      crossAccount: p.principal.crossAccount,
      stack: p.stack,
      address: `aws_lakeformation_permissions.${p.id}`,
    };
    const domain = domainOf(r.database);
    if (r.kind === "tags") {
      const through = `tags ${r.expression.filter((c) => c.key !== DEFAULTS.domainTagKey).map((c) => `${c.key}=${c.values.join(",")}`).join(" ") || "(all)"}`;
      for (const table of domain?.tables ?? []) {
        const columns = matchingColumns(table, r.expression, r.database);
        if (columns.length > 0) entries.push({ ...base, resource: `${r.database}.${table.name}`, kind: "table", columns, through });
      }
      continue;
    }
    const table = domain?.tables?.find((t) => t.name === r.table);
    const view = domain?.views?.find((v) => v.name === r.table);
    const all = table ? tableColumns(table) : (view?.columns.map((c) => c.name) ?? []);
    const resource = `${r.database}.${r.table}`;
    const kind = table ? "table" : "view";
    // A view grant's base columns say which view they come from ("view news.daily_article_kpis").
    const through = (direct: string) => [...(p.direct === false ? [] : [direct]), ...(p.via ?? [])].join(", ");
    if (r.kind === "table") entries.push({ ...base, resource, kind, columns: all, through: through(kind) });
    else if (r.kind === "columns") entries.push({ ...base, resource, kind, columns: all.filter((c) => r.columns.includes(c)), through: through("columns") });
    else if (r.kind === "excluded-columns") entries.push({ ...base, resource, kind, columns: all.filter((c) => !r.excluded.includes(c)), through: through("excluded-columns") });
    else {
      const filter = filters.find((f) => f.database === r.database && f.table === r.table && f.name === r.filter)!;
      const columns = filter.columns ? all.filter((c) => filter.columns!.includes(c)) : all.filter((c) => !filter.excluded.includes(c));
      entries.push({ ...base, resource, kind, columns, rowFilter: { name: filter.name, expression: filter.expression }, through: "row-filter" });
    }
  }
  return entries.sort((a, b) => a.principal.localeCompare(b.principal) || a.resource.localeCompare(b.resource) || a.stack.localeCompare(b.stack));
}
