import { DataAwsIamPolicyDocument, IamRole, IamRolePolicy, type KmsKey, type LambdaFunction, SchedulerSchedule, type SqsQueue } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";

export interface SweepScheduleProps {
  readonly scheduleName: string;
  readonly roleName: string;
  /** `rate(...)` or `cron(...)`. */
  readonly scheduleExpression: string;
  readonly target: LambdaFunction;
  readonly accountId: string;
  readonly region: string;
  /** Invocations the scheduler could not make go here. */
  readonly deadLetterQueue: SqsQueue;
  /** The queue's key (the platform key). */
  readonly key: KmsKey;
}

/** A run not started within this window is dropped: the next one, minutes later, covers the same queries. */
const MAXIMUM_EVENT_AGE_SECONDS = 600;

/**
 * Runs the sweep on a schedule with EventBridge Scheduler rather than a scheduled EventBridge rule: the
 * scheduler invokes through a role of its own that may invoke this one function and nothing else (a rule would
 * need a resource policy on the function instead), and it has its own retry policy and dead-letter queue.
 */
export class SweepSchedule extends Construct {
  readonly schedule: SchedulerSchedule;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: SweepScheduleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["scheduler.amazonaws.com"] }],
          // Only schedules of this account may use the role (confused-deputy protection).
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [props.accountId] }],
        },
      ],
    });
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: "EventBridge Scheduler invokes the Athena cost sweep with this role",
      assumeRolePolicy: trust.json,
    });
    const access = new DataAwsIamPolicyDocument(this, "access", {
      statement: [
        { sid: "InvokeTheSweep", actions: ["lambda:InvokeFunction"], resources: [props.target.arn] },
        // The scheduler writes to its dead-letter queue with this role.
        { sid: "SendUndeliveredRunsToDeadLetterQueue", actions: ["sqs:SendMessage"], resources: [props.deadLetterQueue.arn] },
        {
          sid: "EncryptUndeliveredRunsThroughSqs",
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: [props.key.arn],
          condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`sqs.${props.region}.amazonaws.com`] }],
        },
      ],
    });
    new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "invoke-sweep", policy: access.json });

    this.schedule = new SchedulerSchedule(this, MAIN_RESOURCE_ID, {
      name: props.scheduleName,
      description: "Prices Athena queries whose EventBridge event never arrived",
      scheduleExpression: props.scheduleExpression,
      flexibleTimeWindow: { mode: "OFF" },
      target: {
        arn: props.target.arn,
        roleArn: this.role.arn,
        retryPolicy: { maximumEventAgeInSeconds: MAXIMUM_EVENT_AGE_SECONDS, maximumRetryAttempts: 2 },
        deadLetterConfig: { arn: props.deadLetterQueue.arn },
      },
    });
  }
}
