import type { DomainInput } from "../src/declarations/domain.ts";
import type { ExportInput } from "../src/declarations/export.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { configSource, domainSource, ORGANISATION, writeProject } from "./support.ts";

/**
 * A shop domain of the test organisation: raw orders with a pii column, a view that leaves it out, a view that reads
 * it, and a published view of another domain in between, so an export's grants reach two stacks.
 */
export const EXPORT_ORGANISATION: OrganisationInput = {
  ...ORGANISATION,
  governance: { tags: { classification: ["internal", "pii"] } },
};

export const CATALOG_DOMAIN: DomainInput = {
  name: "catalog",
  description: "Products.",
  owners: ["@acme/catalog"],
  tables: [
    {
      name: "products",
      description: "Products.",
      zone: "raw",
      format: "jsonl",
      published: true,
      columns: [
        { name: "product_id", type: "bigint", description: "Id." },
        { name: "category", type: "string", description: "Category." },
        { name: "supplier", type: "string", description: "Supplier." },
      ],
    },
  ],
};

export const SHOP_DOMAIN: DomainInput = {
  name: "shop",
  description: "Orders.",
  owners: ["@acme/shop"],
  tables: [
    {
      name: "orders",
      description: "Orders.",
      zone: "raw",
      format: "jsonl",
      columns: [
        { name: "order_id", type: "string", description: "Id." },
        { name: "product_id", type: "bigint", description: "Product." },
        { name: "amount", type: "double", description: "Amount." },
        { name: "email", type: "string", description: "Buyer.", tags: { classification: "pii" } },
      ],
      partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
    },
  ],
  views: [
    {
      name: "daily_sales",
      description: "Sales per day and category.",
      columns: [
        { name: "sales_key", type: "string", description: "Day and category." },
        { name: "dt", type: "string", description: "Day." },
        { name: "category", type: "string", description: "Category." },
        { name: "revenue", type: "double", description: "Revenue." },
      ],
    },
    {
      name: "buyers",
      description: "Buyers per day.",
      columns: [
        { name: "dt", type: "string", description: "Day." },
        { name: "email", type: "string", description: "Buyer." },
      ],
    },
  ],
};

export const SHOP_VIEWS: Record<string, string> = {
  "domains/shop/views/daily_sales.sql":
    "SELECT concat(o.dt, ':', p.category) AS sales_key, o.dt, p.category, sum(o.amount) AS revenue\nFROM orders AS o\nJOIN catalog.products AS p ON p.product_id = o.product_id\nGROUP BY o.dt, p.category\n",
  "domains/shop/views/buyers.sql": "SELECT DISTINCT dt, email\nFROM orders\n",
};

export const SHEETS_EXPORT = {
  name: "sales_sheet",
  description: "Daily sales for the merchandising team.",
  view: "daily_sales",
  schedule: { expression: "cron(0 7 * * ? *)", timezone: "Europe/Berlin" },
  destination: { kind: "google-sheets", spreadsheetId: "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms", sheet: "Daily sales", mode: "replace" },
} satisfies ExportInput;

export const SALESFORCE_EXPORT = {
  name: "sales_crm",
  description: "Daily sales into the CRM's custom object.",
  view: "daily_sales",
  schedule: { expression: "rate(1 hour)", timezone: "UTC" },
  destination: {
    kind: "salesforce",
    object: "Daily_Sales__c",
    operation: "upsert",
    externalIdField: "Sales_Key__c",
    mapping: { sales_key: "Sales_Key__c", dt: "Day__c", revenue: "Revenue__c" },
    connectorProfile: "acme-salesforce",
  },
} satisfies ExportInput;

/** The shop domain with these exports. */
export const shopWith = (...exports: unknown[]): DomainInput => ({ ...SHOP_DOMAIN, exports }) as DomainInput;

/** A repository of the test organisation with the catalog and shop domains. */
export function exportProjectRoot(shop: DomainInput, organisation: OrganisationInput = EXPORT_ORGANISATION): string {
  return writeProject({
    "baikal.config.ts": configSource(organisation),
    "domains/catalog/domain.ts": domainSource(CATALOG_DOMAIN),
    "domains/shop/domain.ts": domainSource(shop),
    ...SHOP_VIEWS,
  });
}

export const exportProject = (shop: DomainInput, organisation?: OrganisationInput): Promise<Project> => loadProject(exportProjectRoot(shop, organisation));
