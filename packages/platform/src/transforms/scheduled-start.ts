/**
 * What transforms, ingestions and exports share to run on a schedule: roles that only this account's services may
 * assume, and an EventBridge Scheduler schedule whose role may start one state machine (or invoke one function) and
 * nothing else.
 * Resources are added straight into `scope`, so their addresses read `<job>_scheduler_role`, `<job>_schedule`.
 */
import { DataAwsIamPolicyDocument, IamRole, IamRolePolicy, SchedulerSchedule } from "../iac/aws.ts";
import type { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";

/** Runs whose start slipped by more than this are dropped; the next day's run, or a backfill, covers the date. */
const MAXIMUM_EVENT_AGE_SECONDS = 3600;

/** A trust policy for `service`, limited to this account's resources (confused-deputy protection); id `<service>_trust`. */
export function serviceTrust(scope: Construct, service: string, accountId: string): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, `${service.split(".")[0]}_trust`, {
    statement: [
      {
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: [service] }],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] }],
      },
    ],
  });
}

export interface ScheduledStartProps {
  /** The state machine or Lambda function the schedule starts. */
  readonly targetArn: string;
  /** What the scheduler's role may do on it. @default "states:StartExecution" */
  readonly targetAction?: "states:StartExecution" | "lambda:InvokeFunction";
  readonly accountId: string;
  readonly schedule: { readonly expression: string; readonly timezone?: string };
  readonly roleName: string;
  readonly scheduleName: string;
  /** What is started, for descriptions: `transform news.article_view_facts`. */
  readonly what: string;
  readonly scheduleDescription: string;
  /** Statement id and inline policy name of the scheduler's permission. */
  readonly sid: string;
  readonly policyName: string;
}

export function addScheduledStart(scope: Construct, props: ScheduledStartProps): SchedulerSchedule {
  const role = new IamRole(scope, "scheduler_role", {
    name: props.roleName,
    description: terraformLiteral(`EventBridge Scheduler starts ${props.what} with this role`),
    assumeRolePolicy: serviceTrust(scope, "scheduler.amazonaws.com", props.accountId).json,
  });
  const start = new DataAwsIamPolicyDocument(scope, "scheduler_access", {
    statement: [{ sid: props.sid, actions: [props.targetAction ?? "states:StartExecution"], resources: [props.targetArn] }],
  });
  new IamRolePolicy(scope, "scheduler_access_policy", { role: role.id, name: props.policyName, policy: start.json });
  return new SchedulerSchedule(scope, "schedule", {
    name: props.scheduleName,
    description: terraformLiteral(props.scheduleDescription),
    scheduleExpression: props.schedule.expression,
    scheduleExpressionTimezone: props.schedule.timezone,
    flexibleTimeWindow: { mode: "OFF" },
    target: {
      arn: props.targetArn,
      roleArn: role.arn,
      // The scheduler fills in the scheduled instant; a machine turns it into the day of the run.
      input: JSON.stringify({ scheduled_time: "<aws.scheduler.scheduled-time>" }),
      retryPolicy: { maximumEventAgeInSeconds: MAXIMUM_EVENT_AGE_SECONDS, maximumRetryAttempts: 3 },
    },
  });
}
