import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";

const list = (names: readonly string[]) => (names.length === 0 ? "none" : names.map((n) => `"${n}"`).join(", "));

/** The messages of dataset problems, kept together so tests and docs quote the same text. */
export const datasetMessages = {
  table: (name: string, domain: string) =>
    `"${name}" is a table of ${domain}, not a view; a dataset reads only declared views, the reviewed, stable interface: declare a view over the table and name it here`,
  unknownView: (name: string, domain: string, views: readonly string[]) => `no view "${name}" in domain ${domain}; its views: ${list(views)}`,
  unknownColumn: (column: string, view: string, columns: readonly string[]) => `view ${view} has no column "${column}"; its columns: ${list(columns)}`,
  unknownReader: (name: string, groups: readonly string[]) => `no principal "${name}" in baikal.config.ts; its quicksight-group principals: ${list(groups)}`,
  notGroup: (name: string, kind: string) =>
    `"${name}" is a principal of kind "${kind}"; dataset readers are QuickSight groups (kind "quicksight-group"), who open the dataset in QuickSight`,
  refreshOnDirectQuery: () =>
    'a refresh schedule applies only to SPICE datasets (a DIRECT_QUERY dataset queries Athena on every visual); remove `refresh` or set mode: "SPICE"',
  ownersNotGroup: (name: string, groups: readonly string[]) =>
    `"${name}" is not a quicksight-group principal; the data source's owners are a QuickSight group (quicksight-group principals: ${list(groups)})`,
  redashRole: () =>
    'the Redash role is created for the principal "redash", so declare it as { kind: "iam-role", name: "<role name>" } in principals',
  duplicate: (other: number) => `dataset declared twice (also datasets[${other}]); rename or remove one`,
};

/** Checks every domain's datasets, the cost report's readers and the BI settings against the views and the principals registry; problems are placed at each field. */
export function checkDatasets(org: OrganisationDeclaration, domains: readonly Domain[]): Problem[] {
  const m = datasetMessages;
  const problems: Problem[] = [];
  const groups = Object.entries(org.principals ?? {}).filter(([, p]) => p.kind === "quicksight-group").map(([n]) => n);
  const owners = org.bi?.quicksight?.owners;
  if (owners !== undefined && !groups.includes(owners)) {
    problems.push({ source: "baikal.config.ts", path: ["bi", "quicksight", "owners"], message: m.ownersNotGroup(owners, groups) });
  }
  // The cost report's datasets (cost-report-datasets.ts) have readers like any dataset's.
  (org.costMonitor?.quicksightReaders ?? []).forEach((reader, i) => {
    const declared = org.principals?.[reader];
    const message = !declared ? m.unknownReader(reader, groups) : declared.kind !== "quicksight-group" ? m.notGroup(reader, declared.kind) : undefined;
    if (message) problems.push({ source: "baikal.config.ts", path: ["costMonitor", "quicksightReaders", i], message });
  });
  const redash = org.principals?.redash;
  if (org.bi?.redash && (redash?.kind !== "iam-role" || redash.name === undefined)) {
    problems.push({ source: "baikal.config.ts", path: ["bi", "redash"], message: m.redashRole() });
  }
  for (const domain of domains) {
    const names = new Map<string, number>();
    (domain.datasets ?? []).forEach((d, index) => {
      const at = (path: (string | number)[], message: string) => problems.push({ source: domain.sourceFile, path: ["datasets", index, ...path], message });
      if (names.has(d.name)) at(["name"], m.duplicate(names.get(d.name)!));
      else names.set(d.name, index);
      const view = domain.views?.find((v) => v.name === d.view);
      if (!view) {
        const isTable = domain.tables?.some((t) => t.name === d.view);
        at(["view"], isTable ? m.table(d.view, domain.name) : m.unknownView(d.view, domain.name, (domain.views ?? []).map((v) => v.name)));
      } else {
        const columns = view.columns.map((c) => c.name);
        (d.columns ?? []).forEach((c, i) => {
          if (!columns.includes(c)) at(["columns", i], m.unknownColumn(c, `${domain.name}.${view.name}`, columns));
        });
      }
      d.readers.forEach((reader, i) => {
        const declared = org.principals?.[reader];
        if (!declared) at(["readers", i], m.unknownReader(reader, groups));
        else if (declared.kind !== "quicksight-group") at(["readers", i], m.notGroup(reader, declared.kind));
      });
      if (d.refresh && d.mode !== "SPICE") at(["refresh"], m.refreshOnDirectQuery());
    });
  }
  return problems;
}
