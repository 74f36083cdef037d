import { z } from "zod";
import { DEFAULTS } from "./defaults.ts";

const tagName = z.string().regex(/^[a-z][a-z0-9_-]{0,127}$/, "LF-tag keys use lower-case letters, digits, _ and -");
const tagValue = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "LF-tag values use lower-case letters, digits, _ and -");

/**
 * The organisation's governance settings (`governance` in baikal.config.ts): the LF-tag vocabulary and who may
 * read personal data. Baikal also manages one more key itself, `domain`, whose values are the domains.
 */
export const governanceSchema = z
  .strictObject({
    /** LF-tag keys and their allowed values, e.g. `{ classification: ["public", "internal", "confidential", "pii"] }`. @default {} */
    tags: z.record(tagName, z.array(tagValue).min(1, "give the key at least one value")).optional(),
    /** Personal data: which tag value marks it, and the only principals that may be granted it. */
    pii: z
      .strictObject({
        /** @default { key: "classification", value: "pii" } */
        tag: z.strictObject({ key: tagName, value: tagValue }).optional(),
        /** Logical principal names. @default [] */
        principals: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .superRefine((g, ctx) => {
    if (g.tags && DEFAULTS.domainTagKey in g.tags) {
      ctx.addIssue({
        code: "custom",
        path: ["tags", DEFAULTS.domainTagKey],
        message: `"${DEFAULTS.domainTagKey}" is managed by Baikal (its values are the domains); remove it or rename the key`,
      });
    }
  });
export type GovernanceDeclaration = z.infer<typeof governanceSchema>;

/** The tag marking personal data, with its default. */
export function piiTag(governance: GovernanceDeclaration | undefined): { key: string; value: string } {
  return governance?.pii?.tag ?? DEFAULTS.piiTag;
}
