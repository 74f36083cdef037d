import { didYouMean } from "../problems/suggest.ts";

const list = (items: readonly string[]) => (items.length === 0 ? "none" : items.join(", "));

/** Every governance message, in one place so tests import them instead of copying text. */
export const grantMessages = {
  unknownPrincipal: (name: string, known: readonly string[]) =>
    `unknown principal "${name}"${didYouMean(name, known)} (principals in baikal.config.ts: ${list(known)}); grant to a logical name the platform team registered, never to an ARN`,

  otherDomain: (kind: "table" | "view", database: string, name: string) =>
    `${database}.${name} is a ${kind} of domain "${database}"; a domain grants only its own tables and views, so ask its owners to add the grant in domains/${database}/domain.ts`,

  unknownRelation: (kind: "table" | "view", name: string, domain: string, known: readonly string[]) =>
    `unknown ${kind} "${name}" in domain "${domain}"${didYouMean(name, known)} (${kind}s: ${list(known)})`,

  unknownColumn: (column: string, relation: string, columns: readonly string[]) =>
    `column "${column}" is not in ${relation}${didYouMean(column, columns)} (columns: ${list(columns)})`,

  viewColumns: (view: string) =>
    `a view grant takes no column list: Lake Formation has no column permissions on views, and Athena runs ${view} with the reader's own permissions on exactly the base-table columns it reads, which Baikal grants with it; grant the whole view, or declare a view that selects fewer columns`,

  notOnTable: (field: string) => `${field} applies to table grants only; remove it, or grant a table`,

  notOnView: (field: string) => `${field} applies to view grants only: a table or tag grant gives exactly what it names; remove it`,

  /** A view grant (or a dataset's readers) would get base columns the view does not output, unacknowledged. */
  viewWidens: (view: string, who: string, columns: readonly string[], grantOption: boolean, what: "grant" | "dataset") =>
    `${view} reads ${columns.length === 1 ? "a base column" : `${columns.length} base columns`} it does not output: ${list(columns)}; Athena runs the view with the reader's own permissions, so this ${what} also gives ${who} ${columns.length === 1 ? "that column" : "those columns"} of the tables themselves, row by row${grantOption ? ", with the grant option to pass them on inside that account" : ""}. Choose one: acknowledge ${columns.length === 1 ? "it" : "them"} (acknowledgeBaseColumns: [${columns.map((c) => JSON.stringify(c)).join(", ")}]); grant a curated table that a transform materializes from the view's query instead; or narrow the view so it reads only what it outputs`,

  /** An acknowledged column the view does not give beyond its output. */
  staleAcknowledgement: (column: string, view: string, exposed: boolean, widens: readonly string[]) =>
    exposed
      ? `"${column}" is in the output of ${view}, so the grant gives no more than the view shows; remove it from acknowledgeBaseColumns`
      : `${view} does not read "${column}" (base columns it reads without outputting them: ${list(widens)}); remove it from acknowledgeBaseColumns`,

  piiColumn: (column: string, relation: string, tag: string, principal: string, allowed: readonly string[]) =>
    `column "${column}" of ${relation} is tagged ${tag}, and "${principal}" may not read personal data (allowed: ${list(allowed)}); leave the column out (excludeColumns) or ask the platform team to add "${principal}" to governance.pii.principals`,

  piiThroughView: (view: string, column: string, relation: string, tag: string, principal: string, allowed: readonly string[]) =>
    `${view} reads column "${column}" of ${relation}, tagged ${tag}, and "${principal}" may not read personal data (allowed: ${list(allowed)}); a view grant includes every column the view reads, so grant a view that does not read it`,

  piiThroughTags: (column: string, relation: string, tag: string, principal: string, allowed: readonly string[], key: string) =>
    `these tags match column "${column}" of ${relation}, tagged ${tag}, and "${principal}" may not read personal data (allowed: ${list(allowed)}); list the "${key}" values the grant covers, without the personal-data one`,

  admin: (principal: string, arn: string, env: string) =>
    `"${principal}" is ${arn} in ${env}, a Lake Formation admin there: admins hold every permission implicitly and a grant to one fails to revoke ("No permissions revoked"); remove the grant`,

  duplicate: (index: number) => `the same grant as grants[${index}]; remove one`,

  unknownTagKey: (key: string, keys: readonly string[]) =>
    `unknown LF-tag key "${key}"${didYouMean(key, keys)} (keys in baikal.config.ts governance.tags: ${list(keys)})`,

  unknownTagValue: (value: string, key: string, values: readonly string[]) =>
    `"${value}" is not a value of LF-tag "${key}"${didYouMean(value, values)} (values: ${list(values)})`,

  domainTag: (key: string, domain: string) =>
    `"${key}" is set by Baikal: every table of domain "${domain}" carries ${key}=${domain}, and a tag grant only ever matches the domain's own resources; remove the key`,

  unknownRowFilter: (name: string, relation: string, known: readonly string[]) =>
    `unknown row filter "${name}" of ${relation}${didYouMean(name, known)} (rowFilters: ${list(known)}); declare it in the table's rowFilters`,

  rowFilterExpression: (name: string, relation: string, problem: string) =>
    `row filter "${name}" of ${relation}: ${problem} (a row filter is a condition on the table's columns, e.g. "sales_region = 'jp'")`,

  duplicateRowFilter: (name: string, index: number) => `row filter "${name}" is declared twice (also rowFilters[${index}]); rename or remove one`,

  /** A name in governance.pii.principals or an account's grantees that the registry does not know. */
  unknownRegistryPrincipal: (name: string, known: readonly string[]) =>
    `unknown principal "${name}"${didYouMean(name, known)} (principals: ${list(known)})`,

  granteeNotInAccount: (grantee: string, env: string, actual: string, expected: string) =>
    `grantee "${grantee}" is in account ${actual} in ${env}, not in the consumer account ${expected}; name IAM roles or users of the consumer account`,

  granteeKind: (grantee: string, kind: string) => `grantee "${grantee}" is a ${kind}; the consumer account grants only its IAM roles and users`,
};
