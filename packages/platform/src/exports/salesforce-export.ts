import { randomUUID } from "node:crypto";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { SalesforceExportDeclaration } from "../declarations/export.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { AppflowFlow, CloudwatchLogGroup, DataAwsIamPolicyDocument, IamRole, IamRolePolicy, SchedulerSchedule, SfnStateMachine } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { bucketName, environment } from "../naming/names.ts";
import type { TransformAlerts } from "../transforms/transform-alerts.ts";
import { definitionJson } from "../transforms/transform-job.ts";
import { addScheduledStart, serviceTrust } from "../transforms/scheduled-start.ts";
import { stateMachineLogGroupName } from "../transforms/state-machine-logging.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import type { ExportKeys } from "./domain-exports.ts";
import { exportErrorPrefix, exportNames, exportStagingPrefix } from "./export-names.ts";
import { salesforceRunStatements, viewQueryStatements } from "./export-permissions.ts";
import { salesforceExportDefinition } from "./salesforce-export-definition.ts";

export interface SalesforceExportProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: string;
  readonly export: SalesforceExportDeclaration;
  readonly view: ResolvedView;
  readonly views: readonly ResolvedView[];
  readonly workgroup: string;
  readonly alerts: TransformAlerts;
  readonly keys: ExportKeys;
  /** The view's Glue table and the workgroup: the machine is created after them. @default [] */
  readonly dependsOn?: readonly TerraformResource[];
}

/**
 * A view upserted or inserted into a Salesforce object on a schedule. Terraform cannot start an AppFlow run, and
 * AppFlow cannot read Athena, so a Step Functions state machine (started by EventBridge Scheduler) stages the view's
 * mapped columns with Athena `UNLOAD` and starts an on-demand flow from that folder to Salesforce, then follows it.
 * The machine's role is the export's reader: its Lake Formation grants come from the grants compiler.
 */
export class SalesforceExport extends Construct {
  readonly role: IamRole;
  readonly flow: AppflowFlow;
  readonly stateMachine: SfnStateMachine;
  readonly schedule: SchedulerSchedule;

  constructor(scope: Construct, id: string, props: SalesforceExportProps) {
    super(scope, id);
    const { organisation: org, environment: env, export: e } = props;
    const { accountId } = environment(org, env);
    const names = exportNames(org, env, props.domain, e.name);
    const label = `${props.domain}.${e.name}`;
    const destination = e.destination;
    const stagingBucket = bucketName(org, env, "query-results");
    const stagingPrefix = exportStagingPrefix(props.domain, e.name);
    const rawBucket = bucketName(org, env, "raw");
    const errorPrefix = exportErrorPrefix(props.domain, e.name);

    this.flow = new AppflowFlow(this, "flow", {
      name: names.flow,
      description: terraformLiteral(`Sends ${props.domain}.${e.view} to Salesforce ${destination.object} when export ${label} starts it`),
      // The lake key by alias, as the domain stack cannot read the key's ARN from the platform stack.
      // A key ARN: AppFlow creates a grant on the key, which an alias cannot name.
      kmsArn: props.keys.lakeKeyArn,
      sourceFlowConfig: {
        connectorType: "S3",
        sourceConnectorProperties: { s3: { bucketName: stagingBucket, bucketPrefix: stagingPrefix, s3InputFormatConfig: { s3InputFileType: "JSON" } } },
      },
      destinationFlowConfig: [
        {
          connectorType: "Salesforce",
          connectorProfileName: destination.connectorProfile,
          destinationConnectorProperties: {
            salesforce: {
              object: destination.object,
              writeOperationType: destination.operation === "upsert" ? "UPSERT" : "INSERT",
              ...(destination.operation === "upsert" ? { idFieldNames: [destination.externalIdField!] } : {}),
              // Every record is tried; those Salesforce rejects land in the lake and are counted in the failure alert.
              errorHandlingConfig: { bucketName: rawBucket, bucketPrefix: errorPrefix.replace(/\/$/, ""), failOnFirstDestinationError: false },
            },
          },
        },
      ],
      task: [
        // AppFlow needs the projection of the source fields, then one mapping per field.
        { taskType: "Filter", sourceFields: Object.keys(destination.mapping), connectorOperator: [{ s3: "PROJECTION" }] },
        ...Object.entries(destination.mapping).map(([column, field]) => ({
          taskType: "Map",
          sourceFields: [column],
          destinationField: field,
          connectorOperator: [{ s3: "NO_OP" }],
        })),
      ],
      // Started by the state machine only, once the staging folder holds this run's rows.
      triggerConfig: { triggerType: "OnDemand" },
    });

    this.role = new IamRole(this, "role", {
      name: names.role,
      description: terraformLiteral(`Runs export ${label}: reads ${props.domain}.${e.view} through Lake Formation, stages it and starts its flow`),
      assumeRolePolicy: serviceTrust(this, "states.amazonaws.com", accountId).json,
    });
    const access = new DataAwsIamPolicyDocument(this, "access", {
      statement: [
        ...viewQueryStatements({ organisation: org, environment: env, view: props.view, views: props.views, workgroup: props.workgroup, topicArn: props.alerts.topicArn }),
        ...salesforceRunStatements({ organisation: org, environment: env, stateMachineArn: names.stateMachineArn, stagingPrefix, flowName: names.flow }),
      ],
    });
    const policy = new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "run-export", policy: access.json });

    // Errors only, without the states' input and output: they hold the view's SQL and the flow's counts.
    const logGroup = new CloudwatchLogGroup(this, "logs", {
      name: stateMachineLogGroupName(names.stateMachine),
      retentionInDays: DEFAULTS.exportLogRetentionDays,
      kmsKeyId: props.keys.platformKeyArn,
    });
    // As for transforms: the topic by reference keeps the definition unknown until the topic exists, so an offline
    // plan never calls ValidateStateMachineDefinition.
    const topicPlaceholder = `alert-topic-${randomUUID()}`;
    const definition = salesforceExportDefinition({
      id: label,
      export: e,
      domain: props.domain,
      workgroup: props.workgroup,
      stagingBucket,
      stagingPrefix,
      flowName: names.flow,
      errorLocation: `s3://${rawBucket}/${errorPrefix}`,
      topicArn: topicPlaceholder,
    });
    this.stateMachine = new SfnStateMachine(this, MAIN_RESOURCE_ID, {
      name: names.stateMachine,
      roleArn: this.role.arn,
      type: "STANDARD",
      definition: definitionJson(definition, topicPlaceholder, props.alerts.topic.arn),
      loggingConfiguration: { logDestination: `${logGroup.arn}:*`, level: "ERROR", includeExecutionData: false },
      dependsOn: [props.alerts.topic, policy, this.flow, ...(props.dependsOn ?? [])],
    });

    this.schedule = addScheduledStart(this, {
      targetArn: this.stateMachine.arn,
      accountId,
      schedule: e.schedule,
      roleName: names.schedulerRole,
      scheduleName: names.schedule,
      what: `export ${label}`,
      scheduleDescription: `Sends ${props.domain}.${e.view} to Salesforce ${destination.object} (export ${label})`,
      sid: "StartThisExportOnly",
      policyName: "start-export",
    });
  }
}
