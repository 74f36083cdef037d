import type { Domain } from "../loading/project.ts";
import { pairSqlFiles, type SqlFile } from "../loading/sql-files.ts";
import type { Problem } from "../problems/problem.ts";

export type ViewFile = SqlFile;

/** Each declared view with `views/<name>.sql`; a file or a declaration alone is a problem. */
export function readViewFiles(root: string, domain: Domain): { files: Map<string, ViewFile>; problems: Problem[] } {
  return pairSqlFiles(root, domain, { noun: "view", key: "views", fields: "name, description, columns" });
}
