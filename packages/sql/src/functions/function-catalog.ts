/**
 * The functions of Athena engine version 3 (Trino) with their signatures, generated from Trino's documentation by
 * `packages/sql/scripts/generate-function-catalog.ts` into `trino-functions.json` beside this file. This module only
 * loads it; the types below are the file's format.
 */
import { readFileSync } from "node:fs";

export interface FunctionCatalogFile {
  readonly source: {
    readonly repository: "trinodb/trino";
    /** The Trino release the docs were read from, e.g. "461". */
    readonly ref: string;
    /** Where the documentation lives in that release. */
    readonly docs: string;
    /** Athena User Guide pages the exceptions come from. */
    readonly athena: readonly string[];
    /** The commit the docs were read from, when they came from git. */
    readonly commit?: string;
  };
  /** Every function callable as `name(args)`, by lower-case name. */
  readonly functions: Readonly<Record<string, FunctionEntry>>;
  /** Names from Hive, Spark, MySQL, Presto 0.x ... that Trino lacks, with what to write instead. */
  readonly foreign: Readonly<Record<string, ForeignFunction>>;
  /**
   * Forms that look like functions but are grammar: `current_date`, `cast(x AS t)`, `extract(f FROM x)`,
   * `json_value(...)`. Their signatures give operand and result types; `form` shows how they are written.
   */
  readonly syntax?: Readonly<Record<string, FunctionEntry>>;
  /** Functions valid only inside MATCH_RECOGNIZE (MEASURES and DEFINE): classifier(), match_number(), prev(), ... */
  readonly matchRecognize?: Readonly<Record<string, FunctionEntry>>;
  /** Table functions, called as `TABLE(name(...))` in FROM; never in expressions. */
  readonly tableFunctions?: Readonly<Record<string, FunctionEntry>>;
  /** Limits Athena enforces on calls, with the pages that say so. */
  readonly athenaLimits?: {
    /** "Functions cannot take more than 127 parameters." */
    readonly maxFunctionArguments: number;
    /** An ARRAY[...] constructor takes at most this many elements. */
    readonly maxArrayConstructorElements: number;
    readonly sources: readonly string[];
  };
}

export interface FunctionEntry {
  /** Every aggregate may also be used with OVER; "window" means only with OVER (rank, lag, ...). */
  readonly kind: "scalar" | "aggregate" | "window";
  readonly signatures: readonly Signature[];
  /** The documentation page, relative to Trino's docs folder: "functions/string.md#split_part". */
  readonly doc: string;
  /** The first sentence of the documentation, for messages. */
  readonly description?: string;
  /** Present when Athena does not offer the function although Trino documents it. */
  readonly athena?: { readonly supported: false; readonly reason: string; readonly source: string };
  /** Athena behaves differently from Trino here (a changed return type, a removed overload, ...). */
  readonly athenaNotes?: readonly { readonly note: string; readonly source: string }[];
  /** The function this name is another spelling of: "ceiling" -> "ceil". */
  readonly aliasOf?: string;
  /** For `syntax` entries: how the form is written, e.g. "extract(field FROM x)". */
  readonly form?: string;
  /** Where the entry comes from when it is not Trino's documentation (Athena-only functions). */
  readonly origin?: "athena";
}

export interface Signature {
  /** Argument types in the catalog's type language (see signature-type.ts). */
  readonly args: readonly string[];
  /** The last argument may repeat: arity >= args.length (or >= minArity when given). */
  readonly variadic?: boolean;
  /** With variadic: the least number of arguments when it differs from args.length. */
  readonly minArity?: number;
  /**
   * With variadic: each repetition of the last argument binds its type variables anew, so the arguments may all
   * have different types (`format(varchar, T...)`). Without it, repeated arguments share one type (`coalesce`).
   */
  readonly variadicIndependent?: boolean;
  readonly returns: string;
  /** Type variables used in args/returns and what they must support. */
  readonly typeVariables?: Readonly<Record<string, "any" | "comparable" | "orderable">>;
  /** Literal parameters used in args/returns: ["p", "s"], ["x"]. */
  readonly literals?: readonly string[];
}

export interface ForeignFunction {
  /** Where people learned the name: "Hive/Spark", "MySQL", "Presto 0.x", ... */
  readonly dialect: string;
  /** What to write in Trino instead, e.g. "approx_percentile(x, 0.5)". */
  readonly replacement: string;
  readonly note?: string;
  /** How the other dialect writes the call, when that tells the two apart: "to_date(string)". */
  readonly signature?: string;
  /**
   * Trino has a function of this name with other signatures (Hive's `to_date(x)` vs Teradata's `to_date(x, format)`):
   * the hint applies only when no Trino signature fits the call.
   */
  readonly trinoHasName?: boolean;
}

let loaded: FunctionCatalogFile | undefined;

/** The generated catalog, read once. */
export function functionCatalog(): FunctionCatalogFile {
  loaded ??= JSON.parse(readFileSync(new URL("./trino-functions.json", import.meta.url), "utf8")) as FunctionCatalogFile;
  return loaded;
}

/** The catalog entry of a function, whatever the case it is written in; undefined for an unknown name. */
export function lookupFunction(name: string): FunctionEntry | undefined {
  const functions = functionCatalog().functions;
  const key = name.toLowerCase();
  return Object.hasOwn(functions, key) ? functions[key] : undefined;
}

/** The hint for a function name another SQL dialect has and Trino does not (or has with other signatures). */
export function lookupForeignFunction(name: string): ForeignFunction | undefined {
  const foreign = functionCatalog().foreign;
  const key = name.toLowerCase();
  return Object.hasOwn(foreign, key) ? foreign[key] : undefined;
}
