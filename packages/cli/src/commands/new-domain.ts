import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DeclarationError, domainNameProblem, findProjectRoot, formatProblem, loadProject } from "@baikal/platform/project";
import { CODEOWNERS_FILE, renderCodeowners } from "../codeowners/render-codeowners.ts";
import { domainFiles } from "../scaffold/domain-files.ts";

export interface NewDomainOptions {
  readonly name: string;
  /** @default - the platform owners' GitHub organisation and the domain's name, e.g. "@newsly/<name>" */
  readonly owner?: string;
}

/** `@org/<name>` from the first platform owner's organisation, else from the organisation's name. */
function defaultOwner(name: string, platformOwners: readonly string[] | undefined, organisation: string): string {
  const org = /^@([^/]+)\//.exec(platformOwners?.[0] ?? "")?.[1] ?? organisation;
  return `@${org}/${name.replaceAll("_", "-")}`;
}

/** `baikal new-domain <name>`: a domain package that passes `baikal check` at once. */
export async function newDomainCommand(options: NewDomainOptions): Promise<number> {
  const { name } = options;
  const problem = domainNameProblem(name);
  if (problem) throw new Error(`cannot create domain ${JSON.stringify(name)}: ${problem.replace(/^"[^"]*" is/, "it is")}`);
  const root = findProjectRoot();
  const dir = join(root, "domains", name);
  if (existsSync(dir)) throw new Error(`domains/${name} already exists; choose another name, or edit domains/${name}/domain.ts`);
  const before = await loadProject(root);
  const principal = Object.entries(before.organisation.principals ?? {}).find(([, p]) => p.kind === "iam-role")?.[0];
  const owner = options.owner ?? defaultOwner(name, before.organisation.platformOwners, before.organisation.name);
  const files = domainFiles({ name, owner, principal });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  let after;
  try {
    after = await loadProject(root);
  } catch (error) {
    // The scaffold must pass as written; if it does not, leave nothing half-made behind.
    rmSync(dir, { recursive: true, force: true });
    if (error instanceof DeclarationError) throw new Error(`the new domain did not pass the checks:\n${error.problems.map(formatProblem).join("\n")}`);
    throw error;
  }
  for (const path of Object.keys(files)) console.log(`created ${path}`);
  if (existsSync(join(root, CODEOWNERS_FILE))) {
    writeFileSync(join(root, CODEOWNERS_FILE), renderCodeowners(after));
    console.log(`updated ${CODEOWNERS_FILE}: domains/${name}/ is owned by ${owner}`);
  }
  console.log(
    [
      "",
      "next:",
      "  pnpm install          # registers the new package in pnpm-lock.yaml (the workspace already includes domains/*)",
      "  pnpm check            # validates every declaration",
      `  edit domains/${name}/domain.ts: the description, the owners (${owner}), and the example table, view and grant`,
    ].join("\n"),
  );
  return 0;
}
