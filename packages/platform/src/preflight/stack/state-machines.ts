import { resolveString } from "./references.ts";
import { type Address, resourcesOf, type SynthesizedStack } from "./synthesized-stack.ts";

/** One state machine of a stack, its definition as Step Functions will receive it. */
export interface StateMachine {
  readonly address: Address;
  readonly name: string;
  /** The parsed definition, or undefined when it is not JSON once resolved (`parseError` says why). */
  readonly definition?: StateMachineDefinition;
  readonly parseError?: string;
  /** References in the definition that could not be resolved offline. */
  readonly unresolved: readonly string[];
}

export interface StateMachineDefinition {
  readonly StartAt: string;
  readonly States: Record<string, State>;
  readonly QueryLanguage?: string;
  readonly [key: string]: unknown;
}

export type State = Record<string, unknown> & { readonly Type: string };

/** Every `aws_sfn_state_machine` with its definition resolved: references to topics and roles become their ARNs. */
export function stateMachinesOf(stack: SynthesizedStack): StateMachine[] {
  return resourcesOf(stack, "aws_sfn_state_machine").map(([name, block]): StateMachine => {
    const address = { type: "aws_sfn_state_machine", name };
    // The values land inside JSON strings of the definition: encode them as JSON string content.
    const { value, unresolved } = resolveString(stack, String(block.definition ?? ""), (v) => JSON.stringify(v).slice(1, -1));
    try {
      return { address, name: String(block.name), definition: JSON.parse(value) as StateMachineDefinition, unresolved };
    } catch (error) {
      return { address, name: String(block.name), parseError: (error as Error).message, unresolved };
    }
  });
}
