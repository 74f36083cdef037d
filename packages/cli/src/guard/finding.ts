/**
 * Changes applied in place that lose data or weaken its protection, by the name an allow entry gives them
 * (`"change": "location"`), with what they do, in words that follow "this change does not ...".
 */
export const CHANGES = {
  location: "move the table's location",
  zone: "move the table to another bucket",
  format: "change the table's storage format",
  "partition-keys": "change the table's partition keys or their projection",
  columns: "change columns so that files already written read wrongly",
  ingestion: "rename an ingestion or move where it writes",
  retention: "shorten how long data is kept",
  "key-rotation": "turn off the key's rotation",
  "key-disabled": "disable the key",
  "key-policy": "take the account root out of the key policy",
  "lake-formation-admin": "remove a Lake Formation admin",
  "deploy-role": "remove the deploy role from the Lake Formation admins",
  "lf-tag-values": "remove values of an LF-tag",
} as const;

export type ChangeKind = keyof typeof CHANGES;

export const isChangeKind = (value: unknown): value is ChangeKind => typeof value === "string" && Object.hasOwn(CHANGES, value);

/** What the guard found about one resource. */
export interface Finding {
  readonly stack: string;
  /** The Terraform address in the base (`aws_s3_bucket.lake_raw_bucket`). */
  readonly address: string;
  /** Destroyed, replaced or moved (the resource and its data go), or changed in place (`change` says how). */
  readonly kind: "destroy" | "replace" | "move" | "change";
  /** For kind "change": the class of change, which an allow entry names. */
  readonly change?: ChangeKind;
  /** What happens, in plain words. */
  readonly what: string;
  /** How to fix it. */
  readonly fix: string;
  /** For a rename: the new address. */
  readonly to?: string;
  /** Other addresses of the same stack whose losses this finding explains (an ingestion's tables). */
  readonly covers?: readonly string[];
  /** Set when an entry of the allow file accepts it. */
  readonly allowed?: string;
}

export const ALLOW_FILE = "guard-allow.json";

export const formatFinding = (f: Finding): string => `${f.stack} ${f.address}: ${f.what}; ${f.fix}`;

/** The allow entry that accepts a finding, as the fix hints show it. */
export const allowEntry = (stack: string, address: string, change?: ChangeKind): string =>
  `{"stack": "${stack}", "address": "${address}", ${change ? `"change": "${change}", ` : ""}"reason": "..."}`;

/** "add {...} to guard-allow.json": the end of every fix. */
export const allowHint = (stack: string, address: string, change?: ChangeKind): string => `add ${allowEntry(stack, address, change)} to ${ALLOW_FILE}`;

/** A finding's identity for de-duplication and the allow file: its stack, address and class of change. */
export const findingKey = (f: Pick<Finding, "stack" | "address" | "change">): string => `${f.stack} ${f.address} ${f.change ?? "loss"}`;
