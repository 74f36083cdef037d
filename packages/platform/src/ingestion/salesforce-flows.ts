import { DEFAULTS } from "../declarations/defaults.ts";
import { type AppflowSalesforceDeclaration, ingestionLocation } from "../declarations/ingestion.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { AppflowFlow } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { bucketName } from "../naming/names.ts";
import { salesforceFlowName } from "./ingestion-names.ts";

export interface SalesforceFlowsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: string;
  readonly ingestion: AppflowSalesforceDeclaration;
  /** The Glue tables the flows fill, by name, so each flow is created after its own table. @default - none */
  readonly tables?: ReadonlyMap<string, TerraformResource>;
  /**
   * The lake key's ARN. AppFlow takes a key ARN (API Reference, `CreateFlow.kmsArn`: "The ARN of the KMS key"), not
   * an alias: the domain stack's `KeyLookup` reads it from the alias.
   */
  readonly kmsKeyArn: string;
}

/** Parquet files of about this size; a day of a large object becomes several files AppFlow writes in parallel. */
export const TARGET_FILE_SIZE_MB = 128;
/** AppFlow's own syntax (no space before the unit), not EventBridge Scheduler's. */
export const FLOW_SCHEDULE = "rate(1days)";

/**
 * One Amazon AppFlow flow per Salesforce object (`aws_appflow_flow.<ingestion>_<table>`): every day it copies
 * every record of the declared fields to `s3://<raw bucket>/<domain>/<location><table>/<flow>/<yyyy>/<MM>/<dd>/`
 * as Parquet, each field renamed to its column. The connector profile, which holds the OAuth secrets, is made
 * outside Terraform and named in the declaration. AppFlow writes as its service principal, which the raw bucket's
 * policy lets in under this prefix (the platform stack adds that statement when a domain declares a flow).
 */
export class SalesforceFlows extends Construct {
  readonly flows: ReadonlyMap<string, AppflowFlow>;

  constructor(scope: Construct, id: string, props: SalesforceFlowsProps) {
    super(scope, id);
    const { organisation: org, environment: env, ingestion: i } = props;
    const flows = new Map<string, AppflowFlow>();
    for (const o of i.objects) {
      const fields = o.fields.map((f) => f.field);
      flows.set(
        o.table,
        new AppflowFlow(this, o.table, {
          name: salesforceFlowName(org, props.domain, o.table),
          description: terraformLiteral(`Copies Salesforce ${o.object} to ${props.domain}.${o.table} every day (ingestion ${i.name})`),
          kmsArn: props.kmsKeyArn,
          sourceFlowConfig: {
            connectorType: "Salesforce",
            connectorProfileName: i.connectorProfile,
            sourceConnectorProperties: { salesforce: { object: o.object, dataTransferApi: i.api ?? DEFAULTS.salesforceApi, includeDeletedRecords: false } },
          },
          destinationFlowConfig: [
            {
              connectorType: "S3",
              destinationConnectorProperties: {
                s3: {
                  bucketName: bucketName(org, env, "raw"),
                  bucketPrefix: `${props.domain}/${ingestionLocation(i)}${o.table}`,
                  s3OutputFormatConfig: {
                    fileType: "PARQUET",
                    // Numbers, booleans and dates keep their types instead of all becoming strings.
                    preserveSourceDataTyping: true,
                    // A folder per day (UTC), and one per run inside it so a second run of a day is easy to find.
                    prefixConfig: { prefixType: "PATH", prefixFormat: "DAY", prefixHierarchy: ["EXECUTION_ID"] },
                    aggregationConfig: { aggregationType: "SingleFile", targetFileSize: TARGET_FILE_SIZE_MB },
                  },
                },
              },
            },
          ],
          task: [
            // AppFlow needs the projection of the fields to read, then a mapping per field.
            { taskType: "Filter", sourceFields: fields, connectorOperator: [{ salesforce: "PROJECTION" }] },
            ...o.fields.map((f) => ({ taskType: "Map", sourceFields: [f.field], destinationField: f.name, connectorOperator: [{ salesforce: "NO_OP" }] })),
          ],
          // Each run copies every record, so each day is a complete snapshot of the object.
          triggerConfig: { triggerType: "Scheduled", triggerProperties: { scheduled: { scheduleExpression: FLOW_SCHEDULE, dataPullMode: "Complete" } } },
          dependsOn: [props.tables?.get(o.table)].filter((t): t is TerraformResource => t !== undefined),
        }),
      );
    }
    this.flows = flows;
  }
}
