import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Testing } from "cdktf";
import { type CostMonitorAssets, prepareCostMonitorAssets } from "../src/cost-monitor/prepare-cost-monitor-assets.ts";
import { domainSchema, type DomainInput } from "../src/declarations/domain.ts";
import { organisationSchema, type OrganisationInput } from "../src/declarations/organisation.ts";
import type { Domain, Project } from "../src/loading/project.ts";
import { DomainStack } from "../src/stacks/domain-stack.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { DeclarationError, formatProblem } from "../src/problems/problem.ts";
import { PlatformStack } from "../src/stacks/platform-stack.ts";
import type { DeployTarget } from "../src/stacks/baikal-stack.ts";

export const DECLARE_MODULE = resolve(dirname(fileURLToPath(import.meta.url)), "../src/declare.ts");

export const ORGANISATION: OrganisationInput = {
  name: "acme",
  environments: {
    staging: {
      accountId: "111111111111",
      region: "eu-west-1",
      deployRoleArn: "arn:aws:iam::111111111111:role/deploy",
      lakeFormationAdmins: ["arn:aws:iam::111111111111:role/break-glass"],
      state: { bucket: "acme-staging-state" },
    },
    production: {
      accountId: "222222222222",
      region: "eu-west-1",
      deployRoleArn: "arn:aws:iam::222222222222:role/deploy",
      state: { bucket: "acme-production-state" },
    },
  },
  principals: { analysts: { kind: "iam-role", name: "analyst" } },
};

export const EVENTS_DOMAIN: DomainInput = {
  name: "web",
  description: "Web analytics.",
  owners: ["@acme/web"],
  tables: [
    {
      name: "page_views",
      description: "Page views.",
      zone: "raw",
      format: "jsonl",
      columns: [
        { name: "view_id", type: "string", description: "Id.", required: true },
        { name: "user_id", type: "bigint", description: "User." },
      ],
      partitionKeys: [
        { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } },
      ],
    },
  ],
};

/** A second domain with one view over its table, for view, grant and affected-stack tests. */
export const ADS_DOMAIN: DomainInput = {
  name: "ads",
  description: "Ads.",
  owners: ["@acme/ads"],
  tables: [
    {
      name: "impressions",
      description: "Impressions.",
      zone: "raw",
      format: "jsonl",
      columns: [
        { name: "impression_id", type: "string", description: "Id." },
        { name: "campaign_id", type: "bigint", description: "Campaign." },
        { name: "shown", type: "timestamp", description: "Shown at." },
      ],
      partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
    },
  ],
  views: [
    {
      name: "daily_impressions",
      description: "Impressions per day.",
      columns: [
        { name: "dt", type: "string", description: "Day." },
        { name: "impression_count", type: "bigint", description: "Count." },
      ],
    },
  ],
};
export const DAILY_IMPRESSIONS_SQL = "SELECT dt, count(*) AS impression_count\nFROM impressions\nGROUP BY dt\n";

/** A validated Project built from inputs, without files. */
export function projectOf(domains: DomainInput[] = [EVENTS_DOMAIN], organisation: OrganisationInput = ORGANISATION): Project {
  return {
    root: "/nonexistent",
    organisation: organisationSchema.parse(organisation),
    domains: domains.map((d): Domain => ({ ...domainSchema.parse(d), sourceFile: `domains/${d.name}/domain.ts` })),
    views: [],
  };
}

export type TerraformJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
};

export function synthPlatform(
  project: Project = projectOf(),
  environment = "staging",
  target: DeployTarget = "offline",
  costMonitorAssets?: CostMonitorAssets,
): TerraformJson {
  const stack = new PlatformStack(Testing.app(), { organisation: project.organisation, environment, target, costMonitorAssets });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

let bundled: Promise<CostMonitorAssets> | undefined;

/** The real cost-notifier bundle, built once per test file into a temporary folder. */
export function testCostMonitorAssets(): Promise<CostMonitorAssets> {
  bundled ??= prepareCostMonitorAssets(mkdtempSync(join(tmpdir(), "baikal-cost-monitor-")));
  return bundled;
}

export function synthDomain(project: Project = projectOf(), environment = "staging", target: DeployTarget = "offline"): TerraformJson {
  const stack = new DomainStack(Testing.app(), {
    organisation: project.organisation,
    domain: project.domains[0]!,
    views: project.views.filter((v) => v.domain === project.domains[0]!.name),
    transforms: (project.transforms ?? []).filter((t) => t.domain === project.domains[0]!.name),
    environment,
    target,
  });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

/** Resources of one type, keyed by Terraform name. */
export function resources(json: TerraformJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/** The single resource of a type whose attribute `key` equals `value`. */
export function resourceWhere(json: TerraformJson, type: string, key: string, value: unknown): Record<string, unknown> {
  const matches = Object.values(resources(json, type)).filter((r) => r[key] === value);
  if (matches.length !== 1) throw new Error(`expected one ${type} with ${key}=${String(value)}, found ${matches.length}`);
  return matches[0]!;
}

/**
 * Writes a throwaway repository (baikal.config.ts + domains/<name>/domain.ts) whose files import the real
 * declaration API, and returns its root.
 */
export function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "baikal-test-"));
  writeFileSync(join(root, "package.json"), '{ "type": "module", "private": true }\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text.replaceAll("@baikal/platform/declare", DECLARE_MODULE));
  }
  return root;
}

export const configSource = (organisation: OrganisationInput = ORGANISATION) =>
  `import { defineOrganisation } from "@baikal/platform/declare";\nexport default defineOrganisation(${JSON.stringify(organisation, null, 2)});\n`;

export const domainSource = (domain: unknown) =>
  `import { defineDomain } from "@baikal/platform/declare";\nexport default defineDomain(${JSON.stringify(domain, null, 2)});\n`;

/** Every problem `loadProject` reports for the project at `root`, formatted as `baikal check` prints them. */
export async function problemsOf(root: string): Promise<string[]> {
  try {
    await loadProject(root);
  } catch (error) {
    if (error instanceof DeclarationError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected the project to have problems");
}

/**
 * Newsly, the tests' own rich organisation (a frozen copy of what the bundled examples once were): three domains
 * with views, transforms, an ingestion, datasets and every kind of grant. Tests that need a realistic organisation
 * use it, never `domains/`, so that teams adding, editing or removing domains never break Baikal's tests.
 */
export const NEWSLY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "fixtures/newsly");

/** Newsly's declaration files by repository path, to copy with `writeProject` and change. */
export function newslyFiles(): Record<string, string> {
  const files: Record<string, string> = { "baikal.config.ts": readFileSync(join(NEWSLY_ROOT, "baikal.config.ts"), "utf8") };
  for (const path of readdirSync(join(NEWSLY_ROOT, "domains"), { recursive: true, encoding: "utf8" })) {
    if (/^[a-z_]+\/(domain\.ts|views\/.*\.sql|transforms\/.*\.sql)$/.test(path)) files[`domains/${path}`] = readFileSync(join(NEWSLY_ROOT, "domains", path), "utf8");
  }
  return files;
}
