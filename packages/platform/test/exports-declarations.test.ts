import { describe, expect, it } from "vitest";
import { atMostHourlyProblem } from "../src/declarations/export.ts";
import { exportMessages as m } from "../src/exports/export-messages.ts";
import { problemsOf } from "./support.ts";
import { EXPORT_ORGANISATION, SALESFORCE_EXPORT, SHEETS_EXPORT, SHOP_DOMAIN, exportProject, exportProjectRoot, shopWith } from "./exports-support.ts";

const problems = (...exports: unknown[]) => problemsOf(exportProjectRoot(shopWith(...exports)));
const salesforce = (destination: Record<string, unknown>) => ({ ...SALESFORCE_EXPORT, destination: { ...SALESFORCE_EXPORT.destination, ...destination } });
const sheets = (destination: Record<string, unknown>) => ({ ...SHEETS_EXPORT, destination: { ...SHEETS_EXPORT.destination, ...destination } });
const at = (line: number, column: number, path: string, message: string) => `domains/shop/domain.ts:${line}:${column}: ${path}: ${message}`;

describe("export declarations", () => {
  it("load with the view, the schedule and the destination as declared", async () => {
    const project = await exportProject(shopWith(SHEETS_EXPORT, SALESFORCE_EXPORT));
    expect(project.domains.find((d) => d.name === "shop")!.exports).toEqual([SHEETS_EXPORT, SALESFORCE_EXPORT]);
  });

  it("fails when the view is unknown, naming the domain's views", async () => {
    expect(await problems({ ...SHEETS_EXPORT, view: "daily_sale" })).toEqual([
      at(103, 15, "exports[0].view", m.unknownView("daily_sale", "shop", ["daily_sales", "buyers"])),
    ]);
  });

  it("fails when the view is a table, or the export brings its own SQL", async () => {
    expect(await problems({ ...SHEETS_EXPORT, view: "orders" })).toEqual([at(103, 15, "exports[0].view", m.table("orders", "shop"))]);
    expect(await problems(SHEETS_EXPORT, { ...SALESFORCE_EXPORT, sql: "SELECT 1" })).toEqual([at(135, 14, "exports[1].sql", m.viewsOnly())]);
  });

  it("fails when the mapping names a column the view does not have", async () => {
    expect(await problems(salesforce({ mapping: { sales_key: "Sales_Key__c", revenu: "Revenue__c" } }))).toEqual([
      at(115, 21, "exports[0].destination.mapping.revenu", m.unknownColumn("revenu", "shop.daily_sales", ["sales_key", "dt", "category", "revenue"])),
    ]);
  });

  it("fails when two view columns fill the same Salesforce field", async () => {
    expect(await problems(salesforce({ mapping: { sales_key: "Sales_Key__c", dt: "Day__c", category: "Day__c" } }))).toEqual([
      at(116, 23, "exports[0].destination.mapping.category", m.fieldTwice("Day__c", "dt", "category")),
    ]);
  });

  it("fails when an upsert has no external id, or its external id is not mapped, or an insert names one", async () => {
    const { externalIdField: _, ...withoutId } = SALESFORCE_EXPORT.destination;
    expect(await problems({ ...SALESFORCE_EXPORT, destination: withoutId })).toEqual([at(111, 22, "exports[0].destination.operation", m.upsertWithoutExternalId())]);
    expect(await problems(salesforce({ externalIdField: "Key__c" }))).toEqual([
      at(112, 28, "exports[0].destination.externalIdField", m.externalIdNotMapped("Key__c", ["Sales_Key__c", "Day__c", "Revenue__c"])),
    ]);
    expect(await problems(salesforce({ operation: "insert" }))).toEqual([at(112, 28, "exports[0].destination.externalIdField", m.externalIdOnInsert())]);
  });

  it("fails when the spreadsheet id is the whole URL or not an id, and when the tab name is blank or too long", async () => {
    const url = "https://docs.google.com/spreadsheets/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/edit#gid=0";
    expect(await problems(sheets({ spreadsheetId: url }), { ...sheets({ spreadsheetId: "abc!" }), name: "other" })).toEqual([
      at(110, 26, "exports[0].destination.spreadsheetId", m.spreadsheetUrl(url, "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms")),
      at(125, 26, "exports[1].destination.spreadsheetId", m.spreadsheetId("abc!")),
    ]);
    expect(await problems(sheets({ sheet: "  " }), { ...sheets({ sheet: "x".repeat(101) }), name: "other" }, { ...sheets({ sheet: " Pipeline" }), name: "third" })).toEqual([
      at(111, 18, "exports[0].destination.sheet", m.sheetEmpty()),
      at(126, 18, "exports[1].destination.sheet", m.sheetTooLong("x".repeat(101))),
      at(141, 18, "exports[2].destination.sheet", m.sheetSpaces(" Pipeline")),
    ]);
  });

  it("fails when the schedule runs more often than hourly", async () => {
    const every = (expression: string) => ({ ...SHEETS_EXPORT, schedule: { expression, timezone: "UTC" } });
    expect(await problems(every("rate(15 minutes)"))).toEqual([at(105, 23, "exports[0].schedule.expression", m.tooFrequent("rate(15 minutes)"))]);
    expect(await problems(every("cron(0/30 * * * ? *)"))).toEqual([at(105, 23, "exports[0].schedule.expression", m.tooFrequent("cron(0/30 * * * ? *)"))]);
  });

  it("accepts hourly and rarer schedules", () => {
    for (const expression of ["rate(1 hour)", "rate(90 minutes)", "cron(15 * * * ? *)", "cron(0 8 ? * MON-FRI *)", "rate(1 day)"]) {
      expect(atMostHourlyProblem(expression), expression).toBeUndefined();
    }
  });

  it("fails when a view reading personal data goes to a destination the platform does not allow", async () => {
    const toBuyers = { ...SALESFORCE_EXPORT, view: "buyers", destination: { ...SALESFORCE_EXPORT.destination, externalIdField: "Email__c", mapping: { email: "Email__c" } } };
    expect(await problems({ ...SHEETS_EXPORT, view: "buyers" }, toBuyers)).toEqual([
      at(103, 15, "exports[0].view", m.piiDestination("shop.buyers", "email", "shop.orders", "classification=pii", "google-sheets", [])),
      at(118, 15, "exports[1].view", m.piiDestination("shop.buyers", "email", "shop.orders", "classification=pii", "salesforce", [])),
    ]);
    const allowed = { ...EXPORT_ORGANISATION, exports: { piiDestinations: ["salesforce" as const] } };
    const project = await exportProject(shopWith(toBuyers), allowed);
    expect(project.domains.find((d) => d.name === "shop")!.exports).toHaveLength(1);
  });

  it("fails when two exports share a name", async () => {
    expect(await problems(SHEETS_EXPORT, { ...SALESFORCE_EXPORT, name: "sales_sheet" })).toEqual([at(116, 15, "exports[1].name", m.duplicate("sales_sheet", 0))]);
  });

  it("fails when a principal of baikal.config.ts has the name an export's role takes, or a raw table uses the prefix of rejected records", async () => {
    const organisation = { ...EXPORT_ORGANISATION, principals: { ...EXPORT_ORGANISATION.principals, "export-shop-sales_crm": { kind: "iam-role" as const, name: "crm" } } };
    expect(await problemsOf(exportProjectRoot(shopWith(SALESFORCE_EXPORT), organisation))).toEqual([
      `baikal.config.ts:30:5: principals.export-shop-sales_crm: ${m.principalTaken("export-shop-sales_crm", "shop.sales_crm")}`,
    ]);
    const archive = { name: "crm_archive", description: "Old CRM rows.", zone: "raw", format: "jsonl", location: "exports/", columns: [{ name: "id", type: "string", description: "Id." }] };
    const shop = { ...shopWith(SALESFORCE_EXPORT), tables: [...SHOP_DOMAIN.tables!, archive] };
    expect(await problemsOf(exportProjectRoot(shop as never))).toEqual([
      at(115, 15, "exports[0].name", m.errorPrefixOverlap("exports/sales_crm/errors/", 'tables[1] ("crm_archive")')),
    ]);
  });
});
