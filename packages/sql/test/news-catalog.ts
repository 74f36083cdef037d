/** A small catalog modelled on a news app with ads, shared by the tests. */
import { createCatalog, type Catalog, type CatalogRelation } from "../src/index.ts";

function relation(database: string, name: string, kind: "table" | "view", columns: string): CatalogRelation {
  return {
    database,
    name,
    kind,
    // "name type" pairs; types may contain commas inside parentheses, so split on the top-level commas only.
    columns: columns
      .split(/,(?![^(]*\))/)
      .map((c) => c.trim())
      .map((c) => {
        const space = c.indexOf(" ");
        return { name: c.slice(0, space), type: c.slice(space + 1) };
      }),
  };
}

export const newsRelations: readonly CatalogRelation[] = [
  relation(
    "news",
    "article_views",
    "table",
    "event_id varchar, user_id bigint, article_id bigint, viewed_at timestamp(3), dwell_time_ms integer, referrer varchar, device row(os varchar, app_version varchar), dt varchar",
  ),
  relation(
    "news",
    "articles",
    "table",
    "article_id bigint, title varchar, category varchar, publisher_id integer, published_at timestamp(3), tags array(varchar), snapshot_date varchar",
  ),
  relation(
    "ads",
    "impressions",
    "table",
    "impression_id varchar, campaign_id bigint, creative_id bigint, user_id bigint, placement varchar, shown_at timestamp(3), bid_price_jpy decimal(12,4), dt varchar, hour integer",
  ),
  relation("ads", "clicks", "table", "click_id varchar, impression_id varchar, clicked_at timestamp(3), dt varchar"),
  relation(
    "ads",
    "campaigns",
    "table",
    "campaign_id bigint, advertiser_id varchar, campaign_name varchar, starts_on date, ends_on date, daily_budget_jpy decimal(12,0)",
  ),
  relation("news", "daily_views", "view", "dt varchar, view_count bigint"),
];

export function newsCatalog(): Catalog {
  return createCatalog(newsRelations);
}

/** Options for a view owned by the `news` domain. */
export function inNews(catalog: Catalog = newsCatalog()): { defaultDatabase: string; catalog: Catalog } {
  return { defaultDatabase: "news", catalog };
}
