import { z } from "zod";
import { identifier, relationName } from "./identifier.ts";
import { scheduleExpressionProblem, timezoneProblem } from "./transform.ts";
import { exportMessages as m } from "../exports/export-messages.ts";

/**
 * Exports ("activation"): a domain's reviewed view sent, on a schedule, to the tools business teams work in. Each
 * export reads one of the domain's own views (never a table or free SQL) and writes it to one destination: a tab of
 * a Google spreadsheet, replaced on every run, or a Salesforce object, by upsert or insert through Amazon AppFlow.
 */

/** The kinds of destination, also what `exports.piiDestinations` in baikal.config.ts may list. */
export const EXPORT_DESTINATION_KINDS = ["google-sheets", "salesforce"] as const;
export type ExportDestinationKind = (typeof EXPORT_DESTINATION_KINDS)[number];

const refine = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: "custom", message: found });
  });

const GOOGLE_URL = /docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;

/** Why `id` is not a spreadsheet id (the part of the spreadsheet's URL after `/d/`), or undefined. */
export function spreadsheetIdProblem(id: string): string | undefined {
  const inUrl = GOOGLE_URL.exec(id);
  if (inUrl) return m.spreadsheetUrl(id, inUrl[1]!);
  // Drive ids are URL-safe base64: 44 characters for spreadsheets made today, never fewer than 25.
  if (!/^[A-Za-z0-9_-]{25,100}$/.test(id)) return m.spreadsheetId(id);
  return undefined;
}

/** Google Sheets refuses a tab name that is empty or longer than 100 characters; it trims spaces at the ends. */
export const SHEET_NAME_MAX_LENGTH = 100;

export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return m.sheetEmpty();
  if (name.length > SHEET_NAME_MAX_LENGTH) return m.sheetTooLong(name);
  if (name !== name.trim()) return m.sheetSpaces(name);
  // Control characters would be stored, but nobody could type the name to find the tab again.
  if (/\p{Cc}/u.test(name)) return m.sheetControl(name);
  return undefined;
}

/** An object's or field's API name in Salesforce: `Account`, `Campaign_Performance__c`, `Spend_JPY__c`. */
export function salesforceNameProblem(name: string, what: "object" | "field"): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return undefined;
  return m.salesforceName(name, what);
}

/**
 * At most hourly, as for datasets' refreshes: each run replaces the whole destination, and a run can take minutes
 * (Athena, then Google or AppFlow), so runs closer together would overlap and hammer the destination's API quota.
 */
export function atMostHourlyProblem(expression: string): string | undefined {
  const rate = /^rate\((\d+) (minute|minutes)\)$/.exec(expression);
  if (rate) return Number(rate[1]) >= 60 ? undefined : m.tooFrequent(expression);
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) return undefined;
  const minutes = cron[1]!.trim().split(/\s+/)[0]!;
  return /^\d+$/.test(minutes) ? undefined : m.tooFrequent(expression);
}

const schedule = z
  .strictObject({
    /** `cron(...)` with six fields or `rate(...)`, as EventBridge Scheduler reads them; at most hourly. */
    expression: z.string(),
    /** IANA zone the cron fields are read in. */
    timezone: z.string(),
  })
  .superRefine((s, ctx) => {
    const problem = scheduleExpressionProblem(s.expression) ?? atMostHourlyProblem(s.expression);
    if (problem) ctx.addIssue({ code: "custom", path: ["expression"], message: problem });
    const zone = timezoneProblem(s.timezone);
    if (zone) ctx.addIssue({ code: "custom", path: ["timezone"], message: zone });
  });

const googleSheets = z.strictObject({
  kind: z.literal("google-sheets"),
  /** The id in the spreadsheet's URL: `https://docs.google.com/spreadsheets/d/<id>/edit`. */
  spreadsheetId: refine(spreadsheetIdProblem),
  /** The tab to write; created when the spreadsheet has none of that name. */
  sheet: refine(sheetNameProblem),
  /** `replace`: every run makes the tab the header row (the view's columns) and the view's rows, nothing else. */
  mode: z.literal("replace"),
});

const salesforceField = refine((name) => salesforceNameProblem(name, "field"));

const salesforce = z.strictObject({
  kind: z.literal("salesforce"),
  /** The object's API name, e.g. `Account` or `Campaign_Performance__c`. */
  object: refine((name) => salesforceNameProblem(name, "object")),
  /** `upsert` matches records on `externalIdField`; `insert` always creates records. */
  operation: z.enum(["upsert", "insert"]),
  /** Upsert only: the object's external-id field, which one of the mapped view columns fills. */
  externalIdField: salesforceField.optional(),
  /** View column -> Salesforce field API name; only mapped columns are sent. */
  mapping: z.record(z.string(), salesforceField).refine((mapping) => Object.keys(mapping).length > 0, { message: m.emptyMapping() }),
  /** The AppFlow connector profile holding the Salesforce connection; made outside Terraform (it holds OAuth secrets). */
  connectorProfile: z.string().regex(/^[\w/!@#+=.-]{1,256}$/, 'use the connector profile\'s name as AppFlow shows it, e.g. "newsly-salesforce"'),
});

export const exportDestination = z.discriminatedUnion("kind", [googleSheets, salesforce]);

export const exportDeclaration = z.strictObject({
  /** Names the export's role, function or state machine, flow and schedule. */
  name: identifier(40),
  description: z.string().trim().min(1, "say what the export sends and who uses it there"),
  /** One of this domain's views, by name. */
  view: relationName,
  schedule,
  destination: exportDestination,
  /** Not allowed: named only to say why. */
  table: z.never({ error: m.viewsOnly() }).optional(),
  /** Not allowed: named only to say why. */
  sql: z.never({ error: m.viewsOnly() }).optional(),
});

export type ExportDeclaration = z.infer<typeof exportDeclaration>;
export type ExportInput = z.input<typeof exportDeclaration>;
export type GoogleSheetsDestination = z.infer<typeof googleSheets>;
export type SalesforceDestination = z.infer<typeof salesforce>;
export type SheetsExportDeclaration = ExportDeclaration & { readonly destination: GoogleSheetsDestination };
export type SalesforceExportDeclaration = ExportDeclaration & { readonly destination: SalesforceDestination };

/** `exports` in baikal.config.ts: what the platform allows exports to do. */
export const exportSettings = z.strictObject({
  /**
   * Destinations that may receive a view whose lineage reads personal data (columns tagged like `governance.pii.tag`).
   * @default [] - no export may send personal data anywhere
   */
  piiDestinations: z.array(z.enum(EXPORT_DESTINATION_KINDS)).optional(),
});
