import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../problems/problem.ts";
import type { Domain } from "./project.ts";

export interface SqlFile {
  /** Repository-relative, for messages: `domains/ads/views/daily_ctr.sql`. */
  readonly file: string;
  readonly text: string;
}

export interface SqlFileKind {
  /** `view` or `transform`, as messages name it. */
  readonly noun: string;
  /** The domain.ts key holding the declarations and the folder holding their SQL: `views`, `transforms`. */
  readonly key: "views" | "transforms";
  /** What a declaration needs, for the message about a file without one: `name, description, columns`. */
  readonly fields: string;
}

/**
 * Pairs each declaration of a kind with `<folder>/<name>.sql` in the domain's folder. A declaration without its
 * file, or a file without its declaration, is a problem: one of the two was forgotten in the pull request.
 */
export function pairSqlFiles(root: string, domain: Domain, kind: SqlFileKind): { files: Map<string, SqlFile>; problems: Problem[] } {
  const folder = domain.directory ?? `domains/${domain.name}`;
  const declarations: readonly { readonly name: string }[] = domain[kind.key] ?? [];
  const files = new Map<string, SqlFile>();
  const problems: Problem[] = [];
  declarations.forEach((declaration, index) => {
    const file = `${folder}/${kind.key}/${declaration.name}.sql`;
    if (!existsSync(join(root, file))) {
      problems.push({
        source: domain.sourceFile,
        path: [kind.key, index, "name"],
        message: `${kind.noun} "${declaration.name}" has no SQL file; create ${file} with its SELECT, or remove the declaration`,
      });
      return;
    }
    files.set(declaration.name, { file, text: readFileSync(join(root, file), "utf8") });
  });
  const dir = join(root, folder, kind.key);
  const declared = new Set(declarations.map((d) => d.name));
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir).sort()) {
      const name = entry.slice(0, -".sql".length);
      if (entry.endsWith(".sql") && !declared.has(name)) {
        problems.push({
          source: `${folder}/${kind.key}/${entry}`,
          line: 1,
          column: 1,
          message: `no ${kind.noun} "${name}" is declared in ${domain.sourceFile}; add it to ${kind.key} (${kind.fields}) or delete the file`,
        });
      }
    }
  }
  return { files, problems };
}
