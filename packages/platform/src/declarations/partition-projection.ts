import { z } from "zod";

/**
 * Partition projection: Athena computes partitions from these rules instead of reading them from Glue,
 * so new data is queryable the moment it lands, with no crawler and no `MSCK REPAIR TABLE`.
 * Athena User Guide, "Partition projection" and "Supported types for partition projection".
 */

const TIME_UNITS = ["YEARS", "MONTHS", "WEEKS", "DAYS", "HOURS", "MINUTES", "SECONDS"] as const;
export type ProjectionTimeUnit = (typeof TIME_UNITS)[number];

const RELATIVE_DATE = /^NOW(\s*[+-]\s*\d+\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?$/;

/** A regular expression for the values a Java date pattern such as `yyyy-MM-dd` or `yyyy/MM/dd/HH` produces. */
export function datePatternRegex(format: string): RegExp {
  const letters: Record<string, string> = { yyyy: "\\d{4}", MM: "\\d{2}", dd: "\\d{2}", HH: "\\d{2}", mm: "\\d{2}", ss: "\\d{2}" };
  const source = format.replace(/yyyy|MM|dd|HH|mm|ss|[.*+?^${}()|[\]\\]/g, (token) => letters[token] ?? `\\${token}`);
  return new RegExp(`^${source}$`);
}

/** The finest unit a date pattern names: a pattern with hours advances by hours. */
export function defaultTimeUnit(format: string): ProjectionTimeUnit {
  if (format.includes("ss")) return "SECONDS";
  if (format.includes("mm")) return "MINUTES";
  if (format.includes("HH")) return "HOURS";
  if (format.includes("dd")) return "DAYS";
  if (format.includes("MM")) return "MONTHS";
  return "YEARS";
}

/** Seconds per unit, to order relative bounds ("NOW-1MONTHS" is before "NOW-3DAYS"). */
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  YEAR: 365.25 * 86400, MONTH: 30.44 * 86400, WEEK: 7 * 86400, DAY: 86400, HOUR: 3600, MINUTE: 60, SECOND: 1,
};

/**
 * Where a bound lies, as a number that orders bounds of the same kind: seconds from now for `NOW±n UNITS`, the
 * digits of the date for a date in the table's format (`yyyy` comes first in every format Baikal accepts).
 */
function boundPosition(bound: string, format: string): { kind: "relative" | "absolute"; at: number } | undefined {
  const relative = /^NOW(?:\s*([+-])\s*(\d+)\s*(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S?)?$/.exec(bound);
  if (relative !== null) {
    const seconds = relative[2] === undefined ? 0 : Number(relative[2]) * (UNIT_SECONDS[relative[3]!] ?? 0);
    return { kind: "relative", at: relative[1] === "-" ? -seconds : seconds };
  }
  if (!datePatternRegex(format).test(bound)) return undefined;
  // The fields in significance order, read from their positions in the format.
  const fields = ["yyyy", "MM", "dd", "HH", "mm", "ss"].map((f) => {
    const index = format.indexOf(f);
    return index === -1 ? "00" : bound.slice(index, index + f.length);
  });
  return { kind: "absolute", at: Number(fields.join("")) };
}

const dateProjection = z
  .strictObject({
    type: z.literal("date"),
    /** Java date pattern of the values in the path, e.g. `yyyy-MM-dd`. */
    format: z
      .string()
      .regex(/^[yMdHms\-/_.: ]+$/, "use the letters yyyy, MM, dd, HH, mm, ss and separators, e.g. \"yyyy-MM-dd\"")
      .refine((f) => f.includes("yyyy"), 'the pattern needs a four-digit year, "yyyy"'),
    /** First and last value: dates in `format`, or `NOW`, `NOW-3YEARS`, `NOW+1DAYS`. */
    range: z.tuple([z.string(), z.string()]),
    /** @default 1 */
    interval: z.number().int().positive().optional(),
    /** @default - the finest unit in `format` (DAYS for `yyyy-MM-dd`, HOURS for `yyyy/MM/dd/HH`) */
    unit: z.enum(TIME_UNITS).optional(),
  })
  .superRefine((projection, ctx) => {
    const pattern = datePatternRegex(projection.format);
    projection.range.forEach((bound, index) => {
      if (!RELATIVE_DATE.test(bound) && !pattern.test(bound)) {
        ctx.addIssue({
          code: "custom",
          path: ["range", index],
          message: `"${bound}" is neither a date in the format "${projection.format}" nor a relative date such as "NOW" or "NOW-3YEARS"`,
        });
      }
    });
    // Athena projects no partition at all when the range runs backwards: every query would find nothing.
    const [start, end] = projection.range.map((bound) => boundPosition(bound, projection.format));
    if (start !== undefined && end !== undefined && start.kind === end.kind && start.at > end.at) {
      ctx.addIssue({
        code: "custom",
        path: ["range"],
        message: `the range starts at "${projection.range[0]}", after its end "${projection.range[1]}"; Athena would project no partition and every query would find nothing: swap them`,
      });
    }
  });

const integerProjection = z
  .strictObject({
    type: z.literal("integer"),
    /** Smallest and largest value, inclusive. */
    range: z.tuple([z.number().int(), z.number().int()]),
    /** @default 1 */
    interval: z.number().int().positive().optional(),
    /** Zero-pad values to this many digits (`7` -> `07` with 2). @default - no padding */
    digits: z.number().int().positive().max(20).optional(),
  })
  .refine((p) => p.range[0] <= p.range[1], { message: "the range must go from the smaller to the larger value", path: ["range"] });

const enumProjection = z.strictObject({
  type: z.literal("enum"),
  /** Every value the key can take. Athena keeps table metadata small: stay within a few dozen. */
  values: z
    .array(z.string().min(1).regex(/^[^,]+$/, "enum values cannot contain commas"))
    .min(1, "list at least one value")
    .max(1000, "more than 1000 values makes every query plan slow; use an integer or injected projection")
    .refine((values) => new Set(values).size === values.length, "each value may appear only once"),
});

/** The value comes from the query's WHERE clause, which must then always name it. */
const injectedProjection = z.strictObject({ type: z.literal("injected") });

export const partitionProjection = z.discriminatedUnion("type", [
  dateProjection,
  integerProjection,
  enumProjection,
  injectedProjection,
]);
export type PartitionProjection = z.infer<typeof partitionProjection>;
