import { costMonitorNames } from "../../cost-monitor/cost-monitor-names.ts";
import { resourcesOf } from "../stack/synthesized-stack.ts";
import type { Rule } from "./rule.ts";

export const reservedConcurrencyOnlyWhenConfigured: Rule = {
  id: "lambda-reserved-concurrency",
  summary: "No Lambda function reserves concurrency unless baikal.config.ts asks for it (costMonitor.reservedConcurrency)",
  explanation:
    "Lambda keeps 100 executions of an account unreserved, so an account whose concurrency quota is still 10 (every new account) rejects any reservation and the apply fails. Reservations are opt-in, with the value the organisation configured.",
  documentation: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html",
  equivalents: [
    "checkov CKV_AWS_115 and cdk-nag NIST.800.53.R5-LambdaConcurrency ask for the opposite, a function-level limit on every function; Baikal reserves only when configured, since a reservation fails on new accounts",
  ],
  severity: "error",
  check(stack, { organisation }) {
    const names = costMonitorNames(organisation);
    const configured = organisation.costMonitor?.reservedConcurrency ?? {};
    const allowed = new Map<string, number | undefined>([
      [names.eventFunction, configured.event],
      [names.sweepFunction, configured.sweep],
      [names.transformAlertsFunction, configured.transformAlerts],
    ]);
    return resourcesOf(stack, "aws_lambda_function")
      .filter(([, fn]) => fn.reserved_concurrent_executions !== undefined && fn.reserved_concurrent_executions !== -1)
      .filter(([, fn]) => allowed.get(String(fn.function_name)) !== fn.reserved_concurrent_executions)
      .map(([name, fn]) => ({
        where: `aws_lambda_function.${name}`,
        message: `${String(fn.function_name)} reserves ${String(fn.reserved_concurrent_executions)} executions, which baikal.config.ts does not configure`,
      }));
  },
};
