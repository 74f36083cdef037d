import type { DomainInput } from "../src/declarations/domain.ts";
import type { PartitionKeyInput } from "../src/declarations/table.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { configSource, domainSource, ORGANISATION, writeProject } from "./support.ts";

/** An organisation with every kind of principal, an LF-tag vocabulary and a pii allow-list. */
export const GOVERNED_ORGANISATION: OrganisationInput = {
  ...ORGANISATION,
  principals: {
    analysts: { kind: "iam-role", name: "analyst" },
    scientists: { kind: "iam-role", name: "scientist" },
    bi: { kind: "quicksight-group", group: "bi-authors" },
    partner: { kind: "external-account", accountIds: { staging: "333333333333", production: "444444444444" }, grantees: ["partner_reader"] },
    partner_reader: {
      kind: "iam-role",
      arns: { staging: "arn:aws:iam::333333333333:role/reader", production: "arn:aws:iam::444444444444:role/reader" },
    },
    break_glass: { kind: "iam-role", name: "break-glass" },
  },
  governance: { tags: { classification: ["public", "internal", "pii"] }, pii: { principals: ["scientists"] } },
};

const day: PartitionKeyInput = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };

/** `web`: one tagged table with a pii column and a row filter, a view and a view on that view. */
export const WEB: DomainInput = {
  name: "web",
  description: "Web analytics.",
  owners: ["@acme/web"],
  tables: [
    {
      name: "page_views",
      description: "Page views.",
      zone: "raw",
      format: "jsonl",
      published: true,
      tags: { classification: "internal" },
      columns: [
        { name: "view_id", type: "string", description: "Id." },
        { name: "user_id", type: "bigint", description: "User.", tags: { classification: "pii" } },
        { name: "url", type: "string", description: "Page." },
        { name: "country", type: "string", description: "Country." },
      ],
      partitionKeys: [day],
      rowFilters: [{ name: "japan", expression: "country = 'jp'", columns: ["view_id", "url", "dt"] }],
    },
  ],
  views: [
    { name: "daily_views", description: "Views per day.", columns: [{ name: "dt", type: "string", description: "Day." }, { name: "view_count", type: "bigint", description: "Views." }] },
    { name: "busy_days", description: "Busy days.", columns: [{ name: "dt", type: "string", description: "Day." }, { name: "view_count", type: "bigint", description: "Views." }] },
  ],
};

export const WEB_SQL = {
  "domains/web/views/daily_views.sql": "SELECT dt, count(view_id) AS view_count\nFROM page_views\nGROUP BY dt\n",
  "domains/web/views/busy_days.sql": "SELECT dt, view_count\nFROM daily_views\nWHERE view_count > 1000\n",
};

/** `ads`: a second domain, to grant across. */
export const ADS: DomainInput = {
  name: "ads",
  description: "Ads.",
  owners: ["@acme/ads"],
  tables: [
    {
      name: "impressions",
      description: "Impressions.",
      zone: "raw",
      format: "jsonl",
      columns: [{ name: "impression_id", type: "string", description: "Id." }],
    },
  ],
};

export type Grants = NonNullable<DomainInput["grants"]>;

/** A repository with the governed organisation, `web` with these grants, and `ads`. */
export function governedProject(grants: Grants, web: Partial<DomainInput> = {}, organisation = GOVERNED_ORGANISATION): string {
  return writeProject({
    "baikal.config.ts": configSource(organisation),
    "domains/web/domain.ts": domainSource({ ...WEB, ...web, grants }),
    "domains/ads/domain.ts": domainSource(ADS),
    ...WEB_SQL,
  });
}

/** The problem lines `baikal check` prints for a repository, or a failure when it loads. */
export { problemsOf } from "./support.ts";
