import { describe, expect, it } from "vitest";
import { organisationSchema } from "../src/declarations/organisation.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { DeclarationError, formatProblem } from "../src/problems/problem.ts";
import { configSource, domainSource, EVENTS_DOMAIN, ORGANISATION, projectOf, resources, synthDomain, synthPlatform, writeProject } from "./support.ts";

describe("Athena workgroups", () => {
  it("gives the platform stack one enforced workgroup each for analysts, Redash, QuickSight and ETL", () => {
    const workgroups = resources(synthPlatform(), "aws_athena_workgroup");
    expect(Object.keys(workgroups).sort()).toEqual(["workgroup_analysts", "workgroup_etl", "workgroup_quicksight", "workgroup_redash"]);
    expect(workgroups.workgroup_redash).toMatchObject({
      name: "redash",
      state: "ENABLED",
      force_destroy: false,
      configuration: {
        enforce_workgroup_configuration: true,
        publish_cloudwatch_metrics_enabled: true,
        bytes_scanned_cutoff_per_query: 100 * 1024 ** 3,
        engine_version: { selected_engine_version: "Athena engine version 3" },
        result_configuration: {
          output_location: "s3://acme-staging-query-results-111111111111/redash/",
          expected_bucket_owner: "111111111111",
          // Athena takes a key ARN or id here, not an alias: the lake key of the same stack.
          encryption_configuration: { encryption_option: "SSE_KMS", kms_key_arn: "${aws_kms_key.lake_key.arn}" },
        },
      },
    });
  });

  it("gives each domain a workgroup named after it, with its own results prefix", () => {
    const workgroup = resources(synthDomain(), "aws_athena_workgroup").workgroup;
    expect(workgroup).toMatchObject({
      name: "web",
      configuration: {
        enforce_workgroup_configuration: true,
        result_configuration: {
          output_location: "s3://acme-staging-query-results-111111111111/web/",
          // The platform stack's lake key, by the ARN its alias points at, read after the domain's database exists.
          encryption_configuration: { encryption_option: "SSE_KMS", kms_key_arn: "${data.aws_kms_alias.lake_key.target_key_arn}" },
        },
      },
    });
  });

  it("takes the organisation's scan limit, and a workgroup's own limit over it", () => {
    const organisation = { ...ORGANISATION, athena: { scanLimitBytes: 50 * 1024 ** 3, workgroupScanLimitBytes: { analysts: 10 * 1024 ** 3, web: 20 * 1024 ** 3 } } };
    const platform = resources(synthPlatform(projectOf(undefined, organisation)), "aws_athena_workgroup");
    expect(platform.workgroup_analysts!.configuration).toMatchObject({ bytes_scanned_cutoff_per_query: 10 * 1024 ** 3 });
    expect(platform.workgroup_etl!.configuration).toMatchObject({ bytes_scanned_cutoff_per_query: 50 * 1024 ** 3 });
    const domain = resources(synthDomain(projectOf(undefined, organisation)), "aws_athena_workgroup");
    expect(domain.workgroup!.configuration).toMatchObject({ bytes_scanned_cutoff_per_query: 20 * 1024 ** 3 });
  });

  it("fails when a workgroup's scan limit is below Athena's minimum", () => {
    const parsed = organisationSchema.safeParse({ ...ORGANISATION, athena: { workgroupScanLimitBytes: { redash: 1024 } } });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["athena.workgroupScanLimitBytes.redash", "Athena's smallest per-query limit is 10485760 bytes (10 MiB)"],
    ]);
  });

  it("fails when a domain would take the name of a platform workgroup", async () => {
    const root = writeProject({ "baikal.config.ts": configSource(), "domains/etl/domain.ts": domainSource({ ...EVENTS_DOMAIN, name: "etl" }) });
    const error = await loadProject(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeclarationError);
    expect((error as DeclarationError).problems.map(formatProblem)).toEqual([
      'domains/etl/domain.ts:3:11: name: domain "etl" would get the Athena workgroup "etl", which the platform keeps for its own consumers (analysts, redash, quicksight, etl); rename the domain',
    ]);
  });
});
