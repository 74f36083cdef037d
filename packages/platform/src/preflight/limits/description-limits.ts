import type { Domain } from "../../loading/project.ts";
import type { Problem } from "../../problems/problem.ts";
import { awsLimit, type LimitId, limitMessages } from "./aws-limits.ts";
import { declaredPath } from "./declared-paths.ts";

/**
 * Descriptions Glue stores with a length limit: a database's, a table's and a view's (Glue's DescriptionString), and
 * each column's and partition key's (Glue's Column comment, 255 characters), at the place each is declared.
 */
export function descriptionLimits(domain: Domain): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[] | undefined, id: LimitId, text: string) => {
    if (path && text.length > awsLimit(id).max!) problems.push({ source: domain.sourceFile, path, message: limitMessages.tooLong(id, text.length) });
  };
  at(["description"], "glue-database-description", domain.description);
  for (const table of domain.tables ?? []) {
    at(declaredPath(domain, table.name, ["description"]), "glue-table-description", table.description);
    table.columns.forEach((c) => at(declaredPath(domain, table.name, ["columns", c.name, "description"]), "glue-column-comment", c.description));
    (table.partitionKeys ?? []).forEach((k) => at(declaredPath(domain, table.name, ["partitionKeys", k.name, "description"]), "glue-column-comment", k.description));
  }
  (domain.views ?? []).forEach((view, i) => {
    at(["views", i, "description"], "glue-table-description", view.description);
    view.columns.forEach((c, j) => at(["views", i, "columns", j, "description"], "glue-column-comment", c.description));
  });
  return problems;
}
