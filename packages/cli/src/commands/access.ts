import { type AccessEntry, compileGrants, DeclarationError, loadProject, type Project } from "@baikal/platform/project";

export interface AccessOptions {
  /** Print JSON (for the docs site) instead of a table. @default false */
  readonly json?: boolean;
  /** Only this environment. @default - every environment */
  readonly environment?: string;
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
  return {
    environments: grants.environments
      .filter((e) => options.environment === undefined || e.environment === options.environment)
      .map((e) => ({ environment: e.environment, access: e.access })),
  };
}

/** One aligned table per environment: principal, table or view, columns, row filter, and how it is granted. */
export function formatAccessReport(report: AccessReport): string {
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
    return [`${environment}: ${access.length} grant${access.length === 1 ? "" : "s"} of data`, ...lines].join("\n");
  });
  return `${sections.join("\n\n")}\n`;
}

/** `baikal access [--json] [--env <env>]`. */
export async function accessCommand(options: AccessOptions): Promise<number> {
  const report = await accessReport(options);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAccessReport(report));
  return 0;
}
