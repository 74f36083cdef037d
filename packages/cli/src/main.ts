import { readFileSync } from "node:fs";
import { Argument, Command, Option } from "commander";
import { accessCommand } from "./commands/access.ts";
import { affectedCommand, planAffectedCommand } from "./commands/affected.ts";
import { backfillCommand } from "./commands/backfill.ts";
import { checkCommand } from "./commands/check.ts";
import { codeownersCommand } from "./commands/codeowners.ts";
import { docsCommand } from "./commands/docs.ts";
import { graphCommand } from "./commands/graph.ts";
import { guardCommand } from "./commands/guard.ts";
import { newDomainCommand } from "./commands/new-domain.ts";
import { newInDomainCommand } from "./commands/new-in-domain.ts";
import type { ScaffoldKind } from "./scaffold/declaration-snippets.ts";
import { planCommand } from "./commands/plan.ts";
import { planCommentCommand } from "./commands/plan-comment.ts";
import { redashConfigCommand } from "./commands/redash-config.ts";
import { synthCommand } from "./commands/synth.ts";
import { fingerprintsCommand } from "./commands/fingerprints.ts";
import { testCommand } from "./commands/test.ts";
import { previewCommand } from "./commands/preview.ts";
import { examplesText } from "./help-examples.ts";
import { CHECK_FORMATS, type CheckFormat } from "./report/problem-formats.ts";
import { runCommand } from "./run-command.ts";

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const outdirOption = () => new Option("--outdir <dir>", "where to write stacks (default: cdktf.out in the repository root)");

const targetOption = () =>
  new Option("--target <target>", "offline: local state, no AWS calls; aws: S3 state and real credentials")
    .choices(["offline", "aws"])
    .env("BAIKAL_TARGET")
    .default("offline");

/** Builds the `baikal` program; `main` runs it and returns the exit code. */
export function program(): Command {
  const cli = new Command("baikal")
    .description("Data platform as code: check, synthesize and plan the organisation's stacks.")
    .version(`baikal ${VERSION}`, "-V, --version", "print Baikal's version")
    .showHelpAfterError()
    .exitOverride();
  cli
    .command("check")
    .description("validate baikal.config.ts and every domain declaration, without Terraform")
    .option("--watch", "check again after every change, reusing what is already checked")
    .addOption(new Option("--format <format>", "text: one line per problem; json: one document; github: GitHub Actions annotations").choices(CHECK_FORMATS).default("text"))
    .option("--json", "the same as --format json")
    .option("--explain", "also list every output column whose type the SQL analysis could not infer, so its declared type is unchecked")
    .action((options: { watch?: boolean; format: CheckFormat; json?: boolean; explain?: boolean }) =>
      runCommand(() => checkCommand({ watch: options.watch, format: options.json ? "json" : options.format, explain: options.explain })),
    );
  cli
    .command("test")
    .description("run the unit tests of views and transforms offline (DuckDB with Trino semantics), no AWS needed")
    .argument("[targets...]", "domains (news) or views and transforms (news.daily_article_kpis); default: all")
    .addHelpText(
      "after",
      [
        "",
        "Exit 1 when a test fails. A test whose SQL uses something the engine cannot run faithfully is skipped",
        "(\"cannot run offline: <construct> at <file>:<line>\") and counted in the summary, never passed.",
      ].join("\n"),
    )
    .action((targets: string[]) => runCommand(() => testCommand({ targets })));
  cli
    .command("preview")
    .description("print a view's or transform's output as a table, on given rows or on rows generated from the declarations")
    .argument("<subject>", "the view or transform, as <domain>.<name>")
    .option("--rows <file>", "a JSON file of rows by relation: { \"article_views\": [{ ... }], \"news.articles\": [] }")
    .option("--run-date <date>", "a transform's run date (default: 2024-01-02)")
    .option("--now <instant>", "what current_timestamp reads (default: 2024-01-02T12:00:00Z)")
    .option("--limit <n>", "rows to print (default: 50)", (v) => Number.parseInt(v, 10))
    .action((subject: string, options: { rows?: string; runDate?: string; now?: string; limit?: number }) => runCommand(() => previewCommand({ subject, ...options })));
  cli
    .command("synth")
    .description("synthesize stacks into cdktf.out/stacks/<stack>/cdk.tf.json")
    .argument("[stacks...]", "only these stacks (default: all)")
    .addOption(targetOption())
    .addOption(outdirOption())
    .action((stacks: string[], options: { target: "offline" | "aws"; outdir?: string }) => runCommand(() => synthCommand({ stacks, ...options })));
  cli
    .command("fingerprints")
    .description("a hash per stack of everything it is built from, as JSON; equal hashes synthesize equal stacks")
    .option("--synth-into <dir>", "then synthesize the stacks named by a JSON array on stdin into <dir> (used by affected and guard)")
    .action((options: { synthInto?: string }) => runCommand(() => fingerprintsCommand(options)));
  cli
    .command("plan")
    .description("synthesize, then plan each stack with Terraform (init when needed, one plan); prints the resources that would change")
    .argument("[stacks...]", "only these stacks (default: all)")
    .addOption(targetOption())
    .addOption(outdirOption())
    .option("--parallel <n>", "stacks planned at once (default: CPUs, at most 4)", (v) => Number.parseInt(v, 10))
    .option("--affected", "only the stacks whose synthesized configuration differs from --base")
    .option("--base <ref>", "with --affected: the git ref to compare with, e.g. origin/main")
    .option("--summary", "print the counts per stack only, not each resource address")
    .option("--full-json", "write plan.json as Terraform's complete `terraform show -json` (values included; one more provider load per stack)")
    .action((stacks: string[], options: { target: "offline" | "aws"; outdir?: string; parallel?: number; affected?: boolean; base?: string; summary?: boolean; fullJson?: boolean }) =>
      runCommand(() => (options.affected ? planAffectedCommand({ stacks, ...options }) : planCommand({ stacks, ...options }))),
    );
  cli
    .command("access")
    .description("who can read what: principal x table or view x columns x row filter, from the compiled grants")
    .option("--json", "print JSON, e.g. for the docs site")
    .option("--env <environment>", "only this environment (default: all)")
    .option("--domain <name>", "only the tables and views of this domain (default: all)")
    .action((options: { json?: boolean; env?: string; domain?: string }) =>
      runCommand(() => accessCommand({ json: options.json, environment: options.env, domain: options.domain })),
    );
  cli
    .command("redash-config")
    .description("the values for Redash's Athena data source: region, workgroup, S3 staging dir, role to assume, schema")
    .option("--env <environment>", "only this environment (default: all)")
    .action((options: { env?: string }) => runCommand(() => redashConfigCommand({ environment: options.env })));
  cli
    .command("docs")
    .description("build the data catalog site: domains, tables, views, columns, lineage, who can read what, search")
    .option("--outdir <dir>", "where to write the site (default: cdktf.out/docs in the repository root)")
    .action((options: { outdir?: string }) => runCommand(() => docsCommand(options)));
  cli
    .command("new-domain")
    .description("scaffold domains/<name>/: a table, a view with its SQL, a grant and a test that pass check at once")
    .argument("<name>", "the domain's name: lower-case letters, digits and _, e.g. payments")
    .option("--owner <handle>", "the GitHub team that owns it (default: @<org>/<name>)")
    .action((name: string, options: { owner?: string }) => runCommand(() => newDomainCommand({ name, ...options })));
  cli
    .command("new")
    .description("scaffold a table, a view (with its SQL) or a transform (with its table and SQL) in an existing domain; passes check at once")
    .addArgument(new Argument("<kind>", "what to add").choices(["table", "view", "transform"]))
    .argument("<domain>", "the domain to add it to, e.g. news")
    .argument("<name>", "its name: lower-case letters, digits and _, e.g. push_events")
    .action((kind: ScaffoldKind, domain: string, name: string) => runCommand(() => newInDomainCommand({ kind, domain, name })));
  cli
    .command("graph")
    .description("lineage of tables, views and transforms, as a Mermaid flowchart or Graphviz DOT")
    .addOption(new Option("--format <format>", "mermaid or dot").choices(["mermaid", "dot"]).default("mermaid"))
    .option("--domain <name>", "only what this domain reads and what reads it")
    .action((options: { format: "mermaid" | "dot"; domain?: string }) => runCommand(() => graphCommand(options)));
  cli
    .command("codeowners")
    .description("write .github/CODEOWNERS from platformOwners and each domain's owners")
    .option("--check", "fail with a diff when the file does not match the declarations, instead of writing it")
    .action((options: { check?: boolean }) => runCommand(() => codeownersCommand(options)));
  cli
    .command("plan-comment")
    .description("print the pull-request comment (Markdown) summarizing the saved plans, for CI")
    .argument("[stacks...]", "stacks to report; one without a plan.json is reported as failed (default: every stack with a plan)")
    .addOption(outdirOption())
    .option("--base <ref>", "the ref the pull request is compared with, for the heading")
    .option("--run-url <url>", "link to the workflow run holding the plans artifact")
    .action((stacks: string[], options: { outdir?: string; base?: string; runUrl?: string }) => runCommand(() => planCommentCommand({ stacks, ...options })));
  cli
    .command("affected")
    .description("the stacks whose synthesized configuration differs from a git ref, one per line")
    .requiredOption("--base <ref>", "the git ref to compare with, e.g. origin/main")
    .option("--json", "print JSON for machines")
    .action((options: { base: string; json?: boolean }) => runCommand(() => affectedCommand(options)));
  cli
    .command("guard")
    .description("fail when the change would lose data: a data-bearing resource destroyed, replaced or moved, or changed in place so its data is orphaned or its protection weakened")
    .requiredOption("--base <ref>", "the git ref to compare with, e.g. origin/main")
    .option("--plans <dir>", "also read the saved plans `baikal plan` made for the head from <dir>/stacks/<stack>/plan.json (default: cdktf.out)")
    .option("--json", "print JSON for machines")
    .action((options: { base: string; plans?: string; json?: boolean }) => runCommand(() => guardCommand(options)));
  cli
    .command("backfill")
    .description("run an incremental transform for every date in a range, at most 100 partitions per chunk")
    .argument("<transform>", "the transform, as <domain>.<transform>")
    .requiredOption("--from <date>", "first run date, yyyy-MM-dd")
    .requiredOption("--to <date>", "last run date, yyyy-MM-dd (inclusive)")
    .option("--environment <env>", "environment whose state machine runs (default: the first in baikal.config.ts)")
    .option("--dry-run", "print the plan and start nothing")
    .option("--parallel <n>", "runs at once within a chunk (default: 4)", (v) => Number.parseInt(v, 10))
    .action((transform: string, options: { from: string; to: string; environment?: string; dryRun?: boolean; parallel?: number }) =>
      runCommand(() => backfillCommand({ transform, ...options })),
    );
  cli.addHelpText("after", `\nExamples:\n  $ pnpm check\n  $ pnpm plan domain-news-staging\n  $ pnpm baikal <command> --help\n`);
  for (const command of cli.commands) command.addHelpText("after", examplesText(command.name()));
  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await program().parseAsync([...argv]);
  } catch (error) {
    // commander has printed usage errors and help already.
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === "number" ? code : 1;
  }
  return Number(process.exitCode ?? 0);
}
