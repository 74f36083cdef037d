import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";

const WEB = {
  ...EVENTS_DOMAIN,
  views: [
    {
      name: "daily_views",
      description: "Views per day.",
      published: true,
      columns: [
        { name: "dt", type: "string", description: "Day." },
        { name: "view_count", type: "bigint", description: "Views." },
      ],
    },
  ],
};
const SHOP = {
  name: "shop",
  description: "Shop.",
  owners: ["@acme/shop"],
  views: [
    {
      name: "traffic",
      description: "Web traffic for the shop.",
      columns: [
        { name: "dt", type: "string", description: "Day." },
        { name: "view_count", type: "bigint", description: "Views." },
      ],
    },
  ],
};

const project = () =>
  writeProject({
    "baikal.config.ts": configSource(),
    "domains/web/domain.ts": domainSource(WEB),
    "domains/web/views/daily_views.sql": "SELECT dt, count(*) AS view_count FROM page_views GROUP BY dt\n",
    "domains/shop/domain.ts": domainSource(SHOP),
    "domains/shop/views/traffic.sql": "SELECT dt, view_count FROM web.daily_views\n",
  });

describe("baikal graph", () => {
  it("draws the lineage as a Mermaid flowchart, one subgraph per domain", () => {
    const run = baikal(["graph"], project());
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "flowchart LR",
        '  subgraph domain__shop["shop"]',
        '    shop__traffic["traffic"]',
        "  end",
        '  subgraph domain__web["web"]',
        '    web__page_views[("page_views")]',
        '    web__daily_views["daily_views"]',
        "  end",
        "  web__page_views --> web__daily_views",
        "  web__daily_views --> shop__traffic",
        "",
      ].join("\n"),
    );
  });

  it("writes Graphviz DOT with --format dot, and only what touches a domain with --domain", () => {
    const run = baikal(["graph", "--format", "dot", "--domain", "shop"], project());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  subgraph "cluster_web" {\n    label="web";\n');
    expect(run.stdout).toContain('    "web.page_views" [label="page_views", shape=cylinder];\n');
    expect(run.stdout).toContain('  "web.page_views" -> "web.daily_views";\n  "web.daily_views" -> "shop.traffic";\n}\n');
  });

  it("fails when --domain names no domain", () => {
    const run = baikal(["graph", "--domain", "shpo"], project());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('baikal: unknown domain "shpo"; domains: shop, web\n');
  });
});
