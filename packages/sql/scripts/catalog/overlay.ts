/**
 * The reviewed signature overlay (signature-overlay.json): Trino's docs name arguments without types
 * (`split_part(string, delimiter, index)`), so every documented signature is typed here, keyed by its exact text.
 */
import { readFileSync } from "node:fs";
import type { FunctionEntry, Signature } from "../../src/functions/function-catalog.ts";

export type CatalogSection = "functions" | "syntax" | "matchRecognize" | "tableFunctions";

/** Keys starting with "$" describe the function; every other key is a documented signature. */
export interface OverlayFunction {
  readonly $kind?: FunctionEntry["kind"];
  readonly $section?: CatalogSection;
  readonly $form?: string;
  readonly [documentedSignature: string]: readonly Signature[] | string | undefined;
}

/** A function the docs describe in prose (and list.md indexes) rather than with a directive. */
export interface ProseFunction {
  readonly $doc: string;
  readonly $description: string;
  readonly $kind?: FunctionEntry["kind"];
  readonly $section?: CatalogSection;
  readonly $form?: string;
  readonly signatures: readonly Signature[];
}

export interface OverlayFile {
  readonly functions: Readonly<Record<string, OverlayFunction>>;
  readonly prose: Readonly<Record<string, ProseFunction>>;
  /** Names list.md indexes that are not functions, with the reason. */
  readonly indexExclusions: Readonly<Record<string, string>>;
}

const SECTIONS: readonly string[] = ["functions", "syntax", "matchRecognize", "tableFunctions"];
const KINDS: readonly string[] = ["scalar", "aggregate", "window"];

/** Loads the overlay and checks its shape, so a typo fails with the place rather than deep in the generator. */
export function loadOverlay(path: string): OverlayFile {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Partial<OverlayFile>;
  const problems: string[] = [];
  const checkMeta = (where: string, entry: Record<string, unknown>) => {
    if (entry.$kind !== undefined && !KINDS.includes(entry.$kind as string)) problems.push(`${where}.$kind: "${String(entry.$kind)}" is not one of ${KINDS.join(", ")}`);
    if (entry.$section !== undefined && !SECTIONS.includes(entry.$section as string)) problems.push(`${where}.$section: "${String(entry.$section)}" is not one of ${SECTIONS.join(", ")}`);
  };
  for (const [name, entry] of Object.entries(raw.functions ?? {})) {
    if (name !== name.toLowerCase()) problems.push(`functions.${name}: names are lower case`);
    checkMeta(`functions.${name}`, entry);
    for (const [key, value] of Object.entries(entry)) {
      if (key.startsWith("$")) {
        if (!["$kind", "$section", "$form"].includes(key)) problems.push(`functions.${name}.${key}: unknown key (allowed: $kind, $section, $form)`);
      } else if (!Array.isArray(value)) problems.push(`functions.${name}["${key}"]: must be a list of signatures`);
    }
  }
  for (const [name, entry] of Object.entries(raw.prose ?? {})) {
    checkMeta(`prose.${name}`, entry as unknown as Record<string, unknown>);
    if (typeof entry.$doc !== "string" || typeof entry.$description !== "string") problems.push(`prose.${name}: needs $doc and $description`);
    if (!Array.isArray(entry.signatures)) problems.push(`prose.${name}.signatures: must be a list of signatures`);
  }
  if (problems.length > 0) throw new Error(`${path}:\n  ${problems.join("\n  ")}`);
  return { functions: raw.functions ?? {}, prose: raw.prose ?? {}, indexExclusions: raw.indexExclusions ?? {} };
}

export function documentedKeys(entry: OverlayFunction): string[] {
  return Object.keys(entry).filter((key) => !key.startsWith("$"));
}
