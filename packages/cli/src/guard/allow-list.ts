import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALLOW_FILE, CHANGES, type ChangeKind, type Finding, findingKey, isChangeKind } from "./finding.ts";

/**
 * One reviewed exception: this address may be destroyed, replaced or moved (no `change`), or changed in place in
 * the named way (`"change": "location"`), for this reason.
 */
export interface AllowEntry {
  readonly stack: string;
  readonly address: string;
  readonly change?: ChangeKind;
  readonly reason: string;
  /** Its position in the file's `allow` list, for messages. */
  readonly index: number;
}

const KEYS = ["stack", "address", "change", "reason"];
const SHAPE = '{ "stack": "...", "address": "...", "reason": "..." } (and "change": "..." for a change in place)';

/** Reads `guard-allow.json` (`{ "allow": [{ stack, address, change?, reason }] }`); a missing file allows nothing. */
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
    return { entries: [], errors: [`${ALLOW_FILE}: expected { "allow": [${SHAPE}] }`] };
  }
  const entries: AllowEntry[] = [];
  const errors: string[] = [];
  allow.forEach((raw: unknown, i) => {
    const at = `${ALLOW_FILE}: allow[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      errors.push(`${at}: expected ${SHAPE}`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(entry)) if (!KEYS.includes(key)) errors.push(`${at}.${key}: unknown key (allowed: ${KEYS.join(", ")})`);
    if (typeof entry.stack !== "string" || !entry.stack) errors.push(`${at}.stack: name the stack, e.g. "platform-staging"`);
    if (typeof entry.address !== "string" || !entry.address) errors.push(`${at}.address: give the Terraform address, e.g. "aws_s3_bucket.lake_raw_bucket"`);
    if (entry.change !== undefined && !isChangeKind(entry.change)) {
      errors.push(`${at}.change: ${JSON.stringify(entry.change)} is not a change the guard blocks (changes: ${Object.keys(CHANGES).join(", ")}); leave it out for a destroy, replace or move`);
    }
    if (typeof entry.reason !== "string" || !entry.reason.trim()) {
      errors.push(`${at}.reason: say why losing ${typeof entry.address === "string" ? entry.address : "this resource"} and its data is acceptable; reviewers read it`);
    }
    if (errors.length === before) entries.push({ ...(entry as Omit<AllowEntry, "index">), index: i });
  });
  return { entries, errors };
}

const matches = (entry: AllowEntry, f: Finding) => findingKey(entry) === findingKey(f);

/** Why an entry matches nothing: the same address may have findings of another class. */
function staleEntry(entry: AllowEntry, findings: readonly Finding[]): string {
  const where = `${entry.stack} ${entry.address}`;
  const not = entry.change ? `this change does not ${CHANGES[entry.change]} at ${where}` : `${where} is not destroyed, replaced or moved by this change`;
  const others = findings.filter((f) => f.stack === entry.stack && f.address === entry.address);
  const instead = others.map((f) => (f.change ? `"change": "${f.change}"` : 'no "change"')).join(" or ");
  return `${ALLOW_FILE}: allow[${entry.index}]: ${not}; ${others.length > 0 ? `its finding needs ${instead} in the entry` : "remove the entry"}`;
}

/**
 * Marks the findings an entry allows. An entry that allows nothing is an error: a stale exception would
 * silently allow the next, unrelated loss of data.
 */
export function applyAllowList(findings: readonly Finding[], entries: readonly AllowEntry[]): { findings: Finding[]; errors: string[] } {
  const errors: string[] = [];
  for (const entry of entries) if (!findings.some((f) => matches(entry, f))) errors.push(staleEntry(entry, findings));
  const marked = findings.map((f) => {
    const entry = entries.find((e) => matches(e, f));
    return entry ? { ...f, allowed: entry.reason } : f;
  });
  return { findings: marked, errors };
}
