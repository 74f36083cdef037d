import { loadProject } from "@baikal/platform/project";
import { describe, expect, it } from "vitest";
import { exportProjectRoot, SALESFORCE_EXPORT, SHEETS_EXPORT, shopWith } from "../../platform/test/exports-support.ts";
import { accessReportOf } from "../src/commands/access.ts";
import { docsCatalog } from "../src/docs-site/catalog-model.ts";
import { siteFiles } from "../src/docs-site/write-site.ts";
import { baikal } from "./support.ts";

/** Exports are readers: `baikal access` and the docs site say where each one sends the view. */
describe("exports in the access report and the docs site", () => {
  const root = exportProjectRoot(shopWith(SHEETS_EXPORT, SALESFORCE_EXPORT));

  it("lists each export's role with the columns it reads and its destination", () => {
    const run = baikal(["access", "--env", "staging"], root);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("export-")).map((l) => l.replace(/\s+/g, " "));
    expect(lines).toEqual([
      "export-shop-sales_crm catalog.products (table) product_id, category - exported to Salesforce Daily_Sales__c [domain-catalog-staging]",
      "export-shop-sales_crm shop.daily_sales (view) sales_key, dt, category, revenue - exported to Salesforce Daily_Sales__c [domain-shop-staging]",
      "export-shop-sales_crm shop.orders (table) product_id, amount, dt - exported to Salesforce Daily_Sales__c [domain-shop-staging]",
      "export-shop-sales_sheet catalog.products (table) product_id, category - exported to Google Sheets Daily sales [domain-catalog-staging]",
      "export-shop-sales_sheet shop.daily_sales (view) sales_key, dt, category, revenue - exported to Google Sheets Daily sales [domain-shop-staging]",
      "export-shop-sales_sheet shop.orders (table) product_id, amount, dt - exported to Google Sheets Daily sales [domain-shop-staging]",
    ]);
  });

  it("shows the exports among the view's readers on the domain's page", async () => {
    const project = await loadProject(root);
    const files = siteFiles(docsCatalog(project, accessReportOf(project)));
    const page = files.get("domain-shop.html")!;
    expect(page).toContain("exported to Google Sheets Daily sales");
    expect(page).toContain("exported to Salesforce Daily_Sales__c");
    expect(page).toContain("export-shop-sales_sheet");
  });
});
