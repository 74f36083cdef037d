import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSqlPath } from "../declarations/transform.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";

export interface TransformFile {
  /** Repository-relative: `domains/news/transforms/daily_article_stats.sql`. */
  readonly file: string;
  readonly text: string;
}

/** Pairs each declared transform with `transforms/<name>.sql`; a file or a declaration alone is a problem. */
export function readTransformFiles(root: string, domain: Domain): { files: Map<string, TransformFile>; problems: Problem[] } {
  const folder = `domains/${domain.name}`;
  const files = new Map<string, TransformFile>();
  const problems: Problem[] = [];
  (domain.transforms ?? []).forEach((transform, index) => {
    const file = `${folder}/${transformSqlPath(transform.name)}`;
    if (!existsSync(join(root, file))) {
      problems.push({
        source: domain.sourceFile,
        path: ["transforms", index, "name"],
        message: `transform "${transform.name}" has no SQL file; create ${file} with its SELECT, or remove the declaration`,
      });
      return;
    }
    files.set(transform.name, { file, text: readFileSync(join(root, file), "utf8") });
  });
  const dir = join(root, folder, "transforms");
  const declared = new Set((domain.transforms ?? []).map((t) => t.name));
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir).sort()) {
      if (entry.endsWith(".sql") && !declared.has(entry.slice(0, -".sql".length))) {
        problems.push({
          source: `${folder}/transforms/${entry}`,
          line: 1,
          column: 1,
          message: `no transform "${entry.slice(0, -".sql".length)}" is declared in ${domain.sourceFile}; add it to transforms or delete the file`,
        });
      }
    }
  }
  return { files, problems };
}
