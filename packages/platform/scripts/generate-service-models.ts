/**
 * Generates packages/platform/src/preflight/aws-models/services/<service>.json from the `@aws-sdk/client-*` packages
 * in the platform's devDependencies: the operations, shapes and errors the preflight checks of state machines read.
 *
 *   pnpm --filter @baikal/platform exec tsx scripts/generate-service-models.ts [--check]
 *
 * To check a service a state machine calls, add its client to the pnpm catalog and to the platform's devDependencies,
 * `pnpm install`, and run this. `--check` writes nothing and fails when a checked-in file differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { clientPackages, formatServiceModel, MODELS_DIR, modelFile, readServiceModel } from "./aws-knowledge/service-models.ts";

function main(argv: readonly string[]): number {
  const check = argv.includes("--check");
  mkdirSync(MODELS_DIR, { recursive: true });
  let stale = 0;
  for (const name of clientPackages()) {
    const model = readServiceModel(name);
    const text = formatServiceModel(model);
    const file = modelFile(name);
    const summary = `${name} ${model.version}: ${Object.keys(model.operations).length} operations, ${model.errors.length} errors`;
    if (check) {
      if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
        process.stderr.write(`${file} differs from ${summary}; run without --check\n`);
        stale++;
      }
    } else {
      writeFileSync(file, text);
      process.stdout.write(`wrote ${file} (${summary})\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
