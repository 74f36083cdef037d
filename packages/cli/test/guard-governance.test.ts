import { describe, expect, it } from "vitest";
import type { OrganisationInput } from "../../platform/src/declarations/organisation.ts";
import { GUARD_ORGANISATION, guardChange } from "./guard-support.ts";

/** Governance that Lake Formation and the lake's buckets depend on, weakened from baikal.config.ts. */
const SETTINGS = "aws_lakeformation_data_lake_settings.lake_formation";
const DEPLOY = "arn:aws:iam::111111111111:role/deploy";
const BREAK_GLASS = "arn:aws:iam::111111111111:role/break-glass";
const hint = (address: string, change: string) =>
  `if it is intended, add {"stack": "platform-staging", "address": "${address}", "change": "${change}", "reason": "..."} to guard-allow.json`;

const staging = GUARD_ORGANISATION.environments.staging!;
const withStaging = (change: Partial<typeof staging>): OrganisationInput => ({ ...GUARD_ORGANISATION, environments: { staging: { ...staging, ...change } } });

describe("guard: governance regressions", { timeout: 240_000 }, () => {
  it("blocks a break-glass admin removed from Lake Formation", async () => {
    const run = await guardChange({ organisation: withStaging({ lakeFormationAdmins: [] }) });
    expect(run.blocked).toEqual([
      `platform-staging ${SETTINGS}: Lake Formation admin ${BREAK_GLASS} is removed (the admins change from ["${DEPLOY}","${BREAK_GLASS}"] to ["${DEPLOY}"]): ` +
        `the break-glass way into the lake's data and grants is gone; keep ${BREAK_GLASS} in the environment's lakeFormationAdmins; ${hint(SETTINGS, "lake-formation-admin")}`,
    ]);
  });

  it("blocks a new deploy role that drops the one applying the change from the admins, which would lock Terraform out", async () => {
    const v2 = "arn:aws:iam::111111111111:role/deploy-v2";
    const run = await guardChange({ organisation: withStaging({ deployRoleArn: v2 }) });
    expect(run.blocked).toEqual([
      `platform-staging ${SETTINGS}: the admins no longer include ${DEPLOY}, the deploy role that applies this change (the admins change from ` +
        `["${DEPLOY}","${BREAK_GLASS}"] to ["${v2}","${BREAK_GLASS}"]): PutDataLakeSettings replaces the whole list, so Terraform would lock itself out ` +
        `of Lake Formation and every grant after it would fail; keep ${DEPLOY} among the admins (in lakeFormationAdmins) until CI applies with the new ` +
        `deploy role; ${hint(SETTINGS, "deploy-role")}`,
    ]);
  });

  it("passes a new deploy role while the old one stays an admin", async () => {
    const run = await guardChange({ organisation: withStaging({ deployRoleArn: "arn:aws:iam::111111111111:role/deploy-v2", lakeFormationAdmins: [BREAK_GLASS, DEPLOY] }) });
    expect(run).toEqual({ ok: true, blocked: [], errors: [] });
  });

  it("blocks an LF-tag value removed, because Lake Formation drops it from everything tagged with it", async () => {
    const run = await guardChange({ organisation: { ...GUARD_ORGANISATION, governance: { tags: { classification: ["internal", "pii"] } } } });
    expect(run.blocked).toEqual([
      'platform-staging aws_lakeformation_lf_tag.lf_tag_classification: value "public" is removed from LF-tag "classification": Lake Formation drops it ' +
        "from every database, table and column tagged with it, and grants made through it stop applying; keep public in governance.tags.classification of " +
        `baikal.config.ts until nothing is tagged with it; ${hint("aws_lakeformation_lf_tag.lf_tag_classification", "lf-tag-values")}`,
    ]);
  });
});
