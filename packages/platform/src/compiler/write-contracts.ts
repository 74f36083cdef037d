import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recordJsonSchema } from "../contracts/record-schema.ts";
import type { Project } from "../loading/project.ts";

/**
 * Writes `<outdir>/contracts/<domain>/<table>.schema.json` for every table of `domains` (default: all);
 * returns the paths written.
 */
export function writeContracts(project: Project, outdir: string, domains?: ReadonlySet<string>): string[] {
  const written: string[] = [];
  for (const domain of project.domains.filter((d) => !domains || domains.has(d.name))) {
    const dir = join(outdir, "contracts", domain.name);
    mkdirSync(dir, { recursive: true });
    for (const table of domain.tables ?? []) {
      const file = join(dir, `${table.name}.schema.json`);
      const schema = recordJsonSchema(table, `baikal://${project.organisation.name}/${domain.name}/${table.name}`);
      writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
      written.push(file);
    }
  }
  return written;
}
