/**
 * Generates packages/sql/src/functions/trino-functions.json, the function catalog of Athena engine version 3, from
 * Trino's documentation at a release, the reviewed type overlay and Athena's documented exceptions.
 *
 *   pnpm --filter @baikal/sql exec tsx scripts/generate-function-catalog.ts <trino checkout or git dir> [ref] [--check]
 *
 * e.g., with a bare git directory of trinodb/trino (or a fork that has the release commits) and the 461 release:
 *
 *   pnpm --filter @baikal/sql exec tsx scripts/generate-function-catalog.ts /path/to/trino.git 461
 *
 * `ref` is a tag or commit (461 is commit a1aa0de355993a0bd252a6970da8929894bbe6cd, "prepare release 461"); without
 * it a checkout is read from disk. `--check` writes nothing and fails when the checked-in file differs.
 * The script fails, listing each one, when the docs document a function or signature that signature-overlay.json
 * cannot type, when an overlay, exception or foreign entry names something the docs no longer have, or when a type
 * does not parse. Fix the JSON files beside this script and run it again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { formatCatalogJson, generateFunctionCatalog, PATHS } from "./catalog/generate.ts";

function main(argv: readonly string[]): number {
  const check = argv.includes("--check");
  const [trino, ref] = argv.filter((arg) => arg !== "--check");
  if (trino === undefined) {
    process.stderr.write("usage: generate-function-catalog.ts <trino checkout or git dir> [ref] [--check]\n");
    return 2;
  }
  const { catalog, problems } = generateFunctionCatalog({ trino, ...(ref === undefined ? {} : { ref }) });
  if (problems.length > 0) {
    process.stderr.write(`The function catalog is not complete (${problems.length} problems):\n${problems.join("\n")}\n`);
    return 1;
  }
  const text = `${formatCatalogJson(catalog)}\n`;
  const functions = Object.keys(catalog.functions).length;
  const signatures = Object.values(catalog.functions).reduce((n, entry) => n + entry.signatures.length, 0);
  if (check) {
    if (readFileSync(PATHS.catalog, "utf8") !== text) {
      process.stderr.write(`${PATHS.catalog} differs from what Trino ${catalog.source.ref} generates; run without --check\n`);
      return 1;
    }
    process.stdout.write(`${PATHS.catalog} is up to date (Trino ${catalog.source.ref}: ${functions} functions, ${signatures} signatures)\n`);
    return 0;
  }
  writeFileSync(PATHS.catalog, text);
  process.stdout.write(`wrote ${PATHS.catalog}: Trino ${catalog.source.ref}, ${functions} functions, ${signatures} signatures\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
