import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { closest, DeclarationError, type Domain, findProjectRoot, formatProblem, LoadSession, loadProject } from "@baikal/platform/project";

import { type DeclarationScaffold, type ScaffoldKind, tableScaffold, transformScaffold, viewScaffold } from "../scaffold/declaration-snippets.ts";

export interface NewInDomainOptions {
  readonly kind: ScaffoldKind;
  readonly domain: string;
  readonly name: string;
}

export const newInDomainMessages = {
  checkFirst: (problems: readonly string[]) =>
    `the repository does not pass the checks yet, so a new declaration could not be checked on its own; fix these first:\n${problems.join("\n")}`,
  unknownDomain: (domain: string, known: readonly string[]) => {
    const near = closest(domain, known);
    return `no domain "${domain}"${near ? `; did you mean "${near}"?` : ""} (domains: ${known.join(", ") || "none"}); create one with pnpm baikal new-domain ${domain}`;
  },
  taken: (domain: string, name: string, what: string) =>
    `domains/${domain} already has a ${what} named "${name}"; tables, views and ingestion tables share the database's names, so choose another`,
  didNotPass: (kind: string, problems: readonly string[]) =>
    `the new ${kind} did not pass the checks, so nothing was changed:\n${problems.join("\n")}`,
};

/** Names already used in the domain's database (tables, ingestion tables, views) or by its transforms. */
function takenAs(domain: Domain, viewNames: readonly string[], kind: ScaffoldKind, name: string): string | undefined {
  if ((domain.tables ?? []).some((t) => t.name === name)) return "table";
  if (viewNames.includes(name)) return "view";
  if (kind === "transform" && (domain.transforms ?? []).some((t) => t.name === name)) return "transform";
  return undefined;
}

/**
 * `baikal new <table|view|transform> <domain> <name>`: adds the declaration to the domain's domain.ts (and its SQL
 * file), then checks the whole repository; if that fails, every file is put back as it was.
 */
export async function newInDomainCommand(options: NewInDomainOptions): Promise<number> {
  const root = findProjectRoot();
  // One session for both loads: it imports domain.ts again once its modification time changes (modules are cached by URL).
  const session = LoadSession.open(root);
  let project;
  try {
    project = await loadProject(root, { session });
  } catch (error) {
    if (error instanceof DeclarationError) throw new Error(newInDomainMessages.checkFirst(error.problems.map(formatProblem)));
    throw error;
  }
  const domain = project.domains.find((d) => d.name === options.domain);
  if (!domain) throw new Error(newInDomainMessages.unknownDomain(options.domain, project.domains.map((d) => d.name)));
  const taken = takenAs(domain, project.views.filter((v) => v.domain === domain.name).map((v) => v.name), options.kind, options.name);
  if (taken) throw new Error(newInDomainMessages.taken(domain.name, options.name, taken));
  const scaffold: DeclarationScaffold | { problem: string } =
    options.kind === "table" ? tableScaffold(options.name) : options.kind === "view" ? viewScaffold(domain, options.name) : transformScaffold(domain, options.name);
  if ("problem" in scaffold) throw new Error(scaffold.problem);

  const folder = dirname(domain.sourceFile);
  const declarationFile = join(root, domain.sourceFile);
  const before = readFileSync(declarationFile, "utf8");
  const { insertDeclaration } = await import("../scaffold/insert-declaration.ts"); // TypeScript's parser: only for this command
  let after = before;
  for (const entry of scaffold.entries) after = insertDeclaration(after, domain.sourceFile, entry.key, entry.text);
  const files = Object.entries(scaffold.files).map(([path, text]) => [join(folder, path), text] as const);
  const clash = files.find(([path]) => existsSync(join(root, path)));
  if (clash) throw new Error(`${clash[0]} already exists; remove it or choose another name`);
  try {
    // Writing fails too (a name longer than the file system allows): everything is put back then as well.
    writeFileSync(declarationFile, after);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    await loadProject(root, { session });
  } catch (error) {
    writeFileSync(declarationFile, before);
    for (const [path] of files) rmSync(join(root, path), { force: true });
    if (error instanceof DeclarationError) throw new Error(newInDomainMessages.didNotPass(options.kind, error.problems.map(formatProblem)));
    throw error;
  }
  const added = scaffold.entries.map((e) => `${e.key === "tables" ? "table" : e.key === "views" ? "view" : "transform"} ${options.name}`);
  console.log(`added ${added.join(" and ")} to ${domain.sourceFile}`);
  for (const [path] of files) console.log(`created ${path}`);
  console.log(`\nnext: edit the description${options.kind === "view" ? ", the SQL" : options.kind === "transform" ? ", the SQL and the tests" : " and the columns"}; pnpm check checks them`);
  return 0;
}
