import { Command, Option } from "commander";
import { checkCommand } from "./commands/check.ts";
import { planCommand } from "./commands/plan.ts";
import { synthCommand } from "./commands/synth.ts";
import { runCommand } from "./run-command.ts";

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
    .showHelpAfterError()
    .exitOverride();
  cli
    .command("check")
    .description("validate baikal.config.ts and every domain declaration, without Terraform")
    .action(() => runCommand(checkCommand));
  cli
    .command("synth")
    .description("synthesize stacks into cdktf.out/stacks/<stack>/cdk.tf.json")
    .argument("[stacks...]", "only these stacks (default: all)")
    .addOption(targetOption())
    .addOption(outdirOption())
    .action((stacks: string[], options: { target: "offline" | "aws"; outdir?: string }) => runCommand(() => synthCommand({ stacks, ...options })));
  cli
    .command("plan")
    .description("synthesize, then terraform init, validate and plan each stack; prints what would change")
    .argument("[stacks...]", "only these stacks (default: all)")
    .addOption(targetOption())
    .addOption(outdirOption())
    .option("--parallel <n>", "stacks planned at once (default: CPUs, at most 4)", (v) => Number.parseInt(v, 10))
    .action((stacks: string[], options: { target: "offline" | "aws"; outdir?: string; parallel?: number }) =>
      runCommand(() => planCommand({ stacks, ...options })),
    );
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
