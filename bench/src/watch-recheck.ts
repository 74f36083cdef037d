import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

/**
 * Starts `baikal check --watch`, waits for its first result and a moment more (a person edits seconds
 * later, not milliseconds), edits one view and measures until the recheck's result line. The file is
 * restored afterwards.
 */
export function watchRecheck(cli: string, root: string, view: string, edit: (sql: string) => string, settleMs = 2000): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "check", "--watch"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    const original = readFileSync(view, "utf8");
    let results = 0;
    let editedAt = 0;
    let pending = "";
    const finish = (outcome: () => void) => {
      child.kill();
      writeFileSync(view, original);
      outcome();
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith("ok:") && !/problems? found/.test(line)) continue;
        results++;
        if (!line.startsWith("ok:")) return finish(() => reject(new Error(`check --watch reported problems: ${line}`)));
        if (results === 1) {
          setTimeout(() => {
            editedAt = performance.now();
            writeFileSync(view, edit(original));
          }, settleMs);
        } else {
          const ms = Math.round(performance.now() - editedAt);
          return finish(() => resolve(ms));
        }
      }
    });
    child.on("exit", (code) => {
      if (results < 2) reject(new Error(`check --watch stopped (exit ${code}) before rechecking`));
    });
  });
}
