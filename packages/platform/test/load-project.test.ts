import { describe, expect, it } from "vitest";
import { loadProject } from "../src/loading/load-project.ts";
import { EVENTS_DOMAIN, ORGANISATION, configSource, domainSource, writeProject, problemsOf as problemsIn } from "./support.ts";

/** Loads a throwaway project and returns the problem lines `baikal check` would print. */
const problemsOf = (files: Record<string, string>): Promise<string[]> => problemsIn(writeProject(files));

const withTable = (table: Record<string, unknown>) => ({ ...EVENTS_DOMAIN, tables: [{ ...EVENTS_DOMAIN.tables![0], ...table }] });
const column = (extra: Record<string, unknown>) => ({ name: "c", type: "string", description: "C.", ...extra });

describe("loadProject", () => {
  it("loads the organisation and every domain when all declarations are valid", async () => {
    const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });
    const project = await loadProject(root);
    expect(project.organisation.name).toBe("acme");
    expect(project.domains.map((d) => [d.name, d.sourceFile])).toEqual([["web", "domains/web/domain.ts"]]);
  });

  it("fails when a key is unknown, naming file, line, column and the closest allowed key", async () => {
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(withTable({ colums: [] })),
    });
    expect(problems).toEqual([
      'domains/web/domain.ts:41:7: tables[0].colums: unknown key "colums"; did you mean "columns"? (allowed: name, description, zone, location, format, csv, columns, partitionKeys, partitionLayout, published, tags, rowFilters)',
    ]);
  });

  it("fails when values have the wrong type, listing every problem of every domain at once", async () => {
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(withTable({ zone: "bronze", format: 3 })),
      "domains/shop/domain.ts": domainSource({ ...EVENTS_DOMAIN, name: "shop", owners: "shop-team" }),
    });
    expect(problems).toEqual([
      "domains/shop/domain.ts:5:13: owners: expected array, got \"shop-team\"",
      'domains/web/domain.ts:12:15: tables[0].zone: "bronze" is not allowed; use one of "raw", "curated"',
      'domains/web/domain.ts:13:17: tables[0].format: number 3 is not allowed; use one of "jsonl", "parquet", "csv"',
    ]);
  });

  it("fails when names are invalid, and accepts the names real schemas use (reserved words included: Baikal quotes them)", async () => {
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(withTable({ name: "PageViews", columns: [column({ name: "select" }), column({ name: "userId" })] })),
    });
    expect(problems).toEqual([
      'domains/web/domain.ts:10:15: tables[0].name: "PageViews" is not a valid table or view name: use lower-case letters, digits, "_" and "-" (it also names the S3 prefix and the .sql file) (e.g. "page_views")',
      'domains/web/domain.ts:21:19: tables[0].columns[1].name: "userId" has capitals, but Athena folds names to lower case and would call it "userid"; declare it as "userid" (Parquet and JSON fields match it whatever their case)',
    ]);
  });

  it("fails when table or column names repeat, or a partition key is also a column", async () => {
    const table = EVENTS_DOMAIN.tables![0]!;
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource({
        ...EVENTS_DOMAIN,
        tables: [
          { ...table, columns: [column({}), column({}), column({ name: "dt" })] },
          { ...table, location: "other/" },
        ],
      }),
    });
    expect(problems).toEqual([
      'domains/web/domain.ts:21:19: tables[0].columns[1].name: column "c" is declared twice (also columns[0]); rename or remove one',
      'domains/web/domain.ts:33:19: tables[0].partitionKeys[0].name: partition key "dt" is also columns[2]; a value lives either in the path or in the file, so remove it from columns',
      'domains/web/domain.ts:47:15: tables[1].name: table "page_views" is declared twice (also tables[0]); rename or remove one',
    ]);
  });

  it("fails when a location leaves the domain's prefix or overlaps another table", async () => {
    const table = EVENTS_DOMAIN.tables![0]!;
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource({
        ...EVENTS_DOMAIN,
        tables: [
          { ...table, location: "../ads/impressions/" },
          { ...table, name: "b", location: "s3://other-bucket/b/" },
          { ...table, name: "c", location: "shared/" },
          { ...table, name: "d", location: "shared/d/" },
        ],
      }),
    });
    expect(problems).toEqual([
      'domains/web/domain.ts:41:19: tables[0].location: "../ads/impressions/" is outside the domain\'s prefix: it uses . or ..; give a path relative to the domain\'s prefix, e.g. "article_views/"',
      'domains/web/domain.ts:75:19: tables[1].location: "s3://other-bucket/b/" is outside the domain\'s prefix: a full URI names a bucket, and buckets belong to the platform; give a path relative to the domain\'s prefix, e.g. "article_views/"',
      'domains/web/domain.ts:143:19: tables[3].location: "shared/d/" overlaps the location of tables[2] in the raw zone; two tables reading the same files would each see the other\'s data, so give each its own prefix',
    ]);
  });

  it("fails when a column type or partition projection is wrong", async () => {
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(
        withTable({
          columns: [column({ type: "integer" })],
          partitionKeys: [
            { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024/01/01", "NOW-1FORTNIGHT"] } },
            { name: "hour", type: "int", description: "Hour.", projection: { type: "integer", range: [23, 0] } },
            { name: "region", type: "bigint", description: "Region.", projection: { type: "enum", values: ["jp", "jp"] } },
            { name: "src", description: "Source.", projection: { type: "crawler" } },
          ],
        }),
      ),
    });
    expect(problems).toEqual([
      'domains/web/domain.ts:17:19: tables[0].columns[0].type: "integer" is not a Hive type: unknown type "integer"; Hive calls it "int" (types: boolean, tinyint, smallint, int, bigint, float, double, string, date, timestamp, binary, decimal(p,s), varchar(n), char(n), array<T>, map<K,V>, struct<name:T,...>)',
      'domains/web/domain.ts:29:15: tables[0].partitionKeys[0].projection.range[0]: "2024/01/01" is neither a date in the format "yyyy-MM-dd" nor a relative date such as "NOW" or "NOW-3YEARS"',
      'domains/web/domain.ts:30:15: tables[0].partitionKeys[0].projection.range[1]: "NOW-1FORTNIGHT" is neither a date in the format "yyyy-MM-dd" nor a relative date such as "NOW" or "NOW-3YEARS"',
      "domains/web/domain.ts:40:13: tables[0].partitionKeys[1].projection.range: the range must go from the smaller to the larger value",
      'domains/web/domain.ts:48:19: tables[0].partitionKeys[2].type: a enum projection cannot fill a bigint key; use type "string"',
      "domains/web/domain.ts:52:13: tables[0].partitionKeys[2].projection.values: each value may appear only once",
      'domains/web/domain.ts:62:21: tables[0].partitionKeys[3].projection.type: "crawler" is not allowed; use one of "date", "integer", "enum", "injected"',
    ]);
  });

  it("fails when the folder and the domain's name disagree", async () => {
    const problems = await problemsOf({ "baikal.config.ts": configSource(), "domains/website/domain.ts": domainSource(EVENTS_DOMAIN) });
    expect(problems).toEqual([
      'domains/website/domain.ts:3:11: name: the domain is named "web" but lives in domains/website/; rename one so they match (the folder is how CI knows who owns a change)',
    ]);
  });

  it("fails when domain.ts does not export a definition, or does not load", async () => {
    const problems = await problemsOf({
      "baikal.config.ts": configSource(),
      "domains/a/domain.ts": "export default { name: 'a' };\n",
      "domains/b/domain.ts": "throw new Error('boom');\n",
    });
    expect(problems).toEqual([
      'domains/a/domain.ts: must `export default defineDomain({...})` from "@baikal/platform/declare"',
      "domains/b/domain.ts:1:7: could not be loaded: boom",
    ]);
  });

  it("fails when the organisation has a malformed account id or ARN, an unknown environment, or a shared account", async () => {
    const problems = await problemsOf({
      "baikal.config.ts": configSource({
        ...ORGANISATION,
        environments: {
          staging: { ...ORGANISATION.environments.staging!, accountId: "1111", deployRoleArn: "arn:aws:iam::111111111111:user/deploy" },
          production: { ...ORGANISATION.environments.production!, lakeFormationAdmins: ["arn:aws:iam::999999999999:role/admin"] },
          dev: { ...ORGANISATION.environments.production!, deployRoleArn: "arn:aws:iam::222222222222:role/deploy" },
        },
        principals: {
          partner: { kind: "external-account", accountIds: { staging: "333333333333", prod: "444444444444", dev: "555555555555" } },
        },
      }),
    });
    expect(problems).toEqual([
      'baikal.config.ts:6:20: environments.staging.accountId: an AWS account id is exactly 12 digits, e.g. "123456789012"',
      'baikal.config.ts:8:24: environments.staging.deployRoleArn: use an IAM role ARN such as "arn:aws:iam::123456789012:role/baikal-deploy"',
      'baikal.config.ts:24:9: environments.production.lakeFormationAdmins[0]: arn:aws:iam::999999999999:role/admin is in account 999999999999, but environment "production" is account 222222222222; Lake Formation admins must be in the environment\'s own account',
      'baikal.config.ts:28:20: environments.dev.accountId: account 222222222222 is also environment "production"; each environment needs its own AWS account',
      'baikal.config.ts:39:7: principals.partner.accountIds: no value for environment "production"; give one for every environment (staging, production, dev)',
      'baikal.config.ts:41:17: principals.partner.accountIds.prod: unknown environment "prod"; did you mean "production"? (environments: staging, production, dev)',
    ]);
  });
});
