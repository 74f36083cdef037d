import { z } from "zod";
import { databaseNameProblem } from "./identifier.ts";
import { table, tableLocation } from "./table.ts";
import { view } from "./view.ts";
import { transform } from "./transform.ts";
import { grant } from "./grant.ts";
import { dataset } from "./dataset.ts";
import { ingestion, ingestionIssues } from "./ingestion.ts";
import { exportDeclaration } from "./export.ts";

/** Names the platform uses for its own database and S3 prefix. */
export const RESERVED_DOMAIN_NAMES: ReadonlySet<string> = new Set(["platform", "default"]);

/** Why `name` cannot name a domain, or undefined when it can (also used by `baikal new-domain`). */
export function domainNameProblem(name: string): string | undefined {
  const problem = databaseNameProblem(name, 40);
  if (problem) return problem;
  if (RESERVED_DOMAIN_NAMES.has(name)) return `"${name}" is the platform's own database; choose another domain name`;
  return undefined;
}

export const domainName = z.string().superRefine((name, ctx) => {
  const problem = domainNameProblem(name);
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
    /** Athena views; each has its SQL in `views/<name>.sql`. @default [] */
    views: z.array(view).optional(),
    /** SQL transforms filling curated tables; each has its SQL in `transforms/<name>.sql`. @default [] */
    transforms: z.array(transform).optional(),
    /** Who may read the domain's tables and views (SELECT; DESCRIBE implied). @default [] */
    grants: z.array(grant).optional(),
    /** QuickSight datasets over the domain's views. @default [] */
    datasets: z.array(dataset).optional(),
    /** Routine sources of the raw zone (ingestion templates); each declares its own raw tables. @default [] */
    ingestions: z.array(ingestion).optional(),
    /** The domain's views sent on a schedule to Google Sheets or Salesforce. @default [] */
    exports: z.array(exportDeclaration).optional(),
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
    (domain.views ?? []).forEach((v, index) => {
      if (names.has(v.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["views", index, "name"],
          message: `"${v.name}" is already tables[${names.get(v.name)}]; a view and a table share one namespace in the database, so rename the view`,
        });
      }
      const column = new Set<string>();
      v.columns.forEach((c, columnIndex) => {
        if (column.has(c.name)) {
          ctx.addIssue({ code: "custom", path: ["views", index, "columns", columnIndex, "name"], message: `column "${c.name}" is declared twice; rename or remove one` });
        }
        column.add(c.name);
      });
    });
    const viewNames = new Map<string, number>();
    (domain.views ?? []).forEach((v, index) => {
      if (viewNames.has(v.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["views", index, "name"],
          message: `view "${v.name}" is declared twice (also views[${viewNames.get(v.name)}]); rename or remove one`,
        });
      } else viewNames.set(v.name, index);
    });
    for (const issue of ingestionIssues(domain)) ctx.addIssue({ code: "custom", ...issue });
  });

export type DomainDeclaration = z.infer<typeof domainSchema>;
export type DomainInput = z.input<typeof domainSchema>;

export { defineDomain, isDefinedDomain, type DefinedDomain } from "./define.ts";
