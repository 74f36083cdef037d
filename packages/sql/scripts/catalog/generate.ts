/**
 * The whole generation as one function, so the command line and the tests run exactly the same thing: Trino docs at a
 * ref + signature overlay + Athena exceptions + foreign names -> the catalog file's content, or the list of problems.
 */
import { fileURLToPath } from "node:url";
import type { FunctionCatalogFile, FunctionEntry } from "../../src/functions/function-catalog.ts";
import { applyAthenaExceptions, checkForeignFunctions, readJson, type AthenaExceptionsFile, type ForeignFunctionsFile } from "./athena-and-foreign.ts";
import { buildFromDocs } from "./build-from-docs.ts";
import { loadOverlay } from "./overlay.ts";
import { readFunctionDocs } from "./parse-function-docs.ts";
import { DOCS_FOLDER, openTrinoSource } from "./trino-docs.ts";

const SCRIPTS = fileURLToPath(new URL("..", import.meta.url));

/** Where the inputs and the output live; tests point these elsewhere. */
export const PATHS = {
  overlay: `${SCRIPTS}signature-overlay.json`,
  athenaExceptions: `${SCRIPTS}athena-exceptions.json`,
  foreignFunctions: `${SCRIPTS}foreign-functions.json`,
  catalog: fileURLToPath(new URL("../../src/functions/trino-functions.json", import.meta.url)),
};

export interface GenerateOptions {
  /** A Trino checkout or git directory. */
  readonly trino: string;
  /** A tag ("461") or commit; without it a checkout is read from disk. */
  readonly ref?: string;
  readonly paths?: Partial<typeof PATHS>;
}

export interface GenerateResult {
  readonly catalog: FunctionCatalogFile;
  /** Empty when the catalog is complete; otherwise every missing, stale or invalid entry, one per line. */
  readonly problems: readonly string[];
}

function sorted(entries: Record<string, FunctionEntry>): Record<string, FunctionEntry> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
}

export function generateFunctionCatalog(options: GenerateOptions): GenerateResult {
  const paths = { ...PATHS, ...options.paths };
  const source = openTrinoSource(options.trino, options.ref);
  const docs = readFunctionDocs(source);
  const overlay = loadOverlay(paths.overlay);
  const exceptions = readJson<AthenaExceptionsFile>(paths.athenaExceptions);
  const foreign = readJson<ForeignFunctionsFile>(paths.foreignFunctions);

  const { sections, problems } = buildFromDocs(docs, overlay);
  const athena = applyAthenaExceptions(sections, docs.topics, exceptions);
  const foreignProblems = checkForeignFunctions(sections, foreign);

  const catalog: FunctionCatalogFile = {
    source: {
      repository: "trinodb/trino",
      ref: source.release,
      ...(source.commit === undefined ? {} : { commit: source.commit }),
      docs: `${DOCS_FOLDER}/functions`,
      athena: athena.sources,
    },
    functions: sorted(sections.functions),
    foreign: Object.fromEntries(Object.entries(foreign.functions).sort(([a], [b]) => a.localeCompare(b))),
    syntax: sorted(sections.syntax),
    matchRecognize: sorted(sections.matchRecognize),
    tableFunctions: sorted(sections.tableFunctions),
    athenaLimits: exceptions.limits,
  };
  return { catalog, problems: [...problems, ...athena.problems, ...foreignProblems] };
}

/** JSON with one signature per line, so a review diff shows each changed overload. */
export function formatCatalogJson(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (value.every((v) => typeof v !== "object" || v === null) && flat.length <= 100) return flat;
    return `[\n${value.map((v) => inner + formatCatalogJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    // A signature (or any small flat object) stays on one line.
    if ("returns" in value || entries.every(([, v]) => typeof v !== "object" || v === null)) {
      return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${formatCatalogJson(v, inner)}`).join(", ")} }`;
    }
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatCatalogJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
