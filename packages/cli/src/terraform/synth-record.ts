import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Beside each synthesized `cdk.tf.json`: the fingerprint and target it was synthesized for, and a hash of what
 * was written. A stack whose fingerprint, target and file are all unchanged would be written again byte for
 * byte, so `plan` reuses it and pays neither cdktf's start-up nor the synth.
 */
const RECORD = ".baikal-synth.json";

interface SynthRecord {
  readonly fingerprint: string;
  readonly target: string;
  readonly config: string;
}

const configHash = (dir: string) => createHash("sha1").update(readFileSync(join(dir, "cdk.tf.json"))).digest("base64url");

export function isCurrent(dir: string, fingerprint: string | undefined, target: string): boolean {
  if (fingerprint === undefined || !existsSync(join(dir, RECORD)) || !existsSync(join(dir, "cdk.tf.json"))) return false;
  const record = JSON.parse(readFileSync(join(dir, RECORD), "utf8")) as SynthRecord;
  return record.fingerprint === fingerprint && record.target === target && record.config === configHash(dir);
}

export function recordSynth(dir: string, fingerprint: string, target: string): void {
  const record: SynthRecord = { fingerprint, target, config: configHash(dir) };
  writeFileSync(join(dir, RECORD), `${JSON.stringify(record)}\n`);
}
