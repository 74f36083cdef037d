import type { Project } from "@baikal/platform/project";
import type { AccessReport } from "../commands/access.ts";
import { type LineageGraph, lineageGraph } from "../lineage/lineage-graph.ts";
import { describeDataTest, describeSchedule } from "./plain-words.ts";
import { type QueryHints, queryHints } from "./query-hints.ts";

/** A column as the site shows it; partition keys are columns too, flagged, since readers query them alike. */
export interface DocsColumn {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly partitionKey: boolean;
  readonly required: boolean;
}

/** One reader of a table or view in one environment, from the access report. */
export interface DocsReader {
  readonly environment: string;
  readonly principal: string;
  /** Undefined when the reader sees every column. */
  readonly columns?: readonly string[];
  readonly rowFilter?: { readonly name: string; readonly expression: string };
  readonly through: string;
}

export interface DocsDataset {
  /** `domain.name`, as SQL and the lineage graph name it. */
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  readonly kind: "table" | "view";
  readonly description: string;
  readonly published: boolean;
  /** Tables only: where the data is and how it is stored. */
  readonly storage?: { readonly zone: string; readonly format: string };
  /** Tables only: how to filter on the partition keys, and an example query. */
  readonly query?: QueryHints;
  readonly tags: Readonly<Record<string, string>>;
  readonly columns: readonly DocsColumn[];
  /** Views only: the SELECT as Athena stores it, and the file it comes from. */
  readonly sql?: { readonly text: string; readonly file: string };
  /** The transform that fills this table (`domain.transform`). */
  readonly builtBy?: string;
  readonly readsFrom: readonly string[];
  readonly readBy: readonly string[];
  readonly readers: readonly DocsReader[];
}

export interface DocsTransform {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  readonly description: string;
  /** `domain.table` it fills. */
  readonly target: string;
  readonly mode: string;
  /** In plain words, e.g. "every day at 04:30 (Asia/Tokyo), for the day before". */
  readonly schedule: string;
  readonly reads: readonly string[];
  readonly tests: readonly string[];
  readonly sql: { readonly text: string; readonly file: string };
}

export interface DocsDomain {
  readonly name: string;
  readonly description: string;
  readonly owners: readonly string[];
  readonly datasets: readonly DocsDataset[];
  readonly transforms: readonly DocsTransform[];
}

export interface DocsCatalog {
  readonly organisation: string;
  readonly environments: readonly string[];
  readonly domains: readonly DocsDomain[];
  readonly lineage: LineageGraph;
}

const byName = <T extends { readonly name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** Everything the site shows, from the loaded project and the access report, in one plain structure. */
export function docsCatalog(project: Project, access: AccessReport): DocsCatalog {
  const lineage = lineageGraph(project);
  const upstream = (id: string) => lineage.edges.filter((e) => e.to === id).map((e) => e.from);
  const downstream = (id: string) => lineage.edges.filter((e) => e.from === id).map((e) => e.to);
  const readersOf = (id: string, allColumns: readonly string[]): DocsReader[] =>
    access.environments.flatMap(({ environment, access: entries }) =>
      entries
        .filter((a) => a.resource === id)
        .map((a) => ({
          environment,
          principal: a.principal,
          ...(a.columns.length === allColumns.length && allColumns.every((c) => a.columns.includes(c)) ? {} : { columns: a.columns }),
          ...(a.rowFilter ? { rowFilter: a.rowFilter } : {}),
          through: a.through,
        })),
    );
  const transforms = project.transforms ?? [];

  // Views of a database no domain declares are the platform's own (the cost report): shown as one more domain.
  const declared = new Set(project.domains.map((d) => d.name));
  const extra = [...new Set(project.views.map((v) => v.domain).filter((d) => !declared.has(d)))].map((name) => ({
    name,
    description: "Views the data platform provides to everyone, such as what Athena queries cost. Owned by the platform team.",
    owners: project.organisation.platformOwners ?? [],
    tables: [],
  }));
  const domains = [...project.domains, ...extra].sort(byName).map((domain): DocsDomain => {
    const tables = (domain.tables ?? []).map((t): DocsDataset => {
      const id = `${domain.name}.${t.name}`;
      const tableTags = t.tags ?? {};
      const columns: DocsColumn[] = [
        ...t.columns.map((c) => ({
          name: c.name,
          type: c.type,
          description: c.description,
          tags: { ...tableTags, ...(c.tags ?? {}) },
          partitionKey: false,
          required: c.required ?? false,
        })),
        ...(t.partitionKeys ?? []).map((k) => ({
          name: k.name,
          type: k.type ?? "string",
          description: k.description,
          tags: tableTags,
          partitionKey: true,
          required: true,
        })),
      ];
      const builtBy = transforms.find((x) => x.domain === domain.name && x.target.name === t.name)?.id;
      return {
        id,
        domain: domain.name,
        name: t.name,
        kind: "table",
        description: t.description,
        published: t.published ?? false,
        storage: { zone: t.zone, format: t.format },
        query: queryHints(id, t.partitionKeys ?? []),
        tags: tableTags,
        columns,
        ...(builtBy ? { builtBy } : {}),
        readsFrom: [],
        readBy: downstream(id),
        readers: readersOf(id, columns.map((c) => c.name)),
      };
    });
    const views = project.views
      .filter((v) => v.domain === domain.name)
      .map((v): DocsDataset => {
        const columns = v.declaration.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, tags: {}, partitionKey: false, required: false }));
        return {
          id: v.id,
          domain: v.domain,
          name: v.name,
          kind: "view",
          description: v.declaration.description,
          published: v.declaration.published ?? false,
          tags: {},
          columns,
          sql: { text: v.sql, file: v.sqlFile },
          readsFrom: upstream(v.id),
          readBy: downstream(v.id),
          readers: readersOf(v.id, columns.map((c) => c.name)),
        };
      });
    const domainTransforms = transforms
      .filter((x) => x.domain === domain.name)
      .map(
        (x): DocsTransform => ({
          id: x.id,
          domain: x.domain,
          name: x.name,
          description: x.declaration.description,
          target: `${x.domain}.${x.target.name}`,
          mode: x.declaration.mode === "incremental" ? "replaces the run date's partition on each run" : "rebuilds the whole table on each run",
          schedule: describeSchedule(x.declaration.schedule, x.dependsOn),
          reads: x.readsTables,
          tests: (x.declaration.tests ?? []).map(describeDataTest),
          sql: { text: x.select.map((p) => ("text" in p ? p.text : `{{ ${p.param} }}`)).join(""), file: x.sqlFile },
        }),
      );
    return {
      name: domain.name,
      description: domain.description,
      owners: domain.owners,
      datasets: [...tables, ...views].sort(byName),
      transforms: domainTransforms.sort(byName),
    };
  });
  return {
    organisation: project.organisation.name,
    environments: access.environments.map((e) => e.environment),
    domains,
    lineage,
  };
}
