/**
 * The validators that carry AWS's own rules, run by the test suite over every synthesized stack: the States
 * language (asl-validator), JSONata evaluated on sample inputs, the service models of the AWS SDK, and the IAM catalog.
 */
import type { SynthesizedStack } from "../stack/synthesized-stack.ts";
import { validateStateMachineLanguage } from "./asl.ts";
import type { Finding } from "./finding.ts";
import { validateIamPolicies } from "./iam-catalog.ts";
import { validateJsonata } from "./jsonata-evaluation.ts";
import { validateSdkIntegrations } from "./sdk-integrations.ts";

export { formatFinding, type Finding } from "./finding.ts";
export { preflightMessages } from "./messages.ts";
export { validateIamPolicies, validateJsonata, validateSdkIntegrations, validateStateMachineLanguage };

/** Every validator over every stack; state machines that start each other are evaluated together. */
export async function validateStacks(stacks: readonly SynthesizedStack[]): Promise<Finding[]> {
  const findings = [...stacks.flatMap(validateStateMachineLanguage), ...stacks.flatMap(validateSdkIntegrations), ...(await validateJsonata(stacks))];
  for (const stack of stacks) findings.push(...(await validateIamPolicies(stack)));
  return findings;
}
