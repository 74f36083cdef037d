import type * as Polyglot from "@polyglot-sql/sdk";

type PolyglotModule = typeof Polyglot;
let loaded: PolyglotModule | undefined;

/**
 * The SQL translator, loaded on first use: compiling its WebAssembly costs about a second, which `baikal check`
 * and every command that runs no SQL must not pay.
 */
export async function polyglot(): Promise<PolyglotModule> {
  loaded ??= await import("@polyglot-sql/sdk");
  return loaded;
}

/** The module once `polyglot()` has resolved; translation itself is synchronous. */
export function loadedPolyglot(): PolyglotModule {
  if (!loaded) throw new Error("the SQL translator is not loaded; await polyglot() first");
  return loaded;
}
