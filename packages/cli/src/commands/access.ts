import { type AccessEntry, compileGrants, DeclarationError, didYouMean, loadProject, type Project } from "@baikal/platform/project";

export interface AccessOptions {
  /** Print JSON (for the docs site) instead of a table. @default false */
  readonly json?: boolean;
  /** Only this environment. @default - every environment */
  readonly environment?: string;
  /** Only the tables and views of this domain. @default - every domain */
  readonly domain?: string;
}

export interface AccessReport {
  readonly environments: readonly { readonly environment: string; readonly access: readonly AccessEntry[] }[];
}

/** Who can read what, per environment, from the same compiled grants the stacks synthesize. */
export async function accessReport(options: AccessOptions = {}): Promise<AccessReport> {
  return accessReportOf(await loadProject(), options);
}

/** The access report of an already loaded project (the docs site loads it once for everything). */
export function accessReportOf(project: Project, options: AccessOptions = {}): AccessReport {
  const { grants, problems } = compileGrants(project);
  if (!grants) throw new DeclarationError(problems);
  const known = grants.environments.map((e) => e.environment);
  if (options.environment !== undefined && !known.includes(options.environment)) {
    throw new Error(`unknown environment "${options.environment}"; environments: ${known.join(", ")}`);
  }
  const domains = [...new Set([...project.domains.map((d) => d.name), ...project.views.map((v) => v.domain)])];
  if (options.domain !== undefined && !domains.includes(options.domain)) {
    throw new Error(`unknown domain "${options.domain}"${didYouMean(options.domain, domains)} (domains: ${domains.join(", ")})`);
  }
  return {
    environments: grants.environments
      .filter((e) => options.environment === undefined || e.environment === options.environment)
      .map((e) => ({ environment: e.environment, access: e.access.filter((a) => options.domain === undefined || a.resource.startsWith(`${options.domain}.`)) })),
  };
}

/** The terminal's width; COLUMNS when the output is not a terminal; no limit otherwise (pipes and files get the table). */
const terminalWidth = () => process.stdout.columns ?? (Number(process.env.COLUMNS) || Number.POSITIVE_INFINITY);

/** `text` wrapped at commas to `width`, continuation lines indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/(?<=, )/)) {
    if (line !== "" && indent + line.length + word.trimEnd().length > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += word;
  }
  lines.push(line.trimEnd());
  return lines.join(`\n${" ".repeat(indent)}`);
}

/**
 * One aligned table per environment: principal, table or view, columns, row filter, and how it is granted. When
 * the table is wider than `width` (the terminal), each grant becomes a block of labelled lines instead.
 */
export function formatAccessReport(report: AccessReport, width: number = terminalWidth()): string {
  const sections = report.environments.map(({ environment, access }) => {
    const rows = [
      ["principal", "table or view", "columns", "row filter", "granted through"],
      ...access.map((a) => [
        a.crossAccount ? `${a.principal} (${a.principalArn})` : a.principal,
        `${a.resource} (${a.kind})`,
        a.columns.join(", "),
        a.rowFilter ? `${a.rowFilter.name}: ${a.rowFilter.expression}` : "-",
        `${a.through} [${a.stack}]`,
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "));
    const heading = `${environment}: ${access.length} grant${access.length === 1 ? "" : "s"} of data`;
    if (Math.max(...lines.map((l) => l.length)) <= width) return [heading, ...lines].join("\n");
    const labels = ["columns", "row filter", "through"];
    const blocks = rows.slice(1).map(([principal, resource, ...rest]) =>
      [`${principal}: ${resource}`, ...rest.map((value, i) => `  ${`${labels[i]}:`.padEnd(12)}${wrap(value!, width, 14)}`)].join("\n"),
    );
    return [heading, ...blocks].join("\n\n");
  });
  return `${sections.join("\n\n")}\n`;
}

/** `baikal access [--json] [--env <env>] [--domain <name>]`. */
export async function accessCommand(options: AccessOptions): Promise<number> {
  const report = await accessReport(options);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAccessReport(report));
  return 0;
}
