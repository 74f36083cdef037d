import type { IngestionInput } from "../src/declarations/ingestion.ts";
import type { DomainInput } from "../src/declarations/domain.ts";
import { EVENTS_DOMAIN } from "./support.ts";

/** An RDS snapshot export of one PostgreSQL table, with every default left out. */
export const ORDERS_EXPORT = {
  kind: "rds-snapshot-export",
  name: "orders_db",
  description: "Orders database.",
  source: { instance: "orders-prod" },
  tables: [
    {
      name: "orders",
      description: "Orders.",
      source: { database: "shop", schema: "public", table: "orders" },
      columns: [
        { name: "order_id", type: "bigint", description: "Id.", required: true },
        { name: "amount", type: "decimal(12,2)", description: "Amount." },
      ],
    },
  ],
} satisfies IngestionInput;

/** A Salesforce flow of two objects. */
export const SALESFORCE = {
  kind: "appflow-salesforce",
  name: "salesforce",
  description: "The CRM.",
  connectorProfile: "acme-salesforce",
  since: "2024-06-01",
  objects: [
    {
      object: "Account",
      table: "sf_accounts",
      description: "Accounts.",
      fields: [
        { field: "Id", name: "account_id", type: "string", description: "Id.", required: true },
        { field: "AnnualRevenue", name: "annual_revenue", type: "double", description: "Revenue." },
      ],
    },
    { object: "Opportunity", table: "sf_opportunities", description: "Opportunities.", fields: [{ field: "Id", name: "opportunity_id", type: "string", description: "Id." }] },
  ],
} satisfies IngestionInput;

/** The web domain with the given ingestions. */
export const withIngestions = (...ingestions: unknown[]): DomainInput => ({ ...EVENTS_DOMAIN, ingestions }) as DomainInput;
