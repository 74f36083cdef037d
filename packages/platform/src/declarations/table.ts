import { z } from "zod";
import { columnName, relationName } from "./identifier.ts";
import { hiveTypeString } from "./hive-type-schema.ts";
import { partitionProjection } from "./partition-projection.ts";
import { lfTagAssignment, rowFilter } from "./grant.ts";

const description = z.string().trim().min(1, "write a description: it becomes the Glue comment analysts read");

export const column = z.strictObject({
  name: columnName,
  /** Hive type as Glue stores it: `bigint`, `string`, `decimal(10,2)`, `array<string>`, `struct<a:int>`. */
  type: hiveTypeString,
  description,
  /** Producers must always send a value. @default false */
  required: z.boolean().optional(),
  /** LF-tags of this column, overriding the table's for the same key, e.g. `{ classification: "pii" }`. @default {} */
  tags: lfTagAssignment.optional(),
});
export type ColumnDeclaration = z.infer<typeof column>;
export type ColumnInput = z.input<typeof column>;

/** Partition key types that partition projection can compute. */
const PARTITION_KEY_TYPES = ["string", "date", "int", "bigint"] as const;

export const partitionKey = z
  .strictObject({
    name: columnName,
    /** @default "string" */
    type: z.enum(PARTITION_KEY_TYPES).optional(),
    description,
    projection: partitionProjection,
  })
  .superRefine((key, ctx) => {
    const type = key.type ?? "string";
    const allowed: Record<string, readonly string[]> = {
      date: ["string", "date"],
      integer: ["string", "int", "bigint"],
      enum: ["string"],
      injected: ["string"],
    };
    if (!allowed[key.projection.type]!.includes(type)) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: `a ${key.projection.type} projection cannot fill a ${type} key; use type ${allowed[key.projection.type]!.map((t) => `"${t}"`).join(" or ")}`,
      });
    }
  });
export type PartitionKeyDeclaration = z.infer<typeof partitionKey>;
export type PartitionKeyInput = z.input<typeof partitionKey>;

export const TABLE_FORMATS = ["jsonl", "parquet", "csv"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

const relativeLocation = z.string().superRefine((location, ctx) => {
  const fail = (why: string) =>
    ctx.addIssue({
      code: "custom",
      message: `"${location}" is outside the domain's prefix: ${why}; give a path relative to the domain's prefix, e.g. "article_views/"`,
    });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return fail("a full URI names a bucket, and buckets belong to the platform");
  if (location.startsWith("/")) return fail("it starts with /");
  if (location.split("/").some((part) => part === ".." || part === ".")) return fail("it uses . or ..");
  if (!/^[a-z0-9_\-/]+$/.test(location)) {
    return ctx.addIssue({ code: "custom", message: `"${location}" may only use lower-case letters, digits, "_", "-" and "/"` });
  }
});

export const table = z
  .strictObject({
    name: relationName,
    description,
    /** raw: data as producers send it; curated: outputs of transforms. */
    zone: z.enum(["raw", "curated"]),
    /** Prefix of the data under `s3://<zone bucket>/<domain>/`. @default "<name>/" */
    location: relativeLocation.optional(),
    format: z.enum(TABLE_FORMATS),
    /** Only for csv. @default { delimiter: ",", headerLines: 1 } */
    csv: z
      .strictObject({
        delimiter: z.string().length(1, "the delimiter is one character").optional(),
        headerLines: z.number().int().min(0).max(10).optional(),
      })
      .optional(),
    columns: z.array(column).min(1, "a table needs at least one column"),
    /** Path segments under the location; every key is projected, so no crawler is ever needed. @default [] */
    partitionKeys: z.array(partitionKey).optional(),
    /** `hive`: `dt=2024-01-31/`; `plain`: `2024-01-31/`. @default "hive" */
    partitionLayout: z.enum(["hive", "plain"]).optional(),
    /** Other domains' views may read it and their teams may be granted it. @default false */
    published: z.boolean().optional(),
    /** LF-tags of the table; its columns inherit them. @default {} */
    tags: lfTagAssignment.optional(),
    /** Named row filters (Lake Formation data cells filters) that grants can go through. @default [] */
    rowFilters: z.array(rowFilter).optional(),
  })
  .superRefine((t, ctx) => {
    const seen = new Map<string, number>();
    t.columns.forEach((c, index) => {
      if (seen.has(c.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", index, "name"],
          message: `column "${c.name}" is declared twice (also columns[${seen.get(c.name)}]); rename or remove one`,
        });
      } else seen.set(c.name, index);
    });
    const keys = new Set<string>();
    (t.partitionKeys ?? []).forEach((k, index) => {
      if (seen.has(k.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["partitionKeys", index, "name"],
          message: `partition key "${k.name}" is also columns[${seen.get(k.name)}]; a value lives either in the path or in the file, so remove it from columns`,
        });
      } else if (keys.has(k.name)) {
        ctx.addIssue({ code: "custom", path: ["partitionKeys", index, "name"], message: `partition key "${k.name}" is declared twice` });
      }
      keys.add(k.name);
    });
    if (t.csv && t.format !== "csv") {
      ctx.addIssue({ code: "custom", path: ["csv"], message: `csv options apply only to format "csv", not "${t.format}"; remove them` });
    }
  });
export type TableDeclaration = z.infer<typeof table>;
export type TableInput = z.input<typeof table>;

/** The table's prefix relative to the domain's prefix, always ending in "/". */
export function tableLocation(t: Pick<TableDeclaration, "name" | "location">): string {
  const location = t.location ?? t.name;
  return location.endsWith("/") ? location : `${location}/`;
}
