import { costReportDeclaration } from "../cost-monitor/cost-report.ts";
import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { DomainDeclaration } from "../declarations/domain.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Project } from "../loading/project.ts";
import { consumerStackName, domainStackName, environment, platformStackName } from "../naming/names.ts";
import type { Problem } from "../problems/problem.ts";
import { buildViewCatalog } from "../views/view-catalog.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { accessEntries } from "./access-entries.ts";
import { checkOrganisationGovernance, checkTables } from "./check-tables.ts";
import { costReportIntents } from "./cost-report-intents.ts";
import { exportIntents } from "./export-intents.ts";
import { resolveExportPrincipal } from "../exports/export-principal.ts";
import { grantMessages as m } from "./grant-messages.ts";
import { grantIntents, type Intent } from "./grant-intents.ts";
import type { CellsFilter, CompiledGrants, ConsumerAccount, EnvironmentGovernance, LfPermission, LfResource, ResourceLink, ResourceTag } from "./grant-model.ts";
import { mergeRelations } from "./merge-intents.ts";
import { resolvePrincipal, type ResolvedPrincipal } from "./principals.ts";

export type GrantsProject = Pick<Project, "organisation" | "domains" | "views">;

const CONFIG_FILE = "baikal.config.ts";

/**
 * Checks every governance declaration against the whole project (principals, tables, views, columns, tags,
 * row filters, personal data, admins, duplicates) and compiles the grants of every environment: Lake Formation
 * permissions merged to one per principal and resource, LF-tag assignments, data cells filters and, for
 * principals in other accounts, the consumer accounts' resource links and grants. Either grants or problems.
 */
export function compileGrants(project: GrantsProject): { grants?: CompiledGrants; problems: Problem[] } {
  const { organisation: org, domains, views } = project;
  const problems: Problem[] = [...checkOrganisationGovernance(org, CONFIG_FILE), ...checkGrantees(org), ...checkTables(org, domains, buildViewCatalog(domains))];
  const intents: Intent[] = [];
  for (const domain of domains) {
    const result = grantIntents({ org, domains, views }, domain);
    problems.push(...result.problems);
    intents.push(...result.intents);
  }
  // Each export's role reads its view like a dataset's readers do (exports/check-exports.ts reports bad exports).
  intents.push(...exportIntents(org, domains, views));
  if (problems.length > 0) return { problems };
  const tagKeys: Record<string, readonly string[]> = {
    ...(org.governance?.tags ?? {}),
    [DEFAULTS.domainTagKey]: domains.map((d) => d.name),
  };
  const environments = Object.keys(org.environments).map((env) => compileEnvironment(project, intents, env));
  return { grants: { tagKeys, environments }, problems: [] };
}

/** Grantees of an external account are IAM roles or users of that account, in every environment. */
function checkGrantees(org: OrganisationDeclaration): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(org.principals ?? {});
  for (const [name, p] of Object.entries(org.principals ?? {})) {
    if (p.kind !== "external-account") continue;
    (p.grantees ?? []).forEach((grantee, i) => {
      const at = (message: string): Problem => ({ source: CONFIG_FILE, path: ["principals", name, "grantees", i], message });
      const declared = org.principals?.[grantee];
      if (!declared) return problems.push(at(m.unknownRegistryPrincipal(grantee, known)));
      if (declared.kind !== "iam-role" && declared.kind !== "iam-user") return problems.push(at(m.granteeKind(grantee, declared.kind)));
      for (const env of Object.keys(org.environments)) {
        const resolved = resolvePrincipal(org, grantee, env);
        const expected = p.accountIds[env];
        if (resolved && expected && resolved.accountId !== expected) {
          problems.push(at(m.granteeNotInAccount(grantee, env, resolved.accountId, expected)));
          break;
        }
      }
      return undefined;
    });
  }
  return problems;
}

/** The part of a construct id that names a resource, unique within a database. */
function resourceIdPart(resource: LfResource): string {
  switch (resource.kind) {
    case "database":
      return "database";
    case "table":
    case "columns":
    case "excluded-columns":
      return resource.table;
    case "cells":
      return `${resource.table}_filter_${resource.filter}`;
    case "tags": {
      const own = resource.expression.filter((c) => c.key !== DEFAULTS.domainTagKey);
      return own.length === 0 ? "tags_all" : `tags_${own.map((c) => `${c.key}_${c.values.join("_")}`).join("_")}`;
    }
  }
}

/** Sorted as Terraform plans the set, so cdk.tf.json reads like the plan. */
function permissionsFor(resource: LfResource): string[] {
  if (resource.kind === "database") return ["DESCRIBE"];
  return resource.kind === "table" || resource.kind === "tags" ? ["DESCRIBE", "SELECT"] : ["SELECT"];
}

function compileEnvironment(project: GrantsProject, intents: readonly Intent[], env: string): EnvironmentGovernance {
  const { organisation: org } = project;
  const catalogId = environment(org, env).accountId;
  const producer = [...relationPermissions(org, project.domains, intents, env), ...platformPermissions(org, project.views, env)];
  const { permissions: consumerPermissions, links, consumers } = consumerSide(org, env, producer);
  const permissions = [...producer, ...consumerPermissions].sort((a, b) => a.stack.localeCompare(b.stack) || a.id.localeCompare(b.id));
  const tags = resourceTags(project, env, catalogId);
  const filters = cellsFilters(project, env, catalogId);
  const catalog = org.costMonitor ? [...project.domains, costReportDeclaration()] : project.domains;
  return { environment: env, permissions, tags, filters, links, consumers, access: accessEntries({ domains: catalog }, env, permissions, filters) };
}

/**
 * The platform stack's grants: what the cost report's QuickSight readers (`costMonitor.quicksightReaders`) need on
 * the `platform` database, compiled exactly like a domain's dataset grants.
 */
export function platformPermissions(org: OrganisationDeclaration, views: readonly ResolvedView[], env: string): LfPermission[] {
  const intents = costReportIntents(org, views);
  return intents.length === 0 ? [] : relationPermissions(org, [costReportDeclaration()], intents, env);
}

/**
 * One permission per principal and resource for some intents on the tables and views of `catalog`: merged
 * relations, row filters, tag expressions and DESCRIBE on each database read, each in the stack of its database.
 */
function relationPermissions(org: OrganisationDeclaration, catalog: readonly DomainDeclaration[], intents: readonly Intent[], env: string): LfPermission[] {
  const catalogId = environment(org, env).accountId;
  const producer: LfPermission[] = [];
  const add = (principal: ResolvedPrincipal, database: string, resource: LfResource, via?: { direct: boolean; via: readonly string[] }) => {
    producer.push({
      ...(via && via.via.length > 0 ? { via: via.via, direct: via.direct } : {}),
      // The platform's own database (the cost report) lives in the platform stack.
      stack: database === PLATFORM_DATABASE ? platformStackName(env) : domainStackName(database, env),
      id: `grant_${principal.name}_${resourceIdPart(resource)}`,
      principal,
      permissions: permissionsFor(resource),
      withGrantOption: principal.kind === "external-account",
      resource,
    });
  };
  const resolve = (name: string) => (resolvePrincipal(org, name, env) ?? resolveExportPrincipal(org, name, env))!;

  for (const r of mergeRelations(intents)) {
    const base = { catalogId, database: r.database, table: r.table };
    const resource: LfResource =
      r.access.mode === "all"
        ? { kind: "table", ...base }
        : r.access.mode === "columns"
          ? { kind: "columns", ...base, columns: inTableOrder(catalog, r.database, r.table, r.access.columns) }
          : { kind: "excluded-columns", ...base, excluded: inTableOrder(catalog, r.database, r.table, r.access.excluded) };
    add(resolve(r.principal), r.database, resource, r);
  }
  const once = new Set<string>();
  for (const intent of intents) {
    if (intent.kind === "relation") continue;
    const resource: LfResource =
      intent.kind === "cells"
        ? { kind: "cells", catalogId, database: intent.database, table: intent.table, filter: intent.filter }
        : { kind: "tags", catalogId, database: intent.database, expression: intent.expression };
    const key = `${intent.principal}/${intent.database}/${resourceIdPart(resource)}`;
    if (once.has(key)) continue;
    once.add(key);
    add(resolve(intent.principal), intent.database, resource);
  }
  const databases = new Set(intents.map((i) => `${i.principal}/${i.database}`));
  for (const key of databases) {
    const [principal, database] = key.split("/") as [string, string];
    add(resolve(principal), database, { kind: "database", catalogId, database });
  }
  return producer;
}

function inTableOrder(catalog: readonly DomainDeclaration[], database: string, table: string, columns: readonly string[]): string[] {
  const declared = catalog.find((d) => d.name === database)?.tables?.find((t) => t.name === table);
  const order = [...(declared?.columns.map((c) => c.name) ?? []), ...(declared?.partitionKeys ?? []).map((k) => k.name)];
  return [...columns].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * What a grant to another account needs on the consumer's side: a resource link to each shared database, DESCRIBE
 * on it, and, for a whole account, the same SELECT passed on to its grantees with the producer's catalog id.
 */
function consumerSide(org: OrganisationDeclaration, env: string, producer: readonly LfPermission[]) {
  const permissions: LfPermission[] = [];
  const links = new Map<string, ResourceLink>();
  const consumers = new Map<string, ConsumerAccount>();
  for (const grant of producer.filter((p) => p.principal.crossAccount)) {
    const account = grant.principal.accountId;
    const stack = consumerStackName(account, env);
    consumers.set(stack, { stack, accountId: account, environment: env });
    const database = grant.resource.database;
    const link: ResourceLink = { stack, id: `link_${database}`, catalogId: account, name: database, targetCatalogId: grant.resource.catalogId, targetDatabase: database };
    links.set(`${stack}/${database}`, link);
    const declared = org.principals?.[grant.principal.name];
    const grantees =
      declared?.kind === "external-account"
        ? (declared.grantees ?? []).map((g) => resolvePrincipal(org, g, env)).filter((g): g is ResolvedPrincipal => g !== undefined)
        : [grant.principal];
    for (const grantee of grantees) {
      const describe: LfResource = { kind: "database", catalogId: account, database: link.name };
      const id = `grant_${grantee.name}_${database}_link`;
      if (!permissions.some((p) => p.stack === stack && p.id === id)) {
        permissions.push({ stack, id, principal: grantee, permissions: ["DESCRIBE"], withGrantOption: false, resource: describe });
      }
      if (declared?.kind === "external-account" && grant.resource.kind !== "database") {
        permissions.push({
          stack,
          id: `grant_${grantee.name}_${database}_${resourceIdPart(grant.resource)}`,
          principal: grantee,
          permissions: grant.permissions,
          withGrantOption: false,
          resource: grant.resource,
          ...(grant.via ? { via: grant.via, direct: grant.direct } : {}),
        });
      }
    }
  }
  return { permissions, links: [...links.values()], consumers: [...consumers.values()] };
}

/** `domain = <name>` on every domain database, and the tables' and columns' declared tags. */
function resourceTags(project: GrantsProject, env: string, catalogId: string): ResourceTag[] {
  const tags: ResourceTag[] = [];
  for (const domain of project.domains) {
    const stack = domainStackName(domain.name, env);
    const base = { stack, catalogId, database: domain.name };
    tags.push({ ...base, id: `lf_tag_database_${DEFAULTS.domainTagKey}`, key: DEFAULTS.domainTagKey, value: domain.name });
    for (const table of domain.tables ?? []) {
      for (const [key, value] of Object.entries(table.tags ?? {})) tags.push({ ...base, id: `lf_tag_${table.name}_${key}`, table: table.name, key, value });
      for (const column of table.columns) {
        for (const [key, value] of Object.entries(column.tags ?? {})) {
          tags.push({ ...base, id: `lf_tag_${table.name}_column_${column.name}_${key}`, table: table.name, column: column.name, key, value });
        }
      }
    }
  }
  return tags;
}

function cellsFilters(project: GrantsProject, env: string, catalogId: string): CellsFilter[] {
  return project.domains.flatMap((domain) =>
    (domain.tables ?? []).flatMap((table) =>
      (table.rowFilters ?? []).map(
        (f): CellsFilter => ({
          stack: domainStackName(domain.name, env),
          id: `row_filter_${table.name}_${f.name}`,
          catalogId,
          database: domain.name,
          table: table.name,
          name: f.name,
          expression: f.expression,
          ...(f.columns ? { columns: f.columns } : {}),
          excluded: f.excludeColumns ?? [],
        }),
      ),
    ),
  );
}
