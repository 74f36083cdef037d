import type { Domain } from "../loading/project.ts";
import { pairSqlFiles, type SqlFile } from "../loading/sql-files.ts";
import type { Problem } from "../problems/problem.ts";

export type TransformFile = SqlFile;

/** Each declared transform with `transforms/<name>.sql`; a file or a declaration alone is a problem. */
export function readTransformFiles(root: string, domain: Domain): { files: Map<string, TransformFile>; problems: Problem[] } {
  return pairSqlFiles(root, domain, { noun: "transform", key: "transforms", fields: "name, description, target, mode" });
}
