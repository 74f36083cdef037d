import { tableLocation } from "../declarations/table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { piiTag } from "../declarations/governance.ts";
import { columnTag } from "../grants/check-tables.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { exportMessages as m } from "./export-messages.ts";
import { exportErrorLocation, exportPrincipalName } from "./export-names.ts";

/**
 * Checks every domain's exports against its views, the organisation's rules for personal data and its principals:
 * the view is the domain's own (and not a table), a Salesforce mapping names the view's columns and each field once,
 * an upsert has its external id mapped, no two exports share a name. Problems are placed at each field.
 */
export function checkExports(org: OrganisationDeclaration, domains: readonly Domain[], views: readonly ResolvedView[]): Problem[] {
  const problems: Problem[] = [];
  const tag = piiTag(org.governance);
  const allowed = org.exports?.piiDestinations ?? [];
  const isPii = (database: string, table: string, column: string) => {
    const declaration = domains.find((d) => d.name === database)?.tables?.find((t) => t.name === table);
    return declaration !== undefined && columnTag(declaration, column, tag.key) === tag.value;
  };

  for (const domain of domains) {
    const names = new Map<string, number>();
    (domain.exports ?? []).forEach((e, index) => {
      const at = (path: (string | number)[], message: string) => problems.push({ source: domain.sourceFile, path: ["exports", index, ...path], message });
      if (names.has(e.name)) at(["name"], m.duplicate(e.name, names.get(e.name)!));
      else names.set(e.name, index);
      const principal = exportPrincipalName(domain.name, e.name);
      // Reported where the fix is: the registry's principal, which no domain may rename.
      if (org.principals?.[principal]) problems.push({ source: "baikal.config.ts", path: ["principals", principal], message: m.principalTaken(principal, `${domain.name}.${e.name}`) });

      const view = views.find((v) => v.domain === domain.name && v.name === e.view);
      if (!view) {
        const isTable = domain.tables?.some((t) => t.name === e.view);
        at(["view"], isTable ? m.table(e.view, domain.name) : m.unknownView(e.view, domain.name, (domain.views ?? []).map((v) => v.name)));
        return;
      }
      const destination = e.destination;
      if (!allowed.includes(destination.kind)) {
        const read = view.lineage.find((c) => isPii(c.database, c.table, c.column));
        if (read) at(["view"], m.piiDestination(view.id, read.column, `${read.database}.${read.table}`, `${tag.key}=${tag.value}`, destination.kind, allowed));
      }
      if (destination.kind !== "salesforce") return;

      const columns = view.declaration.columns.map((c) => c.name);
      const fields = new Map<string, string>();
      for (const [column, field] of Object.entries(destination.mapping)) {
        if (!columns.includes(column)) at(["destination", "mapping", column], m.unknownColumn(column, view.id, columns));
        const first = fields.get(field);
        if (first !== undefined) at(["destination", "mapping", column], m.fieldTwice(field, first, column));
        else fields.set(field, column);
      }
      if (destination.operation === "upsert") {
        if (destination.externalIdField === undefined) at(["destination", "operation"], m.upsertWithoutExternalId());
        else if (!fields.has(destination.externalIdField)) at(["destination", "externalIdField"], m.externalIdNotMapped(destination.externalIdField, [...fields.keys()]));
      } else if (destination.externalIdField !== undefined) {
        at(["destination", "externalIdField"], m.externalIdOnInsert());
      }
      // AppFlow writes rejected records under the domain's raw prefix; a raw table's files must not share it.
      const prefix = exportErrorLocation(e.name);
      const overlap = (domain.tables ?? []).findIndex((t) => t.zone === "raw" && (tableLocation(t).startsWith(prefix) || prefix.startsWith(tableLocation(t))));
      if (overlap >= 0) at(["name"], m.errorPrefixOverlap(prefix, `tables[${overlap}] ("${domain.tables![overlap]!.name}")`));
    });
  }
  return problems;
}
