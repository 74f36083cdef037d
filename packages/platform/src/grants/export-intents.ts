import { piiTag } from "../declarations/governance.ts";
import type { ExportDeclaration } from "../declarations/export.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { exportMessages } from "../exports/export-messages.ts";
import { exportPrincipalName } from "../exports/export-names.ts";
import type { Domain } from "../loading/project.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { columnTag } from "./check-tables.ts";
import { type Intent, viewIntents } from "./grant-intents.ts";

/** How the access report names what an export does with the view: `exported to Google Sheets Pipeline`. */
export function exportThrough(e: ExportDeclaration): string {
  const d = e.destination;
  return exportMessages.through(d.kind, d.kind === "google-sheets" ? d.sheet : d.object);
}

/**
 * What each export's role needs, exactly what a grant of its view gives (the view, the views it reads, the
 * base-table columns it reads), so the export reads through Lake Formation like any other reader. Exports whose view
 * is unknown or reads personal data its destination may not receive get nothing; exports/check-exports.ts reports
 * them.
 */
export function exportIntents(org: OrganisationDeclaration, domains: readonly Domain[], views: readonly ResolvedView[]): Intent[] {
  const tag = piiTag(org.governance);
  const allowed = org.exports?.piiDestinations ?? [];
  const isPii = (database: string, table: string, column: string) => {
    const declaration = domains.find((d) => d.name === database)?.tables?.find((t) => t.name === table);
    return declaration !== undefined && columnTag(declaration, column, tag.key) === tag.value;
  };
  return domains.flatMap((domain) =>
    (domain.exports ?? []).flatMap((e) => {
      const view = views.find((v) => v.domain === domain.name && v.name === e.view);
      if (!view) return [];
      if (!allowed.includes(e.destination.kind) && view.lineage.some((c) => isPii(c.database, c.table, c.column))) return [];
      const through = exportThrough(e);
      return viewIntents(exportPrincipalName(domain.name, e.name), view, views).map((i) => ({ ...i, through }));
    }),
  );
}
