import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALLOW_FILE } from "./compare-stacks.ts";
import type { Finding } from "./finding.ts";

/** One reviewed exception: this address may be destroyed, replaced or moved, for this reason. */
export interface AllowEntry {
  readonly stack: string;
  readonly address: string;
  readonly reason: string;
}

const KEYS = ["stack", "address", "reason"];

/** Reads `guard-allow.json` (`{ "allow": [{ stack, address, reason }] }`); a missing file allows nothing. */
export function readAllowList(root: string): { entries: AllowEntry[]; errors: string[] } {
  const file = join(root, ALLOW_FILE);
  if (!existsSync(file)) return { entries: [], errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { entries: [], errors: [`${ALLOW_FILE}: not valid JSON: ${(error as Error).message}`] };
  }
  const allow = (json as { allow?: unknown } | null)?.allow;
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(allow)) {
    return { entries: [], errors: [`${ALLOW_FILE}: expected { "allow": [{ "stack": "...", "address": "...", "reason": "..." }] }`] };
  }
  const entries: AllowEntry[] = [];
  const errors: string[] = [];
  allow.forEach((raw: unknown, i) => {
    const at = `${ALLOW_FILE}: allow[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      errors.push(`${at}: expected { "stack": "...", "address": "...", "reason": "..." }`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(entry)) if (!KEYS.includes(key)) errors.push(`${at}.${key}: unknown key (allowed: ${KEYS.join(", ")})`);
    if (typeof entry.stack !== "string" || !entry.stack) errors.push(`${at}.stack: name the stack, e.g. "platform-staging"`);
    if (typeof entry.address !== "string" || !entry.address) errors.push(`${at}.address: give the Terraform address, e.g. "aws_s3_bucket.lake_raw_bucket"`);
    if (typeof entry.reason !== "string" || !entry.reason.trim()) {
      errors.push(`${at}.reason: say why losing ${typeof entry.address === "string" ? entry.address : "this resource"} and its data is acceptable; reviewers read it`);
    }
    if (errors.length === before) entries.push(entry as unknown as AllowEntry);
  });
  return { entries, errors };
}

/**
 * Marks the findings an entry allows. An entry for an address this change does not destroy, replace or move
 * is an error: a stale exception would silently allow the next, unrelated loss of data.
 */
export function applyAllowList(findings: readonly Finding[], entries: readonly AllowEntry[]): { findings: Finding[]; errors: string[] } {
  const errors: string[] = [];
  entries.forEach((entry, i) => {
    if (!findings.some((f) => f.stack === entry.stack && f.address === entry.address)) {
      errors.push(
        `${ALLOW_FILE}: allow[${i}]: ${entry.stack} ${entry.address} is not destroyed, replaced or moved by this change; remove the entry`,
      );
    }
  });
  const marked = findings.map((f) => {
    const entry = entries.find((e) => e.stack === f.stack && e.address === f.address);
    return entry ? { ...f, allowed: entry.reason } : f;
  });
  return { findings: marked, errors };
}
