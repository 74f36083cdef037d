import { awsLimit } from "../limits/aws-limits.ts";
import { resolveString } from "../stack/references.ts";
import { resourcesOf } from "../stack/synthesized-stack.ts";
import type { Rule } from "./rule.ts";

export const lambdaPolicySize: Rule = {
  id: "lambda-policy-size",
  summary: "Every Lambda function's resource-based policy, the statements of its aws_lambda_permission resources, stays within Lambda's 20 KB",
  explanation:
    "Each aws_lambda_permission adds a statement to the function's one resource-based policy; past 20 KB, AddPermission fails at apply. Baikal lets every domain's transform-failures topic invoke the Slack function through one statement, so the policy does not grow with the organisation.",
  documentation: awsLimit("lambda-resource-policy").doc,
  equivalents: [],
  severity: "error",
  check(stack) {
    const max = awsLimit("lambda-resource-policy").max!;
    return resourcesOf(stack, "aws_lambda_function").flatMap(([name, fn]) => {
      const arn = `arn:aws:lambda:${stack.region}:${stack.accountId}:function:${String(fn.function_name)}`;
      // The statements as Lambda stores them (GetPolicy), one per permission naming this function.
      const statements = resourcesOf(stack, "aws_lambda_permission")
        .filter(([, p]) => resolveString(stack, String(p.function_name)).value === String(fn.function_name))
        .map(([, p]) => ({
          Sid: p.statement_id,
          Effect: "Allow",
          Principal: { Service: p.principal },
          Action: p.action,
          Resource: arn,
          Condition: {
            ...(p.source_arn ? { ArnLike: { "AWS:SourceArn": resolveString(stack, String(p.source_arn)).value } } : {}),
            ...(p.source_account ? { StringEquals: { "AWS:SourceAccount": p.source_account } } : {}),
          },
        }));
      const size = Buffer.byteLength(JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: statements }));
      return size > max ? [{ where: `aws_lambda_function.${name}`, message: `${String(fn.function_name)}'s resource-based policy would be ${size} bytes, over Lambda's ${max}` }] : [];
    });
  },
};
