/**
 * Generates packages/platform/src/preflight/limits/aws-limits.json, the limits of AWS that Baikal checks declared
 * values against, from AWS's Smithy models (github.com/aws/api-models-aws) and the reviewed
 * scripts/aws-knowledge/limit-sources.json.
 *
 *   pnpm --filter @baikal/platform exec tsx scripts/generate-aws-limits.ts <api-models-aws checkout or git dir> [ref] [--check]
 *
 * `--check` writes nothing and fails when the checked-in file differs. The script fails, listing each, when a
 * member of limit-sources.json is not in its model or carries no length or pattern trait.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { generateLimits, LIMITS_FILE } from "./aws-knowledge/limits.ts";

function main(argv: readonly string[]): number {
  const check = argv.includes("--check");
  const [repo, ref] = argv.filter((a) => a !== "--check");
  if (repo === undefined) {
    process.stderr.write("usage: generate-aws-limits.ts <api-models-aws checkout or git dir> [ref] [--check]\n");
    return 2;
  }
  const { text, problems } = generateLimits(repo, ref);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} limits could not be read:\n${problems.join("\n")}\n`);
    return 1;
  }
  if (check) {
    if (readFileSync(LIMITS_FILE, "utf8") !== text) {
      process.stderr.write(`${LIMITS_FILE} differs from what ${repo} generates; run without --check\n`);
      return 1;
    }
    process.stdout.write(`${LIMITS_FILE} is up to date\n`);
    return 0;
  }
  writeFileSync(LIMITS_FILE, text);
  process.stdout.write(`wrote ${LIMITS_FILE}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
