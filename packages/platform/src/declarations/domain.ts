import { z } from "zod";
import { identifierProblem } from "./identifier.ts";
import { table, tableLocation } from "./table.ts";

export const domainName = z.string().superRefine((name, ctx) => {
  const problem = identifierProblem(name, 40);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const domainSchema = z
  .strictObject({
    /** The Glue database and the `domain-<name>-<env>` stacks are named after it; it matches the folder. */
    name: domainName,
    description: z.string().trim().min(1, "say what the domain owns and who to ask"),
    /** GitHub teams or users who own the package; they become its CODEOWNERS. */
    owners: z
      .array(z.string().regex(/^@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/, 'use a GitHub handle such as "@newsly/news-backend"'))
      .min(1, "name at least one owner, a GitHub team such as \"@newsly/news-backend\""),
    /** @default [] */
    tables: z.array(table).optional(),
  })
  .superRefine((domain, ctx) => {
    const names = new Map<string, number>();
    const locations = new Map<string, number>();
    (domain.tables ?? []).forEach((t, index) => {
      if (names.has(t.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["tables", index, "name"],
          message: `table "${t.name}" is declared twice (also tables[${names.get(t.name)}]); rename or remove one`,
        });
      } else names.set(t.name, index);
      const where = `${t.zone}:${tableLocation(t)}`;
      const other = [...locations.entries()].find(([l]) => where.startsWith(l) || l.startsWith(where));
      if (other) {
        ctx.addIssue({
          code: "custom",
          path: ["tables", index, "location"],
          message: `"${tableLocation(t)}" overlaps the location of tables[${other[1]}] in the ${t.zone} zone; two tables reading the same files would each see the other's data, so give each its own prefix`,
        });
      } else locations.set(where, index);
    });
  });

export type DomainDeclaration = z.infer<typeof domainSchema>;
export type DomainInput = z.input<typeof domainSchema>;

const DOMAIN = Symbol.for("baikal.domain");

/** What a domain's `domain.ts` exports by default: the declaration, checked later with every other one. */
export interface DefinedDomain {
  readonly [DOMAIN]: true;
  readonly declaration: DomainInput;
}

/**
 * Declares a domain: its tables (and, later, views, transforms, grants and datasets).
 * Nothing is checked here so that `baikal check` can report every domain's problems at once.
 */
export function defineDomain(declaration: DomainInput): DefinedDomain {
  return { [DOMAIN]: true, declaration };
}

export function isDefinedDomain(value: unknown): value is DefinedDomain {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DOMAIN] === true;
}
