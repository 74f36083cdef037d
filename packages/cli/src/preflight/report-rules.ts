import { formatProblem, type Problem } from "@baikal/platform/project";
import type { RuleFinding } from "@baikal/platform/preflight";

export interface RuleReport {
  readonly findings: readonly RuleFinding[];
  readonly suppressed: readonly { readonly finding: RuleFinding; readonly reason: string }[];
  readonly problems: readonly Problem[];
}

/**
 * The lines `check`, `synth` and `plan` print for Baikal's rules: each finding with its rule, the rule's reason and
 * its AWS page, the suppression file's problems, and a count. Returns whether anything must fail the command.
 */
export async function reportRules(report: RuleReport, write: (line: string) => void): Promise<boolean> {
  const { formatRuleFinding, SUPPRESSIONS_FILE } = await import("@baikal/platform/preflight");
  for (const finding of report.findings) write(formatRuleFinding(finding));
  for (const problem of report.problems) write(formatProblem(problem));
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.length - errors;
  if (errors > 0 || report.problems.length > 0) {
    write(
      `${errors} rule finding${errors === 1 ? "" : "s"}${warnings > 0 ? ` and ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}` +
        `${report.problems.length > 0 ? `, ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} in ${SUPPRESSIONS_FILE}` : ""}; ` +
        `fix them, or suppress a finding in ${SUPPRESSIONS_FILE} with the reason it does not apply`,
    );
    return true;
  }
  return false;
}
