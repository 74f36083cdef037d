import { createRequire } from "node:module";
import { formatAddress, type SynthesizedStack } from "../stack/synthesized-stack.ts";
import { stateMachinesOf } from "../stack/state-machines.ts";
import type { Finding } from "./finding.ts";

type AslError = { "Error code"?: string; Message?: string; message?: string };
type AslValidator = (definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }) => { isValid: boolean; errors: AslError[] };
const aslValidator = createRequire(import.meta.url)("asl-validator") as AslValidator;

/**
 * Every state machine definition through `asl-validator` (the Amazon States Language's JSON schemas, JSONata
 * included, and its checks of transitions, terminal states and duplicate names), after Terraform references are
 * resolved as AWS will see them.
 */
export function validateStateMachineLanguage(stack: SynthesizedStack): Finding[] {
  const findings: Finding[] = [];
  for (const machine of stateMachinesOf(stack)) {
    const where = formatAddress(machine.address);
    for (const ref of machine.unresolved) findings.push({ check: "asl", stack: stack.name, where, message: `the definition refers to ${ref}, which has no value offline`, undecided: true });
    if (!machine.definition) {
      findings.push({ check: "asl", stack: stack.name, where, message: `the definition is not JSON: ${machine.parseError}` });
      continue;
    }
    // asl-validator fills in QueryLanguage on the states it is given: hand it a copy.
    const result = aslValidator(structuredClone(machine.definition), { checkPaths: true, checkArn: true });
    for (const error of result.isValid ? [] : result.errors) {
      const text = error["Error code"] ? `${error["Error code"]}: ${error.Message}` : (error.message ?? JSON.stringify(error));
      findings.push({ check: "asl", stack: stack.name, where, message: `Amazon States Language: ${text}` });
    }
  }
  return findings;
}
