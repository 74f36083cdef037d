import { describe, expect, it } from "vitest";
import { functionCatalog, lookupForeignFunction, lookupFunction, type FunctionEntry, type Signature } from "../src/functions/function-catalog.ts";
import { collectNames, formatSignatureType, parseSignatureType } from "../src/functions/signature-type.ts";
import { formatTrinoType, parseTrinoType } from "../src/types/trino-type.ts";

const catalog = functionCatalog();
const sections = {
  functions: catalog.functions,
  syntax: catalog.syntax ?? {},
  matchRecognize: catalog.matchRecognize ?? {},
  tableFunctions: catalog.tableFunctions ?? {},
};
const everySignature = Object.entries(sections).flatMap(([section, entries]) =>
  Object.entries(entries).flatMap(([name, entry]) => entry.signatures.map((signature) => ({ section, name, signature }))),
);

function accepts(entry: FunctionEntry | undefined, args: readonly string[], returns?: string): boolean {
  return (entry?.signatures ?? []).some(
    (s) => s.args.length === args.length && s.args.every((a, i) => a === args[i]) && (returns === undefined || s.returns === returns),
  );
}

function parse(signature: Signature, text: string, allowArithmetic: boolean) {
  return parseSignatureType(text, {
    typeVariables: new Set(Object.keys(signature.typeVariables ?? {})),
    literals: new Set(signature.literals ?? []),
    allowArithmetic,
  });
}

describe("the function catalog file", () => {
  it("comes from a named Trino release and cites the Athena pages it applies", () => {
    expect(catalog.source.repository).toBe("trinodb/trino");
    expect(catalog.source.ref).toMatch(/^4\d\d$/);
    expect(catalog.source.athena.length).toBeGreaterThan(0);
    for (const url of catalog.source.athena) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/athena\//);
  });

  it("covers hundreds of functions and their overloads", () => {
    expect(Object.keys(catalog.functions).length).toBeGreaterThan(400);
    expect(everySignature.length).toBeGreaterThan(750);
  });

  it("names every entry in lower case and gives it a valid kind and a doc page", () => {
    for (const entries of Object.values(sections)) {
      for (const [name, entry] of Object.entries(entries)) {
        expect(name).toBe(name.toLowerCase());
        expect(["scalar", "aggregate", "window"]).toContain(entry.kind);
        expect(entry.doc).toMatch(/^(functions|sql|connector)\/[\w-]+\.md(#\w[\w-]*)?$|^https:\/\/docs\.aws\.amazon\.com\//);
        expect(entry.signatures.length).toBeGreaterThan(0);
      }
    }
  });

  it("writes every argument and return type in the catalog's type language, canonically spelled", () => {
    for (const { section, name, signature } of everySignature) {
      const where = `${section}.${name}(${signature.args.join(", ")})`;
      const used = { variables: new Set<string>(), literals: new Set<string>() };
      for (const arg of signature.args) {
        const type = parse(signature, arg, false);
        expect(formatSignatureType(type), where).toBe(arg);
        collectNames(type, used);
      }
      const returns = parse(signature, signature.returns, true);
      expect(formatSignatureType(returns), where).toBe(signature.returns);
      collectNames(returns, used);
      expect([...used.variables].sort(), where).toEqual(Object.keys(signature.typeVariables ?? {}).sort());
      expect([...used.literals].sort(), where).toEqual([...(signature.literals ?? [])].sort());
    }
  });

  it("spells concrete types the way parseTrinoType reads and formats them", () => {
    const concrete = everySignature.flatMap(({ signature }) =>
      [...signature.args, signature.returns].filter(
        (t) => signature.typeVariables === undefined && signature.literals === undefined && !/\b(table|descriptor)\b/.test(t),
      ),
    );
    expect(concrete.length).toBeGreaterThan(300);
    for (const text of concrete) {
      const type = parseTrinoType(text);
      // qdigest(bigint) and classifier(varchar) take a type parameter, and lambdas are no column type: TrinoType models neither.
      if (/\b(qdigest|classifier|function)\(/.test(text)) continue;
      expect(type, text).toBeDefined();
      expect(formatTrinoType(type!), text).toBe(text);
    }
  });

  it("binds every type variable and literal of a function's return type through its arguments", () => {
    for (const { section, name, signature } of everySignature.filter((s) => s.section !== "syntax" && s.section !== "tableFunctions")) {
      const fromArgs = { variables: new Set<string>(), literals: new Set<string>() };
      for (const arg of signature.args) collectNames(parse(signature, arg, false), fromArgs);
      const inReturn = { variables: new Set<string>(), literals: new Set<string>() };
      collectNames(parse(signature, signature.returns, true), inReturn);
      for (const v of inReturn.variables) expect(fromArgs.variables.has(v), `${section}.${name}: ${v}`).toBe(true);
      for (const l of inReturn.literals) expect(fromArgs.literals.has(l), `${section}.${name}: ${l}`).toBe(true);
    }
  });

  it("points every alias at a function of the catalog", () => {
    for (const [name, entry] of Object.entries(catalog.functions)) {
      if (entry.aliasOf !== undefined) expect(catalog.functions[entry.aliasOf], `${name} -> ${entry.aliasOf}`).toBeDefined();
    }
    expect(lookupFunction("ceil")?.aliasOf).toBe("ceiling");
  });
});

describe("known facts of Trino's functions", () => {
  it("split_part has exactly one signature, of three arguments", () => {
    const entry = lookupFunction("split_part");
    expect(entry?.signatures).toEqual([{ args: ["varchar(x)", "varchar(y)", "bigint"], returns: "varchar(x)", literals: ["x", "y"] }]);
  });

  it("approx_percentile takes one percentage or an array of them, with or without a weight", () => {
    const entry = lookupFunction("approx_percentile");
    expect(entry?.kind).toBe("aggregate");
    expect(accepts(entry, ["double", "double"], "double")).toBe(true);
    expect(accepts(entry, ["double", "array(double)"], "array(double)")).toBe(true);
    expect(accepts(entry, ["bigint", "double", "double"], "bigint")).toBe(true);
    expect(accepts(entry, ["double", "double", "array(double)"], "array(double)")).toBe(true);
    expect(entry?.signatures.every((s) => s.args.length >= 2)).toBe(true);
  });

  it("round over decimal(p,s) with a scale returns decimal(min(38,p+1),s)", () => {
    expect(accepts(lookupFunction("round"), ["decimal(p,s)", "integer"], "decimal(min(38,p+1),s)")).toBe(true);
    expect(accepts(lookupFunction("round"), ["decimal(p,s)"], "decimal(min(38,p-s+min(1,s)),0)")).toBe(true);
  });

  it("knows which functions are aggregates and which only work with OVER", () => {
    expect(lookupFunction("count")?.kind).toBe("aggregate");
    expect(accepts(lookupFunction("count"), [], "bigint")).toBe(true);
    expect(lookupFunction("row_number")?.kind).toBe("window");
    expect(lookupFunction("lag")?.kind).toBe("window");
    expect(lookupFunction("make_set_digest")?.kind).toBe("aggregate");
    expect(lookupFunction("upper")?.kind).toBe("scalar");
  });

  it("date_trunc keeps the precision of a timestamp", () => {
    const entry = lookupFunction("date_trunc");
    expect(accepts(entry, ["varchar(x)", "timestamp(p)"], "timestamp(p)")).toBe(true);
    expect(accepts(entry, ["varchar(x)", "timestamp(p) with time zone"], "timestamp(p) with time zone")).toBe(true);
  });

  it("concat is variadic with at least two arguments, for strings, binaries and arrays", () => {
    const variadic = lookupFunction("concat")?.signatures.filter((s) => s.variadic === true) ?? [];
    expect(variadic.map((s) => `${s.args[0]}:${s.minArity}`).sort()).toEqual(["array(E):2", "varbinary:2", "varchar:2"]);
  });

  it("has json_extract_scalar for json and for varchar", () => {
    expect(accepts(lookupFunction("JSON_EXTRACT_SCALAR"), ["json", "varchar"], "varchar")).toBe(true);
    expect(accepts(lookupFunction("json_extract_scalar"), ["varchar(x)", "varchar"], "varchar(x)")).toBe(true);
  });

  it("writes lambdas as function(arguments..., result)", () => {
    expect(accepts(lookupFunction("transform"), ["array(T)", "function(T, U)"], "array(U)")).toBe(true);
    expect(lookupFunction("array_sort")?.signatures.find((s) => s.args.length === 2)?.args[1]).toBe("function(T, T, integer)");
  });

  it("states what a type variable must support", () => {
    expect(lookupFunction("max")?.signatures[0]?.typeVariables).toEqual({ T: "orderable" });
    expect(lookupFunction("array_distinct")?.signatures[0]?.typeVariables).toEqual({ E: "comparable" });
    expect(lookupFunction("arbitrary")?.signatures[0]?.typeVariables).toEqual({ T: "any" });
  });

  it("lets format take arguments of different types, coalesce only of one", () => {
    expect(lookupFunction("format")?.signatures).toEqual([
      { args: ["varchar", "T"], variadic: true, variadicIndependent: true, returns: "varchar", typeVariables: { T: "any" } },
    ]);
    expect(lookupFunction("coalesce")?.signatures).toEqual([{ args: ["T"], variadic: true, minArity: 2, returns: "T", typeVariables: { T: "any" } }]);
  });

  it("keeps grammar out of the function namespace", () => {
    expect(lookupFunction("current_date")).toBeUndefined();
    expect(catalog.syntax?.current_date?.signatures).toEqual([{ args: [], returns: "date" }]);
    expect(catalog.syntax?.cast?.form).toBe("CAST(value AS type)");
    expect(lookupFunction("classifier")).toBeUndefined();
    expect(catalog.matchRecognize?.classifier?.signatures[0]?.returns).toBe("varchar");
    expect(catalog.tableFunctions?.exclude_columns).toBeDefined();
    expect(lookupFunction("sequence")?.signatures.every((s) => s.returns.startsWith("array("))).toBe(true);
  });

  it("returns undefined for a name Trino does not have", () => {
    expect(lookupFunction("date_trunk")).toBeUndefined();
    expect(lookupFunction("constructor")).toBeUndefined();
  });
});

describe("Athena's exceptions and foreign names", () => {
  it("keeps functions Athena does not support, marked with the reason and the page", () => {
    expect(lookupFunction("objectid")?.athena).toEqual({
      supported: false,
      reason: expect.stringContaining("MongoDB connector") as string,
      source: "https://docs.aws.amazon.com/athena/latest/ug/other-notable-limitations.html",
    });
    expect(lookupFunction("split_part")?.athena).toBeUndefined();
  });

  it("adds the functions only Athena has", () => {
    expect(lookupFunction("invoker_principal")).toMatchObject({ kind: "scalar", origin: "athena", signatures: [{ args: [], returns: "varchar" }] });
  });

  it("carries Athena's documented differences on the entries", () => {
    expect(lookupFunction("uuid")?.athenaNotes?.[0]?.note).toContain("CAST(uuid() AS varchar)");
    expect(catalog.athenaLimits?.maxFunctionArguments).toBe(127);
  });

  it("maps names from other dialects to what Trino has", () => {
    expect(lookupForeignFunction("percentile_approx")).toMatchObject({ dialect: "Hive/Spark", replacement: "approx_percentile(x, 0.5)" });
    expect(lookupForeignFunction("NVL")?.replacement).toBe("coalesce(a, b)");
    expect(lookupForeignFunction("collect_list")?.replacement).toBe("array_agg(x)");
    expect(lookupForeignFunction("size")?.replacement).toBe("cardinality(a)");
    for (const name of ["datediff", "date_sub", "instr", "ifnull", "unix_timestamp", "to_date", "get_json_object"]) {
      expect(lookupForeignFunction(name), name).toBeDefined();
    }
  });

  it("marks a foreign name that Trino also has, and only then", () => {
    for (const [name, foreign] of Object.entries(catalog.foreign)) {
      const trino = catalog.functions[name] !== undefined || catalog.syntax?.[name] !== undefined;
      expect(foreign.trinoHasName === true, name).toBe(trino);
    }
    expect(lookupForeignFunction("to_date")).toMatchObject({ trinoHasName: true, signature: "to_date(string)" });
  });
});
