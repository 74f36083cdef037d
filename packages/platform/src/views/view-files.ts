import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { viewSqlPath } from "../declarations/view.ts";
import type { Domain } from "../loading/project.ts";
import type { Problem } from "../problems/problem.ts";

export interface ViewFile {
  /** Repository-relative, for messages: `domains/ads/views/daily_ctr.sql`. */
  readonly file: string;
  readonly text: string;
}

/**
 * Pairs each declared view with `views/<name>.sql` in the domain's folder. A declaration without its file,
 * or a file without its declaration, is a problem: one of the two was forgotten in the pull request.
 */
export function readViewFiles(root: string, domain: Domain): { files: Map<string, ViewFile>; problems: Problem[] } {
  const folder = domain.directory ?? `domains/${domain.name}`;
  const files = new Map<string, ViewFile>();
  const problems: Problem[] = [];
  const declared = new Set((domain.views ?? []).map((v) => v.name));
  (domain.views ?? []).forEach((view, index) => {
    const file = `${folder}/${viewSqlPath(view.name)}`;
    if (!existsSync(join(root, file))) {
      problems.push({
        source: domain.sourceFile,
        path: ["views", index, "name"],
        message: `view "${view.name}" has no SQL file; create ${file} with its SELECT, or remove the declaration`,
      });
      return;
    }
    files.set(view.name, { file, text: readFileSync(join(root, file), "utf8") });
  });
  const viewsDir = join(root, folder, "views");
  if (existsSync(viewsDir)) {
    for (const entry of readdirSync(viewsDir).sort()) {
      if (!entry.endsWith(".sql")) continue;
      const name = entry.slice(0, -".sql".length);
      if (!declared.has(name)) {
        problems.push({
          source: `${folder}/views/${entry}`,
          line: 1,
          column: 1,
          message: `no view "${name}" is declared in ${domain.sourceFile}; add it to views (name, description, columns) or delete the file`,
        });
      }
    }
  }
  return { files, problems };
}
