/**
 * The commands the README's quick start tells people to type: every line of its shell blocks, and every code span in
 * the first column of its tables whose header is "command". Trailing `# comments` are dropped.
 */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  const quickStart = markdown.slice(markdown.indexOf("## Quick start"), markdown.indexOf("\n## ", markdown.indexOf("## Quick start") + 1));
  for (const [, block] of quickStart.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block!.split("\n")) {
      const command = line.replace(/\s+#.*$/, "").trim();
      if (command) commands.push(command);
    }
  }
  let inCommandTable = false;
  for (const line of quickStart.split("\n")) {
    if (/^\|\s*command\s*\|/.test(line)) inCommandTable = true;
    else if (!line.startsWith("|")) inCommandTable = false;
    else if (inCommandTable && !/^\|\s*-/.test(line)) {
      const first = line.split(/(?<!\\)\|/)[1] ?? "";
      for (const [, code] of first.matchAll(/`([^`]+)`/g)) commands.push(code!);
    }
  }
  return commands;
}

export interface Placeholders {
  /** A stack of the copy, e.g. `domain-news-staging`. */
  readonly stack: string;
  /** An existing domain. */
  readonly domain: string;
  /** A domain that does not exist yet, for new-domain. */
  readonly newDomain: string;
  readonly environment: string;
  readonly ref: string;
  readonly dir: string;
  /** A view of the copy that exists before any command runs, as `<domain>.<view>`. */
  readonly view: string;
  /** A JSON file of rows by relation, for preview. */
  readonly rowsFile: string;
}

/**
 * The command with its placeholders filled as a user would: optional parts in brackets are given (`[--json]`
 * becomes `--json`, `[stack...]` one stack), `<...>` get real values. Names for `new <kind>` are made from the kind.
 */
export function fillPlaceholders(command: string, p: Placeholders): string {
  return command
    .replace(/\[([^\]]+)\]/g, "$1")
    .replace(/domain \\\| domain\.view \.\.\./, p.view.split(".")[0]!)
    .replace(/<domain\.view>/g, p.view)
    .replace(/<file>/g, p.rowsFile)
    .replace(/new-domain <name>/, `new-domain ${p.newDomain}`)
    .replace(/new (table|view|transform) <domain> <name>/, (_, kind: string) => `new ${kind} ${p.domain} readme_${kind}`)
    .replace(/--domain <name>/g, `--domain ${p.domain}`)
    .replace(/stack\.\.\./g, p.stack)
    .replace(/<stack>/g, p.stack)
    .replace(/<ref>/g, p.ref)
    .replace(/<env>/g, p.environment)
    .replace(/<dir>/g, p.dir);
}
