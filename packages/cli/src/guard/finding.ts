/** What the guard found about one data-bearing resource. */
export interface Finding {
  readonly stack: string;
  /** The Terraform address in the base (`aws_s3_bucket.lake_raw_bucket`). */
  readonly address: string;
  readonly kind: "destroy" | "replace" | "move";
  /** What happens, in plain words. */
  readonly what: string;
  /** How to fix it. */
  readonly fix: string;
  /** For a rename: the new address. */
  readonly to?: string;
  /** Set when an entry of the allow file accepts it. */
  readonly allowed?: string;
}

export const formatFinding = (f: Finding): string => `${f.stack} ${f.address}: ${f.what}; ${f.fix}`;
