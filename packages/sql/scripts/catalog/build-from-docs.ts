/**
 * Joins the documented signatures with the overlay's types into catalog entries, and lists every documented
 * signature the overlay cannot type and every overlay entry the docs no longer have, so nothing goes stale silently.
 */
import type { FunctionEntry, Signature } from "../../src/functions/function-catalog.ts";
import { canonicalSignature } from "./canonical-signature.ts";
import { documentedKeys, type CatalogSection, type OverlayFile } from "./overlay.ts";
import type { DocumentedSignature, FunctionDocs } from "./parse-function-docs.ts";
import { problems as problem } from "./problems.ts";

export type CatalogSections = Record<CatalogSection, Record<string, FunctionEntry>>;

export interface BuildResult {
  readonly sections: CatalogSections;
  readonly problems: readonly string[];
}

/** The page decides the section unless the overlay does: table functions, `{data}` forms (current_date, ...). */
function sectionOf(doc: DocumentedSignature, declared: CatalogSection | undefined): CatalogSection {
  if (doc.page === "functions/table.md") return "tableFunctions";
  if (doc.directive === "data") return "syntax";
  return declared ?? "functions";
}

function kindOf(pages: readonly string[], declared: FunctionEntry["kind"] | undefined): FunctionEntry["kind"] {
  if (declared !== undefined) return declared;
  if (pages.includes("functions/aggregate.md")) return "aggregate";
  if (pages.includes("functions/window.md")) return "window";
  return "scalar";
}

function addUnique(into: Signature[], signatures: readonly Signature[]): void {
  for (const signature of signatures) {
    const key = JSON.stringify(signature);
    if (!into.some((existing) => JSON.stringify(existing) === key)) into.push(signature);
  }
}

export function buildFromDocs(docs: FunctionDocs, overlay: OverlayFile): BuildResult {
  const problems: string[] = [];
  const sections: CatalogSections = { functions: {}, syntax: {}, matchRecognize: {}, tableFunctions: {} };
  const byName = new Map<string, DocumentedSignature[]>();
  for (const doc of docs.signatures) byName.set(doc.name, [...(byName.get(doc.name) ?? []), doc]);
  const aliasChecks: { name: string; target: string; signatures: readonly Signature[]; where: string }[] = [];

  for (const [name, documented] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const entry = overlay.functions[name];
    if (entry === undefined) {
      problems.push(problem.missingFunction(name, documented));
      continue;
    }
    const bySection = new Map<CatalogSection, { docs: DocumentedSignature[]; signatures: Signature[] }>();
    for (const doc of documented) {
      const typed = entry[doc.text];
      if (typed === undefined || typeof typed === "string") {
        problems.push(problem.missingSignature(name, doc.page, doc.line, doc.text));
        continue;
      }
      const section = sectionOf(doc, entry.$section);
      const group = bySection.get(section) ?? { docs: [], signatures: [] };
      bySection.set(section, group);
      group.docs.push(doc);
      const canonical: Signature[] = [];
      typed.forEach((signature, i) => {
        try {
          canonical.push(canonicalSignature(signature, { tableFunction: section === "tableFunctions", syntax: section === "syntax" }));
        } catch (error) {
          problems.push(problem.invalidSignature(`signature-overlay.json functions.${name}["${doc.text}"][${i}]`, (error as Error).message));
        }
      });
      if (typed.length === 0) problems.push(problem.noSignatures(name, doc.text));
      addUnique(group.signatures, canonical);
      if (doc.aliasOf !== undefined) aliasChecks.push({ name, target: doc.aliasOf, signatures: canonical, where: `${doc.page}:${doc.line}` });
    }
    const texts = new Set(documented.map((doc) => doc.text));
    for (const key of documentedKeys(entry)) {
      if (!texts.has(key)) problems.push(problem.staleSignature(name, key));
    }
    for (const [section, group] of bySection) {
      const anchored = group.docs.find((doc) => doc.anchor !== undefined) ?? group.docs[0]!;
      // The anchored directive describes the function; "See hyperloglog." pointers elsewhere do not.
      const described = [anchored, ...group.docs].find((doc) => doc.description !== undefined && !doc.description.startsWith("See "));
      const aliasOf = group.docs.find((doc) => doc.aliasOf !== undefined)?.aliasOf;
      sections[section][name] = {
        kind: kindOf(group.docs.map((doc) => doc.page), entry.$kind),
        signatures: group.signatures,
        doc: anchored.anchor === undefined ? anchored.page : `${anchored.page}#${anchored.anchor}`,
        ...(described?.description === undefined ? {} : { description: described.description }),
        ...(aliasOf === undefined ? {} : { aliasOf }),
        ...(entry.$form === undefined ? {} : { form: entry.$form }),
      };
    }
  }
  for (const name of Object.keys(overlay.functions)) {
    if (!byName.has(name)) problems.push(problem.staleFunction(name));
  }
  addProse(docs, overlay, sections, problems, byName);
  checkAliases(aliasChecks, sections.functions, problems);
  return { sections, problems };
}

function addProse(
  docs: FunctionDocs,
  overlay: OverlayFile,
  sections: CatalogSections,
  problems: string[],
  byName: ReadonlyMap<string, readonly DocumentedSignature[]>,
): void {
  for (const [name, prose] of Object.entries(overlay.prose)) {
    if (!docs.index.has(name)) problems.push(problem.staleProse(name));
    if (byName.has(name)) problems.push(problem.proseNowDirective(name));
    const signatures: Signature[] = [];
    prose.signatures.forEach((signature, i) => {
      try {
        signatures.push(canonicalSignature(signature, { syntax: prose.$section === "syntax" }));
      } catch (error) {
        problems.push(problem.invalidSignature(`signature-overlay.json prose.${name}.signatures[${i}]`, (error as Error).message));
      }
    });
    sections[prose.$section ?? "functions"][name] = {
      kind: prose.$kind ?? "scalar",
      signatures,
      doc: prose.$doc,
      description: prose.$description,
      ...(prose.$form === undefined ? {} : { form: prose.$form }),
    };
  }
  for (const name of docs.index.keys()) {
    if (!byName.has(name) && overlay.prose[name] === undefined && overlay.indexExclusions[name] === undefined) {
      problems.push(problem.indexNotCovered(name, docs.index.get(name) ?? name));
    }
  }
  for (const name of Object.keys(overlay.indexExclusions)) {
    if (!docs.index.has(name)) problems.push(problem.staleExclusion(name));
  }
}

/** varchar(x) and varchar accept the same arguments; an alias may be declared either way (index vs strpos). */
function comparable(signature: Signature): string {
  const { literals: _literals, ...rest } = signature;
  return JSON.stringify(rest).replace(/varchar\([a-z_]\w*\)/g, "varchar");
}

/** "This is an alias for X": the alias must accept what X accepts at the same arities, no more and no less. */
function checkAliases(
  checks: readonly { name: string; target: string; signatures: readonly Signature[]; where: string }[],
  functions: Readonly<Record<string, FunctionEntry>>,
  problems: string[],
): void {
  for (const check of checks) {
    const target = functions[check.target];
    if (target === undefined) {
      problems.push(problem.aliasWithoutTarget(check.where, check.name, check.target));
      continue;
    }
    const arities = new Set(check.signatures.map((s) => s.args.length));
    const targetSignatures = target.signatures.filter((s) => arities.has(s.args.length));
    const same = (a: readonly Signature[], b: readonly Signature[]) => [...new Set(a.map(comparable))].sort().join("\n") === [...new Set(b.map(comparable))].sort().join("\n");
    if (!same(check.signatures, targetSignatures)) {
      const show = (signatures: readonly Signature[]) => signatures.map((s) => JSON.stringify(s));
      problems.push(problem.aliasMismatch(check.where, check.name, check.target, show(check.signatures), show(targetSignatures)));
    }
  }
}
