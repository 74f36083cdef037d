import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalSignature } from "../scripts/catalog/canonical-signature.ts";
import { formatCatalogJson, generateFunctionCatalog, PATHS } from "../scripts/catalog/generate.ts";
import { problems } from "../scripts/catalog/problems.ts";

/** A Trino checkout in miniature: two topic pages, the index, a pom.xml with the release. */
const DOCS: Record<string, string> = {
  "pom.xml": "<project><parent><version>1</version></parent><version>999</version></project>",
  "docs/src/main/sphinx/functions.md": [
    "# Functions and operators",
    "## Functions per topic",
    "```{toctree}",
    "String    <functions/string>",
    "Aggregate <functions/aggregate>",
    "```",
  ].join("\n"),
  "docs/src/main/sphinx/functions/list.md": ["## S", "- {func}`split_part`", "- {func}`substr`", "- {func}`substring`", "- [AND](logical-operators)", "## C", "- {func}`count`"].join("\n"),
  "docs/src/main/sphinx/functions/string.md": [
    "# String functions",
    ":::{function} split_part(string, delimiter, index) -> varchar",
    "Splits `string` on `delimiter` and returns the field `index`.",
    "Field indexes start with `1`.",
    ":::",
    "",
    ":::{function} substring(string, start) -> varchar",
    "Returns the rest of `string` from the starting position `start`.",
    ":::",
    "",
    ":::{function} substr(string, start) -> varchar",
    "This is an alias for {func}`substring`.",
    ":::",
  ].join("\n"),
  "docs/src/main/sphinx/functions/aggregate.md": [
    "# Aggregate functions",
    ":::{function} count(*) -> bigint",
    "Returns the number of input rows.",
    ":::",
  ].join("\n"),
};

const SUBSTRING = [{ args: ["varchar(x)", "bigint"], returns: "varchar(x)", literals: ["x"] }];
const OVERLAY = {
  functions: {
    split_part: { "split_part(string, delimiter, index) -> varchar": [{ args: ["varchar(x)", "varchar(y)", "bigint"], returns: "varchar(x)", literals: ["x", "y"] }] },
    substring: { "substring(string, start) -> varchar": SUBSTRING },
    substr: { "substr(string, start) -> varchar": SUBSTRING },
    count: { "count(*) -> bigint": [{ args: [], returns: "bigint" }] },
  },
  prose: {},
  indexExclusions: {},
};
const ATHENA = {
  topics: { source: "https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html", pages: ["functions/string.md", "functions/aggregate.md"] },
  unsupportedTopics: {},
  unsupported: {},
  notes: { count: [{ note: "counts rows", source: "https://docs.aws.amazon.com/athena/latest/ug/x.html" }] },
  additions: { invoker_principal: { kind: "scalar", signatures: [{ args: [], returns: "varchar" }], description: "d", doc: "https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html", source: "https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html" } },
  limits: { maxFunctionArguments: 127, maxArrayConstructorElements: 254, sources: [] },
};
const FOREIGN = { functions: { nvl: { dialect: "Hive/Spark", replacement: "coalesce(a, b)" } } };

type Json = Record<string, unknown>;

/** Writes the fixture checkout and the three JSON inputs (each overridable) and runs the generator on them. */
function generate(changes: { docs?: Record<string, string>; overlay?: Json; athena?: Json; foreign?: Json } = {}) {
  const root = mkdtempSync(join(tmpdir(), "fncat-"));
  const trino = join(root, "trino");
  for (const [path, text] of Object.entries({ ...DOCS, ...changes.docs })) {
    mkdirSync(dirname(join(trino, path)), { recursive: true });
    writeFileSync(join(trino, path), text);
  }
  const write = (name: string, value: unknown) => (writeFileSync(join(root, name), JSON.stringify(value)), join(root, name));
  const paths = {
    overlay: write("overlay.json", changes.overlay ?? OVERLAY),
    athenaExceptions: write("athena.json", changes.athena ?? ATHENA),
    foreignFunctions: write("foreign.json", changes.foreign ?? FOREIGN),
  };
  return { trino, paths, result: generateFunctionCatalog({ trino, paths }) };
}

describe("generate-function-catalog", () => {
  it("types every documented signature from the overlay and applies Athena's exceptions", () => {
    const { result } = generate();
    expect(result.problems).toEqual([]);
    expect(result.catalog.source).toMatchObject({ repository: "trinodb/trino", ref: "999", docs: "docs/src/main/sphinx/functions" });
    expect(result.catalog.functions.split_part).toEqual({
      kind: "scalar",
      signatures: [{ args: ["varchar(x)", "varchar(y)", "bigint"], returns: "varchar(x)", literals: ["x", "y"] }],
      doc: "functions/string.md#split_part",
      description: "Splits string on delimiter and returns the field index.",
    });
    expect(result.catalog.functions.substr?.aliasOf).toBe("substring");
    expect(result.catalog.functions.count).toMatchObject({ kind: "aggregate", athenaNotes: [{ note: "counts rows" }] });
    expect(result.catalog.functions.invoker_principal).toMatchObject({ origin: "athena", signatures: [{ args: [], returns: "varchar" }] });
    expect(result.catalog.foreign.nvl?.replacement).toBe("coalesce(a, b)");
  });

  it("fails when the docs document a signature the overlay cannot type", () => {
    const string = `${DOCS["docs/src/main/sphinx/functions/string.md"]}\n\n:::{function} split_part(string, delimiter) -> varchar\nShort form.\n:::`;
    const { result } = generate({ docs: { "docs/src/main/sphinx/functions/string.md": string } });
    expect(result.problems).toEqual([problems.missingSignature("split_part", "functions/string.md", 15, "split_part(string, delimiter) -> varchar")]);
    expect(result.problems[0]).toBe(
      'missing: functions/string.md:15: "split_part(string, delimiter) -> varchar" has no types in signature-overlay.json functions.split_part; add the key with its signatures',
    );
  });

  it("fails when the docs document a function the overlay does not know", () => {
    const string = `${DOCS["docs/src/main/sphinx/functions/string.md"]}\n\n:::{function} upper(string) -> varchar\nConverts.\n:::`;
    const list = `${DOCS["docs/src/main/sphinx/functions/list.md"]}\n- {func}\`upper\``;
    const { result } = generate({ docs: { "docs/src/main/sphinx/functions/string.md": string, "docs/src/main/sphinx/functions/list.md": list } });
    expect(result.problems).toEqual([
      'missing: upper is documented but signature-overlay.json has no functions.upper; add it with types for:\n    functions/string.md:15: "upper(string) -> varchar"',
    ]);
  });

  it("fails when the overlay names a signature or a function the docs no longer have", () => {
    const overlay = {
      ...OVERLAY,
      functions: { ...OVERLAY.functions, split_part: { ...OVERLAY.functions.split_part, "split_part(a, b) -> varchar": SUBSTRING }, lower: { "lower(s) -> varchar": SUBSTRING } },
    };
    expect(generate({ overlay }).result.problems).toEqual([
      'stale: signature-overlay.json functions.split_part["split_part(a, b) -> varchar"]: the docs no longer document this signature; remove or rename the key',
      "stale: signature-overlay.json functions.lower: the docs no longer document lower; remove the entry",
    ]);
  });

  it("fails on a type the catalog's type language cannot read, naming the entry", () => {
    const bad = (signature: Json) => ({ ...OVERLAY, functions: { ...OVERLAY.functions, count: { "count(*) -> bigint": [signature] } } });
    const where = 'signature-overlay.json functions.count["count(*) -> bigint"][0]';
    expect(generate({ overlay: bad({ args: ["strin"], returns: "bigint" }) }).result.problems).toEqual([
      problems.invalidSignature(where, 'argument 1 "strin": unknown type "strin"'),
    ]);
    expect(generate({ overlay: bad({ args: ["varchar(x+1)"], returns: "bigint", literals: ["x"] }) }).result.problems).toEqual([
      `invalid: ${where}: argument 1 "varchar(x+1)": literal arithmetic is allowed in return types only`,
    ]);
    expect(generate({ overlay: bad({ args: ["array(T)"], returns: "bigint" }) }).result.problems).toEqual([
      `invalid: ${where}: argument 1 "array(T)": type variable T is not declared`,
    ]);
    expect(generate({ overlay: bad({ args: ["bigint"], returns: "T", typeVariables: { T: "any" } }) }).result.problems).toEqual([
      `invalid: ${where}: type variable T of the return type is not bound by any argument`,
    ]);
  });

  it("fails when list.md indexes a name that is neither documented, prose nor excluded", () => {
    const list = `${DOCS["docs/src/main/sphinx/functions/list.md"]}\n- [json_exists()](json-exists)`;
    const overlay = { ...OVERLAY, indexExclusions: { permute: "pattern syntax" } };
    expect(generate({ docs: { "docs/src/main/sphinx/functions/list.md": list }, overlay }).result.problems).toEqual([
      "missing: functions/list.md lists json_exists (json-exists) without a function directive; add it to prose or indexExclusions in signature-overlay.json",
      "stale: signature-overlay.json indexExclusions.permute: functions/list.md no longer lists permute; remove it",
    ]);
  });

  it("fails when an alias accepts other arguments than the function it aliases", () => {
    const overlay = { ...OVERLAY, functions: { ...OVERLAY.functions, substr: { "substr(string, start) -> varchar": [{ args: ["varbinary", "bigint"], returns: "varbinary" }] } } };
    expect(generate({ overlay }).result.problems).toEqual([
      'invalid: functions/string.md:11: substr is documented as an alias for substring but their signatures differ; make them equal in signature-overlay.json:\n' +
        '    substr: {"args":["varbinary","bigint"],"returns":"varbinary"}\n' +
        '    substring: {"args":["varchar(x)","bigint"],"returns":"varchar(x)","literals":["x"]}',
    ]);
    // varchar and varchar(x) accept the same arguments: an alias may spell either.
    const spelled = { ...OVERLAY, functions: { ...OVERLAY.functions, substr: { "substr(string, start) -> varchar": [{ args: ["varchar", "bigint"], returns: "varchar" }] } } };
    expect(generate({ overlay: spelled }).result.problems).toEqual([]);
  });

  it("fails when Trino has a topic page Athena's reference does not link, or an exception names what Trino lacks", () => {
    const athena = {
      ...ATHENA,
      topics: { ...ATHENA.topics, pages: ["functions/string.md", "functions/ai.md"] },
      unsupported: { objectid: { reason: "connector", source: "https://docs.aws.amazon.com/athena/latest/ug/other-notable-limitations.html" } },
      additions: { ...ATHENA.additions, count: ATHENA.additions.invoker_principal },
    };
    expect(generate({ athena }).result.problems).toEqual([
      "missing: Trino documents the topic functions/aggregate.md, which athena-exceptions.json neither lists in topics.pages (Athena links it) nor in unsupportedTopics; check https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html",
      "stale: athena-exceptions.json names the topic functions/ai.md, which the Trino docs no longer have; remove it",
      "stale: athena-exceptions.json unsupported.objectid: the catalog has no function objectid; remove the entry",
      "stale: athena-exceptions.json additions.count: Trino now documents count; remove the addition",
    ]);
  });

  it("fails when a foreign name shadows a Trino function without saying so", () => {
    const foreign = { functions: { substring: { dialect: "MySQL", replacement: "substr(s, 1, n)" }, left: { dialect: "MySQL", replacement: "substr(s, 1, n)", trinoHasName: true, signature: "left(s, n)" } } };
    expect(generate({ foreign }).result.problems).toEqual([
      'stale: foreign-functions.json functions.substring: Trino has a function substring; remove the entry or mark it "trinoHasName": true with the foreign "signature"',
      "stale: foreign-functions.json functions.left: marked trinoHasName, but the catalog has no function left; drop the mark",
    ]);
  });

  it("reads the docs from git at the ref it is given, not from the working tree", () => {
    const { trino, paths } = generate();
    const git = (...args: string[]) => execFileSync("git", ["-C", trino, ...args], { encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "docs");
    const commit = git("rev-parse", "HEAD").trim();
    writeFileSync(join(trino, "docs/src/main/sphinx/functions/aggregate.md"), ":::{function} sum(x) -> bigint\nAdds.\n:::");
    const result = generateFunctionCatalog({ trino, ref: commit, paths });
    expect(result.problems).toEqual([]);
    expect(result.catalog.source.commit).toBe(commit);
    expect(result.catalog.functions.count?.kind).toBe("aggregate");
  });
});

describe("the catalog's type language", () => {
  it("spells types canonically and keeps literal arithmetic in return types", () => {
    expect(canonicalSignature({ args: ["DECIMAL(p, s)", "Integer"], returns: "decimal(min(38, p + 1), s)", literals: ["p", "s"] })).toEqual({
      args: ["decimal(p,s)", "integer"],
      returns: "decimal(min(38,p+1),s)",
      literals: ["p", "s"],
    });
    expect(canonicalSignature({ args: ["map(K,V)", "function(K,V,boolean)"], returns: "map(K,V)", typeVariables: { K: "any", V: "any" } }).args).toEqual([
      "map(K, V)",
      "function(K, V, boolean)",
    ]);
  });

  it("fails on a declared type variable or literal no type uses", () => {
    expect(() => canonicalSignature({ args: ["bigint"], returns: "bigint", typeVariables: { T: "any" } })).toThrow("type variable T is declared but not used");
    expect(() => canonicalSignature({ args: ["varchar"], returns: "varchar", literals: ["x"] })).toThrow("literal x is declared but not used");
  });
});

const trinoSource = process.env.BAIKAL_TRINO_SOURCE;
const checkedIn = JSON.parse(readFileSync(PATHS.catalog, "utf8")) as { source: { ref: string; commit?: string } };

describe("the checked-in catalog", () => {
  it.skipIf(trinoSource === undefined)(
    "is what the script generates from Trino's docs (set BAIKAL_TRINO_SOURCE to a trinodb/trino checkout or git dir to run this)",
    () => {
      const ref = process.env.BAIKAL_TRINO_REF ?? checkedIn.source.commit ?? checkedIn.source.ref;
      const { catalog, problems: found } = generateFunctionCatalog({ trino: trinoSource!, ref });
      expect(found).toEqual([]);
      expect(`${formatCatalogJson(catalog)}\n`).toBe(readFileSync(PATHS.catalog, "utf8"));
    },
  );
});
