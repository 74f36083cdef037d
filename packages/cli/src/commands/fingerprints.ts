import { createInterface } from "node:readline";
import { loadProject, stackFingerprints } from "@baikal/platform/project";
import { synth } from "./synth.ts";

export interface FingerprintsOptions {
  /**
   * After printing, read a JSON array of stack names from stdin and synthesize those stacks (offline, no
   * contracts) into this folder: `affected` and `guard` use it so that the base tree is loaded only once.
   */
  readonly synthInto?: string;
}

/**
 * `baikal fingerprints`: `{ "<stack>": "<hash>" }` for every stack on one line, computed without synthesizing.
 * Used by `affected` and `guard` on the base tree, which may run an older or newer Baikal than the head.
 */
export async function fingerprintsCommand(options: FingerprintsOptions = {}): Promise<number> {
  const project = await loadProject();
  console.log(JSON.stringify(Object.fromEntries(stackFingerprints(project))));
  if (!options.synthInto) return 0;
  let line = "[]";
  for await (const text of createInterface({ input: process.stdin })) {
    line = text;
    break;
  }
  const stacks = JSON.parse(line) as string[];
  if (stacks.length > 0) await synth({ stacks, target: "offline", outdir: options.synthInto, contracts: false, terraformFolders: false, rules: false }, project);
  return 0;
}
