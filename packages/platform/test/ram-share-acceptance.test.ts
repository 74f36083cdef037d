import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharingMessages } from "../src/governance/ram-share-acceptance.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { synthesizedStacks } from "../src/preflight/index.ts";
import { FIXTURE_ORGANISATION, writeFixtureOrganisation } from "./preflight-fixtures.ts";
import { problemsOf } from "./support.ts";

const project = await loadProject(writeFixtureOrganisation(1));
const stacks = await synthesizedStacks(project, mkdtempSync(join(tmpdir(), "baikal-ram-")), ["consumer-333333333333-staging", "consumer-555555555555-staging"]);
const [sameOrganization, accepting] = stacks.map((s) => s.json.resource as Record<string, Record<string, Record<string, unknown>>>);

describe("cross-account shares through AWS RAM", () => {
  it("accepts nothing for an account in the same Organization, and its links wait for nothing", () => {
    expect(sameOrganization!.aws_ram_resource_share_accepter).toBeUndefined();
    expect(sameOrganization!.aws_glue_catalog_database!.link_d00).toEqual({ name: "d00", catalog_id: "333333333333", target_database: { catalog_id: "111111111111", database_name: "d00" } });
  });

  it("accepts the declared share in the consumer account, and creates the resource links after it", () => {
    expect(accepting!.aws_ram_resource_share_accepter).toEqual({ ram_share_accepter: { share_arn: "arn:aws:ram:eu-west-1:111111111111:resource-share/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" } });
    expect(accepting!.aws_glue_catalog_database!.link_d00!.depends_on).toEqual(["aws_ram_resource_share_accepter.ram_share_accepter"]);
  });

  it("fails the consumer stack's plan, saying what to declare, when the organisation does not say how the account receives the share", async () => {
    const { crossAccountSharing: _, ...undeclared } = FIXTURE_ORGANISATION;
    const plain = await loadProject(writeFixtureOrganisation(1, undeclared));
    const [consumer] = await synthesizedStacks(plain, mkdtempSync(join(tmpdir(), "baikal-ram-")), ["consumer-333333333333-staging"]);
    const link = (consumer!.json.resource as Record<string, Record<string, Record<string, unknown>>>).aws_glue_catalog_database!.link_d00!;
    expect(link.lifecycle).toEqual({
      precondition: [{ condition: '${(local.ram_share_ram_share_state == "accepted")}', error_message: sharingMessages.notDeclared("333333333333", "111111111111", "eu-west-1") }],
    });
    expect(consumer!.json.locals).toEqual({ ram_share_ram_share_state: "not declared in baikal.config.ts" });
    expect(sharingMessages.notDeclared("333333333333", "111111111111", "eu-west-1")).toBe(
      "account 333333333333 receives account 111111111111's Lake Formation grants through an AWS RAM share, which it must accept unless both accounts are in one AWS Organization with RAM sharing enabled; until then its resource links and grants fail. " +
        'Declare crossAccountSharing["333333333333"] in baikal.config.ts: { sameOrganization: true }, or { ramShareArn: "<arn>" } once the producer\'s domain stacks are applied ' +
        "(aws ram get-resource-share-invitations --region eu-west-1, in account 333333333333, lists it) and this stack accepts it",
    );
  });

  it("fails when a declared share is not a RAM share ARN", async () => {
    const root = writeFixtureOrganisation(1, { ...FIXTURE_ORGANISATION, crossAccountSharing: { "555555555555": { ramShareArn: "share-123" } } });
    expect((await problemsOf(root)).filter((p) => p.includes("ramShareArn"))).toEqual([
      expect.stringMatching(/^baikal\.config\.ts:\d+:\d+: crossAccountSharing\.555555555555\.ramShareArn: use the share's ARN, "arn:aws:ram:<region>:<producer account>:resource-share\/<id>"$/),
    ]);
  });
});
