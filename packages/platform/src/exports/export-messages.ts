import { didYouMean } from "../problems/suggest.ts";

const list = (items: readonly string[]) => (items.length === 0 ? "none" : items.map((i) => `"${i}"`).join(", "));
const DESTINATION_LABEL = { "google-sheets": "Google Sheets", salesforce: "Salesforce" } as const;

/** Every message about exports, in one place so tests import them instead of copying text. */
export const exportMessages = {
  viewsOnly: () =>
    "an export sends a declared view, never a table or its own SQL: views are the reviewed, stable interface, so write the query as a view in views/ and name it in `view`",
  spreadsheetUrl: (given: string, id: string) =>
    `"${given.length > 60 ? `${given.slice(0, 60)}...` : given}" is the spreadsheet's URL; give only its id, the part after /d/: "${id}"`,
  spreadsheetId: (given: string) =>
    `"${given}" is not a spreadsheet id: it is the 44 letters, digits, "-" and "_" after /d/ in the spreadsheet's URL (https://docs.google.com/spreadsheets/d/<id>/edit)`,
  sheetEmpty: () => 'the tab name is empty; name the tab to write, e.g. "Pipeline"',
  sheetTooLong: (name: string) => `the tab name "${name.slice(0, 30)}..." is ${name.length} characters long; Google Sheets allows at most 100`,
  sheetSpaces: (name: string) => `the tab name "${name}" starts or ends with spaces, which Google Sheets removes; write "${name.trim()}"`,
  sheetControl: (name: string) => `the tab name ${JSON.stringify(name)} holds a line break or another control character; use a name people can type`,
  salesforceName: (name: string, what: "object" | "field") =>
    `"${name}" is not a Salesforce ${what} API name; use letters, digits and "_", starting with a letter, e.g. ${what === "object" ? '"Account" or "Campaign_Performance__c"' : '"Name" or "Spend_JPY__c"'}`,
  emptyMapping: () => 'map at least one view column to a Salesforce field, e.g. mapping: { campaign_id: "Campaign_Id__c" }',
  tooFrequent: (expression: string) =>
    `"${expression}" runs more than once an hour; an export replaces its whole destination on every run, so run it at most hourly: a single minute such as "cron(0 * * * ? *)", or "rate(1 hour)"`,

  unknownView: (name: string, domain: string, views: readonly string[]) =>
    `no view "${name}" in domain ${domain}${didYouMean(name, views)} (views: ${list(views)}); an export sends one of the domain's own views`,
  table: (name: string, domain: string) =>
    `"${name}" is a table of ${domain}, not a view; an export sends only declared views, the reviewed, stable interface: declare a view over the table and name it here`,
  duplicate: (name: string, other: number) => `export "${name}" is declared twice (also exports[${other}]); rename or remove one`,
  unknownColumn: (column: string, view: string, columns: readonly string[]) =>
    `view ${view} has no column "${column}"${didYouMean(column, columns)} (columns: ${list(columns)}); map the view's own columns`,
  fieldTwice: (field: string, first: string, second: string) =>
    `Salesforce field "${field}" is mapped twice, from "${first}" and from "${second}"; a record has one value per field, so map it once`,
  upsertWithoutExternalId: () =>
    'an upsert matches records on an external-id field; name it, e.g. externalIdField: "Campaign_Day_Key__c", and map the view column that holds the key to it',
  externalIdNotMapped: (field: string, mapped: readonly string[]) =>
    `the external-id field "${field}" is not in the mapping (fields: ${list(mapped)}); map the view column that holds each row's key to "${field}", or AppFlow would have nothing to match records on`,
  externalIdOnInsert: () => 'externalIdField applies to operation "upsert" only; an insert always creates records, so remove it or use operation: "upsert"',
  piiDestination: (view: string, column: string, relation: string, tag: string, kind: keyof typeof DESTINATION_LABEL, allowed: readonly string[]) =>
    `${view} reads column "${column}" of ${relation}, tagged ${tag}, and personal data may not be exported to ${DESTINATION_LABEL[kind]} (exports.piiDestinations in baikal.config.ts: ${list(allowed)}); export a view that does not read it, or ask the platform team to allow "${kind}"`,
  principalTaken: (principal: string, exportId: string) =>
    `principal "${principal}" in baikal.config.ts has the name Baikal gives the role of export ${exportId} in grants and the access report; rename the principal`,
  errorPrefixOverlap: (prefix: string, owner: string) =>
    `"${prefix}", where AppFlow writes the records Salesforce rejects, overlaps the location of ${owner} in the raw zone; rename the export or give the table its own location`,

  /** How `baikal access` and the docs site name the export as a reader. */
  through: (kind: keyof typeof DESTINATION_LABEL, target: string) => `exported to ${DESTINATION_LABEL[kind]} ${target}`,
};
