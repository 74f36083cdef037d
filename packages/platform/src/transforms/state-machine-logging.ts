import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";

/** Errors only, without the states' input and output: they hold SQL, test results and source names. */
export const STATE_MACHINE_LOG_LEVEL = "ERROR";

/** The log group Step Functions' vended-log delivery writes a machine's log to. */
export const stateMachineLogGroupName = (stateMachine: string) => `/aws/vendedlogs/states/${stateMachine}`;

/**
 * What a machine's role needs so Step Functions can deliver its log through CloudWatch Logs' vended-log delivery.
 * These actions support no resource-level permissions, so AWS requires "*" (Step Functions Developer Guide,
 * "IAM Policies for logging to CloudWatch Logs").
 */
export function stateMachineLogDelivery(): DataAwsIamPolicyDocumentStatement {
  return {
    sid: "DeliverStateMachineLogs",
    actions: [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
      "logs:PutResourcePolicy",
      "logs:DescribeResourcePolicies",
      "logs:DescribeLogGroups",
    ],
    resources: ["*"],
  };
}
