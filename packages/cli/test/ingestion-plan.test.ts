import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SALESFORCE, withIngestions } from "../../platform/test/ingestion-support.ts";
import { configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { baikal, type CliRun } from "./support.ts";

/**
 * The Newsly fixture holds an RDS snapshot export (see plan.test.ts); this plans the other template, a Salesforce flow,
 * with Terraform and the real provider, offline: the flows in the domain stack, and the raw bucket's policy in the
 * platform stack that lets AppFlow write under the flow's prefix.
 */
const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(withIngestions(SALESFORCE)) });
let run: CliRun;

function planned(stack: string, address: string): Record<string, unknown> {
  const plan = JSON.parse(readFileSync(join(root, "out", "stacks", stack, "plan.json"), "utf8")) as {
    planned_values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } };
  };
  const found = plan.planned_values.root_module.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${address} is not in the plan of ${stack}`);
  return found.values;
}

describe("baikal plan with a Salesforce ingestion", () => {
  beforeAll(() => {
    run = baikal(["plan", "platform-staging", "domain-web-staging", "--full-json", "--outdir", join(root, "out")], root);
    if (run.code !== 0) console.error(run.stdout, run.stderr);
  });

  it("plans a scheduled flow per object and the raw bucket policy that lets AppFlow write under its prefix", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 of 2 stacks planned");
    expect(planned("domain-web-staging", "aws_appflow_flow.ingestion_salesforce_sf_opportunities")).toMatchObject({
      name: "acme-web-sf_opportunities",
      trigger_config: [{ trigger_type: "Scheduled", trigger_properties: [{ scheduled: [{ schedule_expression: "rate(1days)" }] }] }],
    });
    // The policy names the bucket by reference, so it is known only at apply; its statements are read from the synthesized stack.
    const synthesized = JSON.parse(readFileSync(join(root, "out", "stacks", "platform-staging", "cdk.tf.json"), "utf8")) as {
      data: { aws_iam_policy_document: Record<string, { statement: { sid?: string; resources: string[] }[] }> };
    };
    const statements = synthesized.data.aws_iam_policy_document.lake_raw_policy_document!.statement;
    expect(statements.find((s) => s.sid === "AllowAppFlowToWriteIngestionPrefixes")?.resources).toEqual(["arn:aws:s3:::acme-staging-raw-111111111111/web/salesforce/*"]);
  });
});
