/**
 * What a preflight validator or rule reports: where in which stack, what AWS would refuse or do, and how to fix it.
 * `undecided` findings are checks that could not be made offline (a reference the checks cannot resolve, a service
 * without a model): they fail like any other, so nothing passes unseen.
 */
export interface Finding {
  /** `asl`, `jsonata`, `sdk-integration`, `iam`, or a rule's id. */
  readonly check: string;
  readonly stack: string;
  /** Terraform address, with the place inside it: `aws_sfn_state_machine.x States.Write.Arguments.Foo`. */
  readonly where: string;
  readonly message: string;
  readonly undecided?: boolean;
}

export const formatFinding = (f: Finding) => `${f.stack}: ${f.where}: [${f.check}] ${f.undecided ? "cannot decide offline: " : ""}${f.message}`;
