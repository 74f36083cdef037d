import { randomUUID } from "node:crypto";
import { tableLocation } from "../declarations/table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import { GrantChain } from "../governance/lake-formation-grant.ts";
import { ATHENA_DEFAULT_DATABASE } from "../athena/workgroup-names.ts";
import {
  CloudwatchLogGroup,
  DataAwsIamPolicyDocument,
  IamRole,
  IamRolePolicy,
  type LakeformationPermissions,
  SchedulerSchedule,
  SfnStateMachine,
} from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { addScheduledStart, serviceTrust } from "./scheduled-start.ts";
import { bucketName, environment } from "../naming/names.ts";
import type { ResolvedTransform } from "./resolved-transform.ts";
import type { TransformAlerts } from "./transform-alerts.ts";
import { stateMachineDefinition, utcOffset } from "./state-machine-definition.ts";
import { runPermissions } from "./transform-permissions.ts";
import { STATE_MACHINE_LOG_LEVEL, stateMachineLogGroupName } from "./state-machine-logging.ts";
import { transformNames } from "./transform-names.ts";

export interface TransformJobProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly transform: ResolvedTransform;
  /** The domain's Athena workgroup, by name (it is created in the same stack). */
  readonly workgroup: string;
  /** Where failures are announced. */
  readonly alerts: TransformAlerts;
  /**
   * Resources that must exist before the machine runs, such as the target table and the workgroup.
   * @default []
   */
  readonly dependsOn?: readonly TerraformResource[];
  /** The domain's Glue tables by name: the run's Lake Formation grants are made on them. */
  readonly glueTables: ReadonlyMap<string, TerraformResource>;
  /** The platform key's ARN (CloudWatch Logs takes no alias): the machine's log group is encrypted with it. */
  readonly logKeyArn: string;
}

/**
 * One transform's machinery: a Step Functions state machine that clears and rewrites the target, tests it and
 * starts its dependents; the role it runs with; the log group its errors go to; and, when the transform has a
 * schedule, an EventBridge Scheduler schedule with a role that may start this machine and nothing else.
 */
export class TransformJob extends Construct {
  readonly stateMachine: SfnStateMachine;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  readonly schedule?: SchedulerSchedule;
  /** The last of this run's Lake Formation grants; the machine is created after it. */
  readonly lastGrant?: LakeformationPermissions;

  constructor(scope: Construct, id: string, props: TransformJobProps) {
    super(scope, id);
    const { organisation: org, environment: env, transform: t } = props;
    const { accountId } = environment(org, env);
    const topicArn = props.alerts.topicArn;
    // The definition names the topic by reference: until the topic exists the definition is unknown, and the
    // provider skips its plan-time ValidateStateMachineDefinition call, which an offline plan could not make.
    const topicPlaceholder = `alert-topic-${randomUUID()}`;
    const names = transformNames(org, env, t.domain, t.name);
    const dependentArns = t.dependents.map((d) => {
      const [domain, name] = d.split(".") as [string, string];
      return transformNames(org, env, domain, name).stateMachineArn;
    });

    this.role = new IamRole(this, "role", {
      name: names.runRole,
      description: terraformLiteral(`Runs transform ${t.id}: Athena in workgroup ${props.workgroup}, writes ${t.domain}.${t.target.name} only`),
      assumeRolePolicy: serviceTrust(this, "states.amazonaws.com", accountId).json,
    });
    const access = new DataAwsIamPolicyDocument(this, "access", {
      statement: runPermissions({ organisation: org, environment: env, transform: t, workgroup: props.workgroup, topicArn, dependentArns }),
    });
    const policy = new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "run-transform", policy: access.json });

    this.lastGrant = this.grantTables(props, accountId);

    // The prefix Step Functions' log delivery expects; created here so it has a retention and no run creates it.
    // Encrypted with the platform key, whose policy admits CloudWatch Logs for this account's log groups.
    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: stateMachineLogGroupName(names.stateMachine),
      retentionInDays: DEFAULTS.transformLogRetentionDays,
      kmsKeyId: props.logKeyArn,
    });

    const definition = stateMachineDefinition({
      transform: t,
      workgroup: props.workgroup,
      bucket: bucketName(org, env, "curated"),
      tablePrefix: `${t.domain}/${tableLocation(t.target)}`,
      topicArn: topicPlaceholder,
      dependentArns,
      utcOffset: utcOffset(t.declaration.schedule?.timezone ?? "UTC"),
    });
    this.stateMachine = new SfnStateMachine(this, MAIN_RESOURCE_ID, {
      name: names.stateMachine,
      roleArn: this.role.arn,
      type: "STANDARD",
      definition: definitionJson(definition, topicPlaceholder, props.alerts.topic.arn),
      // Errors only, without the states' input and output: they hold the SQL and the data tests' results.
      loggingConfiguration: { logDestination: `${this.logGroup.arn}:*`, level: STATE_MACHINE_LOG_LEVEL, includeExecutionData: false },
      // Step Functions checks at creation that the role may deliver logs, so the policy must be in place first.
      dependsOn: [props.alerts.topic, policy, ...(props.dependsOn ?? []), ...(this.lastGrant ? [this.lastGrant] : [])],
    });

    const schedule = t.declaration.schedule;
    if (!schedule) return;
    this.schedule = addScheduledStart(this, {
      targetArn: this.stateMachine.arn,
      accountId,
      schedule,
      roleName: names.schedulerRole,
      scheduleName: names.schedule,
      what: `transform ${t.id}`,
      scheduleDescription: `Runs transform ${t.id}`,
      sid: "StartThisTransformOnly",
      policyName: "start-transform",
    });
  }
  /**
   * Lake Formation governs reads and the INSERT itself: SELECT on the domain's own source tables, SELECT and
   * INSERT on the target. Another domain's tables are granted by that domain (its published tables and grants),
   * never from this stack. DESCRIBE on the domain's database, stated rather than implied (Lake Formation implies it
   * only for grants on all tables), and on `default`, which Athena describes before every query (Athena User Guide,
   * "The DESCRIBE permission is required on the default database"). Each grant waits for the role and the table,
   * and joins the stack's `GrantChain`.
   */
  private grantTables(props: TransformJobProps, catalogId: string): LakeformationPermissions | undefined {
    const t = props.transform;
    const own = [...new Set(t.sources.filter((s) => s.database === t.domain && s.table.name !== t.target.name).map((s) => s.table.name))];
    const grants: [string, string[]][] = [...own.map((name): [string, string[]] => [name, ["SELECT", "DESCRIBE"]]), [t.target.name, ["SELECT", "INSERT", "DESCRIBE"]]];
    const chain = GrantChain.of(this);
    let last: LakeformationPermissions | undefined;
    for (const database of [t.domain, ATHENA_DEFAULT_DATABASE]) {
      last = chain.add(this, `grant_database_${database}`, {
        catalogId,
        principal: this.role.arn,
        permissions: ["DESCRIBE"],
        database: { catalogId, name: database },
        dependsOn: [this.role],
      });
    }
    for (const [table, permissions] of grants) {
      const glueTable = props.glueTables.get(table);
      last = chain.add(this, `grant_${table}`, {
        catalogId,
        principal: this.role.arn,
        permissions,
        table: { catalogId, databaseName: t.domain, name: table },
        dependsOn: [this.role, ...(glueTable ? [glueTable] : [])],
      });
    }
    return last;
  }
}

/**
 * Built as an object and written as JSON; SQL and descriptions may hold "${", so the whole text is escaped for
 * Terraform, and only then is the one placeholder swapped for a reference (random, so no declared text has it).
 */
export function definitionJson(definition: Record<string, unknown>, placeholder: string, reference: string): string {
  const parts = terraformLiteral(JSON.stringify(definition)).split(placeholder);
  if (parts.length !== 2) throw new Error(`the state machine definition must name the alert topic once, found ${parts.length - 1}`);
  return parts.join(reference);
}
