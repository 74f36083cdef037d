/**
 * Baikal's own checks of synthesized stacks, in the style of cdk-nag: one small, pure rule per file, each saying what
 * it checks, why, where AWS documents it, and which checkov or cdk-nag rule it corresponds to (and where Baikal
 * deliberately differs). Findings can be suppressed only in preflight-suppressions.json, each with a reason.
 */
import type { OrganisationDeclaration } from "../../declarations/organisation.ts";
import type { SynthesizedStack } from "../stack/synthesized-stack.ts";

export interface RuleContext {
  readonly organisation: OrganisationDeclaration;
}

/** One place a rule objects to: a Terraform address and what is wrong there. */
export interface RuleViolation {
  /** `aws_lambda_function.cost_monitor_event`, or a policy statement's place. */
  readonly where: string;
  readonly message: string;
}

export interface Rule {
  /** Stable, kebab-case: suppressions name it. */
  readonly id: string;
  /** One line: what must hold. */
  readonly summary: string;
  /** Why: what AWS would refuse or do otherwise. */
  readonly explanation: string;
  /** The AWS page that documents it. */
  readonly documentation: string;
  /** Corresponding checkov and cdk-nag rules, and how Baikal differs from them where it does. @default [] */
  readonly equivalents: readonly string[];
  /** A warning is listed but does not fail `check`, `synth` or `plan`. */
  readonly severity: "error" | "warning";
  check(stack: SynthesizedStack, context: RuleContext): RuleViolation[];
}
