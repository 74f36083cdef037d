import { randomUUID } from "node:crypto";
import { DEFAULTS } from "../declarations/defaults.ts";
import { ingestionLocation, type RdsSnapshotExportDeclaration } from "../declarations/ingestion.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { CloudwatchLogGroup, DataAwsIamPolicyDocument, IamRole, IamRolePolicy, SchedulerSchedule, SfnStateMachine } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { bucketName, environment, lakeKeyAlias } from "../naming/names.ts";
import { utcOffset } from "../transforms/state-machine-definition.ts";
import { STATE_MACHINE_LOG_LEVEL, stateMachineLogGroupName } from "../transforms/state-machine-logging.ts";
import type { TransformAlerts } from "../transforms/transform-alerts.ts";
import { definitionJson } from "../transforms/transform-job.ts";
import { addScheduledStart, serviceTrust } from "../transforms/scheduled-start.ts";
import { snapshotExportNames } from "./ingestion-names.ts";
import { snapshotExportDefinition } from "./snapshot-export-definition.ts";
import { snapshotExportRunPermissions, snapshotExportWritePermissions } from "./snapshot-export-permissions.ts";

export interface SnapshotExportProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: string;
  readonly ingestion: RdsSnapshotExportDeclaration;
  /** The domain's failure topic, shared with its transforms. */
  readonly alerts: TransformAlerts;
  /** The platform key's ARN: the machine's log group is encrypted with it. */
  readonly logKeyArn: string;
}

/**
 * A daily export of an RDS instance's or Aurora cluster's latest automated snapshot to Parquet in the raw zone.
 * Terraform has no resource that starts an export, so a Step Functions state machine does it with AWS SDK
 * integrations, started by EventBridge Scheduler. Three roles, each for one party: RDS writes the files with the
 * export role, the machine starts and follows the export with its run role, the scheduler starts the machine.
 */
export class SnapshotExport extends Construct {
  readonly stateMachine: SfnStateMachine;
  readonly role: IamRole;
  readonly exportRole: IamRole;
  readonly schedule: SchedulerSchedule;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: SnapshotExportProps) {
    super(scope, id);
    const { organisation: org, environment: env, ingestion: i } = props;
    const { region, accountId } = environment(org, env);
    const names = snapshotExportNames(org, props.domain, i.name);
    const label = `${props.domain}.${i.name}`;
    const s3Prefix = `${props.domain}/${ingestionLocation(i)}`.replace(/\/+$/, "");
    const exportRoleArn = `arn:aws:iam::${accountId}:role/${names.exportRole}`;
    const permissions = { organisation: org, environment: env, ingestion: i, s3Prefix, exportRoleArn, topicArn: props.alerts.topicArn };

    this.exportRole = new IamRole(this, "export_role", {
      name: names.exportRole,
      description: terraformLiteral(`RDS writes the snapshot exports of ingestion ${label} with this role, under s3://${bucketName(org, env, "raw")}/${s3Prefix}/ only`),
      assumeRolePolicy: serviceTrust(this, "export.rds.amazonaws.com", accountId).json,
    });
    const writes = new DataAwsIamPolicyDocument(this, "export_access", { statement: snapshotExportWritePermissions(permissions) });
    const exportPolicy = new IamRolePolicy(this, "export_access_policy", { role: this.exportRole.id, name: "write-export", policy: writes.json });

    this.role = new IamRole(this, "role", {
      name: names.runRole,
      description: terraformLiteral(`Runs ingestion ${label}: finds the latest snapshot, starts and follows its export`),
      assumeRolePolicy: serviceTrust(this, "states.amazonaws.com", accountId).json,
    });
    const run = new DataAwsIamPolicyDocument(this, "access", { statement: snapshotExportRunPermissions(permissions) });
    const runPolicy = new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "run-export", policy: run.json });

    // As for transforms: the topic by reference keeps the definition unknown until the topic exists, so an offline
    // plan never calls ValidateStateMachineDefinition.
    const topicPlaceholder = `alert-topic-${randomUUID()}`;
    const schedule = i.schedule ?? DEFAULTS.ingestionExportSchedule;
    const definition = snapshotExportDefinition({
      id: label,
      ingestion: i,
      bucket: bucketName(org, env, "raw"),
      s3Prefix,
      exportTaskPrefix: names.exportTaskPrefix,
      exportRoleArn,
      // RDS takes an alias ARN here ("the key ARN, key ID, alias ARN, or alias name", API Reference), unlike AppFlow.
      kmsKeyId: `arn:aws:kms:${region}:${accountId}:${lakeKeyAlias(org)}`,
      topicArn: topicPlaceholder,
      utcOffset: utcOffset(schedule.timezone),
    });
    // Like a transform's: errors only, without execution data, to a group of its own under the platform key.
    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: stateMachineLogGroupName(names.stateMachine),
      retentionInDays: DEFAULTS.transformLogRetentionDays,
      kmsKeyId: props.logKeyArn,
    });
    this.stateMachine = new SfnStateMachine(this, MAIN_RESOURCE_ID, {
      name: names.stateMachine,
      roleArn: this.role.arn,
      type: "STANDARD",
      definition: definitionJson(definition, topicPlaceholder, props.alerts.topic.arn),
      loggingConfiguration: { logDestination: `${this.logGroup.arn}:*`, level: STATE_MACHINE_LOG_LEVEL, includeExecutionData: false },
      // Step Functions checks at creation that the role may deliver logs, so the policy must be in place first.
      dependsOn: [props.alerts.topic, exportPolicy, runPolicy],
    });

    this.schedule = addScheduledStart(this, {
      targetArn: this.stateMachine.arn,
      accountId,
      schedule,
      roleName: names.schedulerRole,
      scheduleName: names.schedule,
      what: `ingestion ${label}`,
      scheduleDescription: `Exports ${i.source.cluster ?? i.source.instance} for ingestion ${label}`,
      sid: "StartThisExportOnly",
      policyName: "start-export",
    });
  }
}
