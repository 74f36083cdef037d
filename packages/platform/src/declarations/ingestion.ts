import { z } from "zod";
import { identifier, relationName } from "./identifier.ts";
import { column, tableLocation, type TableDeclaration } from "./table.ts";
import { lfTagAssignment, rowFilter } from "./grant.ts";
import { scheduleExpressionProblem, timezoneProblem } from "./transform.ts";
import { datePatternRegex } from "./partition-projection.ts";

/**
 * Ingestion templates: a routine source of the RAW zone declared in a few lines. Each one becomes ordinary raw
 * Parquet tables when the project loads (see ingestion/ingestion-tables.ts), plus the machinery that fills them
 * every day. `kind` picks the template.
 */

const description = z.string().trim().min(1, "write a description: it becomes the Glue comment analysts read");

/** Why `id` cannot name an RDS DB instance or Aurora DB cluster (RDS User Guide, "Naming constraints"), or undefined. */
export function dbIdentifierProblem(id: string): string | undefined {
  const rules = 'use 1-63 lower-case letters, digits and hyphens, starting with a letter, with no "--" and no hyphen at the end';
  const suggestion = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "")
    .slice(0, 63);
  const example = suggestion && suggestion !== id ? ` (e.g. "${suggestion}")` : "";
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(id) || id.includes("--") || id.endsWith("-")) return `"${id}" is not a DB identifier: ${rules}${example}`;
  return undefined;
}

const dbIdentifier = z.string().superRefine((id, ctx) => {
  const problem = dbIdentifierProblem(id);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A database, schema or table name in the source database; it becomes part of an S3 path. */
const sourceName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'use the name as the database knows it: letters, digits and "_" (up to 63), e.g. "public" or "insertion_orders"');

/** The first day `dt` can take: a day (`yyyy-MM-dd`) or a relative date such as `NOW-3YEARS`. */
const since = z.string().superRefine((value, ctx) => {
  if (!/^NOW(-\d+(YEARS|MONTHS|WEEKS|DAYS))?$/.test(value) && !datePatternRegex("yyyy-MM-dd").test(value)) {
    ctx.addIssue({ code: "custom", message: `"${value}" is neither a day such as "2024-06-01" nor a relative date such as "NOW-3YEARS"` });
  }
});

/** Prefix of the source's files under `s3://<raw bucket>/<domain>/`. Same rules as a table's `location`. */
const location = z
  .string()
  .regex(/^[a-z0-9_-]+(\/[a-z0-9_-]+)*\/?$/, 'use a relative path of lower-case letters, digits, "_" and "-", e.g. "orders_db/"');

/** Columns the Parquet files hold; Glue's columns come from them, so the names and types must match the files. */
const columns = z
  .array(column)
  .min(1, "a table needs at least one column")
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((c, index) => {
      if (c.name === "dt") {
        ctx.addIssue({ code: "custom", path: [index, "name"], message: 'column "dt" is the partition key every ingested table gets (the day of the run); rename the column' });
      } else if (seen.has(c.name)) {
        ctx.addIssue({ code: "custom", path: [index, "name"], message: `column "${c.name}" is declared twice (also columns[${seen.get(c.name)}]); rename or remove one` });
      } else seen.set(c.name, index);
    });
  });

/** What an ingested table shares with a declared one: the catalog and governance side. */
const tableFields = {
  description,
  columns,
  /** Other domains' views may read it and their teams may be granted it. @default false */
  published: z.boolean().optional(),
  /** LF-tags of the table; its columns inherit them. @default {} */
  tags: lfTagAssignment.optional(),
  /** Named row filters (Lake Formation data cells filters). @default [] */
  rowFilters: z.array(rowFilter).optional(),
};

const exportedTable = z.strictObject({
  /** The raw table in this domain's database. */
  name: relationName,
  /** Where the table lives in the source database; `schema` only for PostgreSQL (MySQL and MariaDB have none). */
  source: z.strictObject({ database: sourceName, schema: sourceName.optional(), table: sourceName }),
  ...tableFields,
});

const exportSchedule = z
  .strictObject({
    /** `cron(...)` with six fields or `rate(N days)`, as EventBridge Scheduler reads them; at most once a day. */
    expression: z.string(),
    /** IANA zone the cron fields are read in, and the zone of `dt`. */
    timezone: z.string(),
  })
  .superRefine((s, ctx) => {
    const problem = scheduleExpressionProblem(s.expression) ?? atMostDailyProblem(s.expression);
    if (problem) ctx.addIssue({ code: "custom", path: ["expression"], message: problem });
    const zone = timezoneProblem(s.timezone);
    if (zone) ctx.addIssue({ code: "custom", path: ["timezone"], message: zone });
  });

/** An export is named after its day, so a second run on one day would be refused by RDS; a day's data is one export. */
function atMostDailyProblem(expression: string): string | undefined {
  const why = `"${expression}" runs more than once a day, but a day holds one export (the export is named after its day); use a single minute and hour, e.g. "cron(0 3 * * ? *)", or "rate(1 day)"`;
  if (expression.startsWith("rate(")) return /^rate\(\d+ days?\)$/.test(expression) ? undefined : why;
  const [minutes, hours] = expression.slice(5, -1).trim().split(/\s+/) as [string, string];
  return /^\d+$/.test(minutes) && /^\d+$/.test(hours) ? undefined : why;
}

const rdsSnapshotExport = z.strictObject({
  kind: z.literal("rds-snapshot-export"),
  /** Names the state machine, its roles and schedule, and the default prefix. */
  name: identifier(40),
  description,
  /** The RDS DB instance or the Aurora DB cluster whose latest automated snapshot is exported. */
  source: z
    .strictObject({ instance: dbIdentifier.optional(), cluster: dbIdentifier.optional() })
    .refine((s) => (s.instance === undefined) !== (s.cluster === undefined), {
      message: 'name exactly one of `instance` (an RDS DB instance) or `cluster` (an Aurora DB cluster), e.g. { instance: "orders-prod" }',
    }),
  /** @default { expression: "cron(0 3 * * ? *)", timezone: "UTC" } */
  schedule: exportSchedule.optional(),
  /** @default "<name>/" */
  location: location.optional(),
  /** First day of `dt`'s projection. @default "NOW-3YEARS" */
  since: since.optional(),
  /** The tables to export (the export is restricted to them); one raw table each. */
  tables: z.array(exportedTable).min(1, "list at least one table to export"),
});

const salesforceField = column.extend({
  /** The field's API name in Salesforce, e.g. `Id`, `AnnualRevenue` or `Region__c`; it is written as column `name`. */
  field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'use the field\'s API name, e.g. "Id" or "Region__c"'),
});

const salesforceObject = z.strictObject({
  /** The object's API name, e.g. `Account`, `Opportunity` or `Invoice__c`. */
  object: z.string().superRefine((name, ctx) => {
    if (name.trim() === "") ctx.addIssue({ code: "custom", message: 'the object is empty; name the Salesforce object by its API name, e.g. "Account" or "Opportunity"' });
    else if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) ctx.addIssue({ code: "custom", message: `"${name}" is not an object's API name; use letters, digits and "_", e.g. "Account" or "Invoice__c"` });
  }),
  /** The raw table in this domain's database. */
  table: relationName,
  /** The fields to copy, each as one column (its Hive type must match what AppFlow writes). */
  fields: z
    .array(salesforceField)
    .min(1, "list at least one field")
    .superRefine((list, ctx) => {
      const names = new Map<string, number>();
      list.forEach((f, index) => {
        if (f.name === "dt") ctx.addIssue({ code: "custom", path: [index, "name"], message: 'column "dt" is the partition key every ingested table gets (the day of the run); rename the column' });
        else if (names.has(f.name)) ctx.addIssue({ code: "custom", path: [index, "name"], message: `column "${f.name}" is declared twice (also fields[${names.get(f.name)}]); rename or remove one` });
        else names.set(f.name, index);
      });
    }),
  description,
  published: tableFields.published,
  tags: tableFields.tags,
  rowFilters: tableFields.rowFilters,
});

const appflowSalesforce = z.strictObject({
  kind: z.literal("appflow-salesforce"),
  name: identifier(40),
  description,
  /**
   * The AppFlow connector profile holding the Salesforce connection. It holds OAuth secrets, so it is created
   * outside Terraform (console or CLI) and named here.
   */
  connectorProfile: z.string().regex(/^[\w/!@#+=.-]{1,256}$/, 'use the connector profile\'s name as AppFlow shows it, e.g. "newsly-salesforce"'),
  /** Salesforce API AppFlow reads with. @default "BULKV2" - the same output format every day, whatever the volume */
  api: z.enum(["AUTOMATIC", "BULKV2", "REST_SYNC"]).optional(),
  /** @default "<name>/" */
  location: location.optional(),
  /** First day of `dt`'s projection. @default "NOW-3YEARS" */
  since: since.optional(),
  /** One flow, and one raw table, per object. */
  objects: z.array(salesforceObject).min(1, "list at least one Salesforce object"),
});

export const ingestion = z.discriminatedUnion("kind", [rdsSnapshotExport, appflowSalesforce]);

export type IngestionDeclaration = z.infer<typeof ingestion>;
export type IngestionInput = z.input<typeof ingestion>;
export type RdsSnapshotExportDeclaration = z.infer<typeof rdsSnapshotExport>;
export type AppflowSalesforceDeclaration = z.infer<typeof appflowSalesforce>;

/** The ingestion's prefix relative to the domain's prefix, always ending in "/". */
export const ingestionLocation = (i: Pick<IngestionDeclaration, "name" | "location">) => tableLocation({ name: i.name, location: i.location });

/** The raw tables an ingestion declares, by name, with the path of each name in the declaration. */
export function ingestedTableNames(i: IngestionDeclaration): { name: string; path: (string | number)[] }[] {
  return i.kind === "rds-snapshot-export"
    ? i.tables.map((t, index) => ({ name: t.name, path: ["tables", index, "name"] }))
    : i.objects.map((o, index) => ({ name: o.table, path: ["objects", index, "table"] }));
}

interface Issue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Ingestions against the rest of the domain: their tables share one namespace with declared tables and views,
 * and their prefixes must not overlap another table's files. Paths are relative to the domain.
 */
export function ingestionIssues(domain: {
  tables?: readonly Pick<TableDeclaration, "name" | "zone" | "location">[];
  views?: readonly { name: string }[];
  ingestions?: readonly IngestionDeclaration[];
}): Issue[] {
  const issues: Issue[] = [];
  const owners = new Map<string, string>();
  (domain.tables ?? []).forEach((t, index) => owners.set(t.name, `tables[${index}]`));
  (domain.views ?? []).forEach((v, index) => owners.has(v.name) || owners.set(v.name, `views[${index}]`));
  const prefixes = (domain.tables ?? []).flatMap((t, index) => (t.zone === "raw" ? [{ prefix: tableLocation(t), owner: `tables[${index}]` }] : []));
  const ingestionNames = new Map<string, number>();
  (domain.ingestions ?? []).forEach((i, index) => {
    const at = (...path: (string | number)[]) => ["ingestions", index, ...path];
    if (ingestionNames.has(i.name)) {
      issues.push({ path: at("name"), message: `ingestion "${i.name}" is declared twice (also ingestions[${ingestionNames.get(i.name)}]); rename or remove one` });
    } else ingestionNames.set(i.name, index);
    for (const { name, path } of ingestedTableNames(i)) {
      const owner = owners.get(name);
      if (owner) {
        issues.push({
          path: at(...path),
          message: `"${name}" is already ${owner}; a table, a view and an ingested table share one namespace in the database, so rename one`,
        });
      } else owners.set(name, `ingestions[${index}].${path.slice(0, 2).map((p) => (typeof p === "number" ? `[${p}]` : p)).join("")}`);
    }
    const prefix = ingestionLocation(i);
    const overlap = prefixes.find((p) => p.prefix.startsWith(prefix) || prefix.startsWith(p.prefix));
    if (overlap) {
      issues.push({
        path: at("location"),
        message: `"${prefix}" overlaps the location of ${overlap.owner} in the raw zone; an ingestion writes its own files, so give it its own prefix with \`location\``,
      });
    } else prefixes.push({ prefix, owner: `ingestions[${index}]` });
  });
  return issues;
}
