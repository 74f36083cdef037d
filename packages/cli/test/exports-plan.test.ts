import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportProjectRoot, SALESFORCE_EXPORT, SHEETS_EXPORT, shopWith } from "../../platform/test/exports-support.ts";
import { baikal, type CliRun } from "./support.ts";

/**
 * Both kinds of export planned with Terraform and the real provider, offline, on the test organisation: the Sheets
 * function with its zipped bundle, secret and schedule, the Salesforce flow and state machine, the grants to both roles
 * in the two stacks their view reads, and the platform's bucket policies that let AppFlow in.
 */
const root = exportProjectRoot(shopWith(SHEETS_EXPORT, SALESFORCE_EXPORT));
const stacks = ["platform-staging", "domain-shop-staging", "domain-catalog-staging"];
let run: CliRun;

function planned(stack: string, address: string): Record<string, unknown> {
  const plan = JSON.parse(readFileSync(join(root, "out", "stacks", stack, "plan.json"), "utf8")) as {
    planned_values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } };
  };
  const found = plan.planned_values.root_module.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${address} is not in the plan of ${stack}`);
  return found.values;
}

describe("baikal plan with a Google Sheets and a Salesforce export", () => {
  beforeAll(() => {
    // --full-json: plan.json is terraform show -json, planned values included.
    run = baikal(["plan", ...stacks, "--full-json", "--outdir", join(root, "out")], root);
    if (run.code !== 0) console.error(run.stdout, run.stderr);
  });

  it("validates and plans every stack the exports touch", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3 of 3 stacks planned");
  });

  it("plans the Sheets function from its zipped bundle, the secret without a value and the schedule", () => {
    expect(planned("domain-shop-staging", "aws_lambda_function.export_sales_sheet")).toMatchObject({
      function_name: "acme-shop-sales_sheet-export",
      handler: "index.handler",
      runtime: "nodejs20.x",
      filename: expect.stringMatching(/archive\.zip$/),
    });
    expect(planned("domain-shop-staging", "aws_secretsmanager_secret.sheets_service_account")).toMatchObject({ name: "acme/shop/google-sheets-service-account" });
    expect(planned("domain-shop-staging", "aws_scheduler_schedule.export_sales_sheet_schedule")).toMatchObject({ schedule_expression: "cron(0 7 * * ? *)" });
  });

  it("plans the on-demand flow and the state machine of the Salesforce export", () => {
    expect(planned("domain-shop-staging", "aws_appflow_flow.export_sales_crm_flow")).toMatchObject({
      name: "acme-shop-sales_crm-export",
      trigger_config: [{ trigger_type: "OnDemand" }],
      destination_flow_config: [{ connector_type: "Salesforce", destination_connector_properties: [{ salesforce: [{ write_operation_type: "UPSERT", id_field_names: ["Sales_Key__c"] }] }] }],
    });
    expect(planned("domain-shop-staging", "aws_sfn_state_machine.export_sales_crm")).toMatchObject({ name: "acme-shop-sales_crm-export", type: "STANDARD" });
  });

  it("plans the grants of the view's lineage to the exports' roles, also in the stack of the domain the view reads", () => {
    expect(planned("domain-catalog-staging", "aws_lakeformation_permissions.grant_export-shop-sales_sheet_products")).toMatchObject({
      principal: "arn:aws:iam::111111111111:role/acme-shop-sales_sheet-export",
      // A set: Terraform plans it sorted.
      table_with_columns: [{ database_name: "catalog", name: "products", column_names: ["category", "product_id"] }],
    });
  });
});
