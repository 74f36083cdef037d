/**
 * Applies Athena's documented exceptions to the Trino catalog and checks the list of foreign (Hive, Spark, MySQL,
 * ...) names against it, reporting every entry that no longer matches what the docs say.
 */
import { readFileSync } from "node:fs";
import type { ForeignFunction, FunctionCatalogFile, FunctionEntry, Signature } from "../../src/functions/function-catalog.ts";
import type { CatalogSections } from "./build-from-docs.ts";
import { canonicalSignature } from "./canonical-signature.ts";
import { problems as problem } from "./problems.ts";

interface Sourced {
  readonly reason: string;
  readonly source: string;
}

export interface AthenaExceptionsFile {
  readonly topics: { readonly source: string; readonly pages: readonly string[] };
  readonly unsupportedTopics: Readonly<Record<string, Sourced>>;
  readonly unsupported: Readonly<Record<string, Sourced>>;
  readonly notes: Readonly<Record<string, readonly { readonly note: string; readonly source: string }[]>>;
  readonly additions: Readonly<
    Record<string, { kind: FunctionEntry["kind"]; signatures: Signature[]; description: string; doc: string; source: string }>
  >;
  readonly limits: NonNullable<FunctionCatalogFile["athenaLimits"]>;
}

export interface ForeignFunctionsFile {
  readonly functions: Readonly<Record<string, ForeignFunction>>;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Marks, annotates and adds entries in place; returns the problems and the Athena pages cited. */
export function applyAthenaExceptions(
  sections: CatalogSections,
  topics: readonly string[],
  exceptions: AthenaExceptionsFile,
): { problems: string[]; sources: string[] } {
  const problems: string[] = [];
  const sources = new Set<string>([exceptions.topics.source]);
  const linked = new Set(exceptions.topics.pages);
  for (const page of topics) {
    if (!linked.has(page) && exceptions.unsupportedTopics[page] === undefined) {
      problems.push(problem.topicNotListed(page, exceptions.topics.source));
    }
  }
  for (const page of [...linked, ...Object.keys(exceptions.unsupportedTopics)]) {
    if (!topics.includes(page)) problems.push(problem.staleTopic(page));
  }
  const all = (name: string) => [sections.functions[name], sections.syntax[name], sections.tableFunctions[name]].filter((e) => e !== undefined);
  for (const [page, why] of Object.entries(exceptions.unsupportedTopics)) {
    for (const [name, entry] of Object.entries(sections.functions)) {
      if (entry.doc.split("#")[0] === page) sections.functions[name] = { ...entry, athena: { supported: false, ...why } };
    }
    sources.add(why.source);
  }
  for (const [name, why] of Object.entries(exceptions.unsupported)) {
    const entry = sections.functions[name];
    if (entry === undefined) problems.push(problem.staleUnsupported(name));
    else sections.functions[name] = { ...entry, athena: { supported: false, ...why } };
    sources.add(why.source);
  }
  for (const [name, notes] of Object.entries(exceptions.notes)) {
    const entries = all(name);
    if (entries.length === 0) problems.push(problem.staleNote(name));
    for (const section of [sections.functions, sections.syntax, sections.tableFunctions]) {
      const entry = section[name];
      if (entry !== undefined) section[name] = { ...entry, athenaNotes: notes };
    }
    notes.forEach((n) => sources.add(n.source));
  }
  for (const [name, addition] of Object.entries(exceptions.additions)) {
    if (all(name).length > 0) {
      problems.push(problem.staleAddition(name));
      continue;
    }
    const signatures: Signature[] = [];
    addition.signatures.forEach((signature, i) => {
      try {
        signatures.push(canonicalSignature(signature));
      } catch (error) {
        problems.push(problem.invalidSignature(`athena-exceptions.json additions.${name}.signatures[${i}]`, (error as Error).message));
      }
    });
    sections.functions[name] = { kind: addition.kind, signatures, doc: addition.doc, description: addition.description, origin: "athena" };
    sources.add(addition.source);
  }
  exceptions.limits.sources.forEach((s) => sources.add(s));
  return { problems, sources: [...sources].sort() };
}

/** A foreign name must not shadow a Trino function unless it says so (and then Trino must have it). */
export function checkForeignFunctions(sections: CatalogSections, foreign: ForeignFunctionsFile): string[] {
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(foreign.functions)) {
    if (name !== name.toLowerCase()) problems.push(problem.foreignNotLowerCase(name));
    const trino = sections.functions[name] !== undefined || sections.syntax[name] !== undefined;
    if (trino && entry.trinoHasName !== true) problems.push(problem.foreignShadowsTrino(name));
    if (!trino && entry.trinoHasName === true) problems.push(problem.foreignNotInTrino(name));
    if (entry.trinoHasName === true && entry.signature === undefined) problems.push(problem.foreignWithoutSignature(name));
    if ((entry.dialect ?? "").trim() === "" || (entry.replacement ?? "").trim() === "") problems.push(problem.foreignIncomplete(name));
  }
  return problems;
}
