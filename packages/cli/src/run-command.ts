import { DeclarationError, formatProblem } from "@baikal/platform/project";

/**
 * Runs a command and turns failures into output and an exit code: declaration problems one per line
 * (`file:line:col: message`), anything else as its message.
 */
export async function runCommand(command: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof DeclarationError) {
      for (const problem of error.problems) console.error(formatProblem(problem));
      console.error(`\n${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found; nothing was synthesized.`);
    } else {
      console.error(`baikal: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exitCode = 1;
  }
}
