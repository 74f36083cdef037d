import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadProject } from "@baikal/platform/project";
import { CODEOWNERS_FILE, lineDiff, renderCodeowners } from "../codeowners/render-codeowners.ts";

export interface CodeownersOptions {
  /** Compare instead of writing; fail when the file drifts from the declarations. */
  readonly check?: boolean;
}

/** `baikal codeowners [--check]`: writes or checks `.github/CODEOWNERS`. */
export async function codeownersCommand(options: CodeownersOptions): Promise<number> {
  const project = await loadProject();
  const file = join(project.root, CODEOWNERS_FILE);
  const expected = renderCodeowners(project);
  if (!options.check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, expected);
    console.log(`wrote ${CODEOWNERS_FILE}: ${project.domains.length} domains`);
    return 0;
  }
  if (!existsSync(file)) {
    console.error(`${CODEOWNERS_FILE} does not exist; run pnpm baikal codeowners and commit it`);
    return 1;
  }
  const actual = readFileSync(file, "utf8");
  if (actual === expected) {
    console.log(`${CODEOWNERS_FILE} matches the declarations`);
    return 0;
  }
  console.error(`${CODEOWNERS_FILE} does not match the declarations; run pnpm baikal codeowners and commit it:`);
  for (const line of lineDiff(actual, expected)) console.error(line);
  return 1;
}
