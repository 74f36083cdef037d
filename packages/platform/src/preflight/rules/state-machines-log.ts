import { resourcesOf } from "../stack/synthesized-stack.ts";
import { valueAt } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const stateMachinesLog: Rule = {
  id: "state-machine-logging",
  summary: "Every state machine logs its errors to a CloudWatch Logs group",
  explanation:
    "Without a logging configuration a failed execution leaves only its history, kept 90 days and not searchable across executions. Baikal logs ERROR without execution data: the states' inputs and outputs hold SQL and test results.",
  documentation: "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
  equivalents: ["checkov CKV_AWS_285", "cdk-nag AwsSolutions-SF1 (asks for ALL events; Baikal logs errors only, without execution data)"],
  severity: "error",
  check: (stack) =>
    resourcesOf(stack, "aws_sfn_state_machine").flatMap(([name, machine]) => {
      const level = valueAt(machine, ["logging_configuration", "level"]);
      const destination = valueAt(machine, ["logging_configuration", "log_destination"]);
      if (typeof destination === "string" && (level === "ERROR" || level === "ALL" || level === "FATAL")) return [];
      return [{ where: `aws_sfn_state_machine.${name}`, message: `${String(machine.name)} logs nothing (level ${String(level ?? "OFF")}, destination ${String(destination ?? "none")})` }];
    }),
};
