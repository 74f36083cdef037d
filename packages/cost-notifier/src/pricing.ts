/**
 * Athena (engine v2/v3, SQL) pricing: a price per "TB" scanned, rounded up to the next MB with a 10 MB minimum
 * per query; DDL is free.
 *
 * Convention: "TB" means TiB (2^40 bytes) and "MB" means MiB (2^20 bytes). AWS's pricing page says TB/MB, and
 * the bill follows the binary units; using them here also makes the 10 MB minimum equal to Athena's own
 * `BytesScannedCutoffPerQuery` minimum of 10485760 bytes.
 */
export const MIB = 2 ** 20;
export const TIB = 2 ** 40;
export const MINIMUM_BILLED_BYTES = 10 * MIB;
export const DEFAULT_PRICE_PER_TERABYTE_USD = 5;

/** Bytes Athena bills for a query that scanned `scannedBytes`: rounded up to a whole MiB, at least 10 MiB. */
export function billedBytes(scannedBytes: number): number {
  const scanned = Math.max(0, scannedBytes);
  return Math.max(Math.ceil(scanned / MIB) * MIB, MINIMUM_BILLED_BYTES);
}

export function costUsd(billed: number, pricePerTerabyteUsd: number = DEFAULT_PRICE_PER_TERABYTE_USD): number {
  return (billed / TIB) * pricePerTerabyteUsd;
}

export interface PricingInput {
  /** QUEUED | RUNNING | SUCCEEDED | FAILED | CANCELLED */
  readonly state: string;
  /** DDL | DML | UTILITY; undefined when Athena did not say. */
  readonly statementType: string | undefined;
  /** `Statistics.DataScannedInBytes`; undefined when Athena reported no statistics. */
  readonly dataScannedInBytes: number | undefined;
}

export interface Price {
  readonly bytesScanned: number;
  readonly billedBytes: number;
  readonly costUsd: number;
  /** Athena returned no scanned-bytes figure, so the price is a lower bound (0), not a measurement. */
  readonly statisticsMissing: boolean;
}

export function priceQuery(input: PricingInput, pricePerTerabyteUsd: number = DEFAULT_PRICE_PER_TERABYTE_USD): Price {
  const statisticsMissing = input.dataScannedInBytes === undefined || !Number.isFinite(input.dataScannedInBytes);
  const bytesScanned = statisticsMissing ? 0 : Math.max(0, input.dataScannedInBytes ?? 0);
  const free = { bytesScanned, billedBytes: 0, costUsd: 0, statisticsMissing };

  if (input.statementType === "DDL") return free;
  // Unknown volume: report 0 rather than invent the 10 MiB minimum; the flag tells readers the figure is absent.
  if (statisticsMissing) return free;
  // Failed queries are free unless they scanned data; cancelled ones are billed for what they scanned.
  if ((input.state === "FAILED" || input.state === "CANCELLED") && bytesScanned === 0) return free;

  const billed = billedBytes(bytesScanned);
  return { bytesScanned, billedBytes: billed, costUsd: costUsd(billed, pricePerTerabyteUsd), statisticsMissing };
}
