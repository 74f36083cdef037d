import { loadProject, stackFingerprints } from "@baikal/platform/project";

/**
 * `baikal fingerprints`: `{ "<stack>": "<hash>" }` for every stack, computed without synthesizing. Used by
 * `affected` and `guard` on the base tree, which may run an older or newer Baikal than the head.
 */
export async function fingerprintsCommand(): Promise<number> {
  const project = await loadProject();
  console.log(JSON.stringify(Object.fromEntries(stackFingerprints(project))));
  return 0;
}
