import { DeclarationError, formatUntypedOutputColumn, loadProject, type Project, stackNames, untypedOutputColumns } from "@baikal/platform/project";
import { reportRules, type RuleReport } from "../preflight/report-rules.ts";
import { type CheckCounts, type CheckFormat, checkJson, githubAnnotation, githubRuleAnnotation, githubUntypedNotice } from "../report/problem-formats.ts";

export interface CheckOptions {
  /** Keep running and check again after every change under domains/ or to baikal.config.ts. */
  readonly watch?: boolean;
  /** text: one line per problem; json: one document; github: GitHub Actions annotations. @default "text" */
  readonly format?: CheckFormat;
  /** Also list every output column whose type the analysis could not infer (text; json always has them). */
  readonly explain?: boolean;
}

const counts = (project: Project, ms: number): CheckCounts => ({
  domains: project.domains.length,
  tables: project.domains.reduce((n, d) => n + (d.tables?.length ?? 0), 0),
  views: project.views.length,
  stacks: stackNames(project).length,
  ms,
});

const summary = (project: Project, ms: number) => {
  const c = counts(project, ms);
  return `ok: ${c.domains} domains, ${c.tables} tables, ${c.views} views, ${c.stacks} stacks checked in ${ms} ms`;
};

/** `baikal check`: every declaration validated, every problem listed, no Terraform involved. */
export async function checkCommand(options: CheckOptions = {}): Promise<number> {
  if (options.watch) return (await import("../watch/watch-check.ts")).watchCheck(summary);
  const started = performance.now();
  const format = options.format ?? "text";
  let project: Project;
  try {
    project = await loadProject();
  } catch (error) {
    if (format === "text" || !(error instanceof DeclarationError)) throw error;
    if (format === "json") process.stdout.write(checkJson({ problems: error.problems }));
    else for (const problem of error.problems) console.log(githubAnnotation(problem));
    console.error(`${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found; nothing was synthesized.`);
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  const untyped = untypedOutputColumns(project);
  if (format !== "json") console.log(summary(project, ms));
  if (format === "github") for (const column of untyped) console.log(githubUntypedNotice(column));
  if (format === "text") {
    if (options.explain) for (const column of untyped) console.log(formatUntypedOutputColumn(column));
    else if (untyped.length > 0) {
      const n = untyped.length;
      console.log(`note: ${n} output column${n === 1 ? "" : "s"} of views or transforms ha${n === 1 ? "s" : "ve"} a type the analysis could not infer; their declared types are unchecked (pnpm check --explain lists them)`);
    }
  }
  const rules = await checkPreflightRules(project, format);
  if (format === "json") process.stdout.write(checkJson({ counts: counts(project, ms), problems: rules.report.problems, findings: rules.report.findings, untyped }));
  if (format === "github") {
    for (const finding of rules.report.findings) console.log(githubRuleAnnotation(finding));
    for (const problem of rules.report.problems) console.log(githubAnnotation(problem));
  }
  return rules.failed ? 1 : 0;
}

/**
 * Baikal's rules over the synthesized stacks (loaded only now: synthesis needs cdktf). Only stacks whose fingerprint
 * changed since the last check are synthesized, in memory. In text, the findings and a summary line are printed;
 * the other formats print them in their own shape.
 */
async function checkPreflightRules(project: Project, format: CheckFormat): Promise<{ report: RuleReport; failed: boolean }> {
  const started = performance.now();
  const { checkRules, RULES } = await import("@baikal/platform/preflight");
  const result = await checkRules(project);
  const failed = await reportRules(result, (line) => (format === "text" ? console.log(line) : undefined));
  const suppressed = result.suppressed.length > 0 ? `, ${result.suppressed.length} suppressed` : "";
  const findings = result.findings.length === 0 ? "no findings" : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}`;
  // Kept off stdout in the machine formats, which hold one document or annotations only.
  const line = `preflight: ${RULES.length} rules over ${result.stacks} stacks (${result.synthesized} synthesized, ${result.stacks - result.synthesized} unchanged): ${findings}${suppressed} in ${Math.round(performance.now() - started)} ms`;
  if (format === "text") console.log(line);
  else console.error(line);
  return { report: result, failed };
}
