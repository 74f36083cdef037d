/**
 * The corpus fixtures are well-formed: headers present, positions inside their files, declared columns parse as
 * Hive types, every database exists in tables/. What the analysis makes of them is tested elsewhere.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BROKEN_CLASSES,
  CORPUS_DIR,
  brokenStatements,
  corpusTables,
  parseColumns,
  realStatements,
  type CorpusColumn,
} from "./corpus/corpus.ts";

const PRIMITIVES = /^(string|bigint|int|smallint|tinyint|double|float|boolean|date|timestamp|binary)$/;

/** True when `text` is a Hive type as Glue stores it (lower case, no spaces). */
function isHiveType(text: string): boolean {
  let at = 0;
  const eat = (literal: string): boolean => (text.startsWith(literal, at) ? ((at += literal.length), true) : false);
  const name = (): string | undefined => {
    const match = /^[a-z0-9_$]+/.exec(text.slice(at));
    if (!match) return undefined;
    at += match[0].length;
    return match[0];
  };
  const type = (): boolean => {
    if (eat("array<")) return type() && eat(">");
    if (eat("map<")) return type() && eat(",") && type() && eat(">");
    if (eat("struct<")) {
      do if (name() === undefined || !eat(":") || !type()) return false;
      while (eat(","));
      return eat(">");
    }
    const decimal = /^(decimal\(\d+,\d+\)|varchar\(\d+\)|char\(\d+\))/.exec(text.slice(at));
    if (decimal) return (at += decimal[0].length), true;
    const simple = name();
    return simple !== undefined && PRIMITIVES.test(simple);
  };
  return type() && at === text.length;
}

function badColumns(columns: readonly CorpusColumn[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { name, hiveType } of columns) {
    if (!isHiveType(hiveType)) problems.push(`${name}: "${hiveType}" is not a Hive type`);
    if (seen.has(name.toLowerCase())) problems.push(`${name}: declared twice`);
    seen.add(name.toLowerCase());
  }
  return problems;
}

const real = realStatements();
const broken = brokenStatements();
const tables = corpusTables();
const databases = new Set(tables.map((t) => t.database));

describe("corpus of real statements", () => {
  it("holds at least 130 statements", () => {
    expect(real.length).toBeGreaterThanOrEqual(130);
  });

  it("names source, author and licence, database, adaptation and columns in every file", () => {
    const missing = real.flatMap((s) =>
      ["source", "author", "database", "adapted", "columns"].filter((key) => !s.headers[key]).map((key) => `${s.file}: no -- ${key}:`),
    );
    expect(missing).toEqual([]);
    expect(real.filter((s) => !/^https:\/\//.test(s.source)).map((s) => s.file)).toEqual([]);
    expect(real.filter((s) => !/licence: \S/.test(s.headers["author"] ?? "")).map((s) => s.file)).toEqual([]);
  });

  it("declares every output column as a distinct name with a Hive type", () => {
    expect(real.flatMap((s) => badColumns(s.columns).map((p) => `${s.file}: ${p}`))).toEqual([]);
    expect(real.filter((s) => s.columns.length === 0).map((s) => s.file)).toEqual([]);
  });

  it("reads from databases that tables/ declares", () => {
    expect(real.filter((s) => !databases.has(s.database)).map((s) => `${s.file}: ${s.database}`)).toEqual([]);
  });

  it("has at least 25 long statements (2 KB or more)", () => {
    expect(real.filter((s) => s.sql.length >= 2048).length).toBeGreaterThanOrEqual(25);
  });
});

describe("corpus of broken variants", () => {
  it("holds at least 70 variants", () => {
    expect(broken.length).toBeGreaterThanOrEqual(70);
  });

  it("names the real statement, class, mistake, position, database and columns in every file", () => {
    const missing = broken.flatMap((s) =>
      ["variant-of", "class", "mistake", "expect", "database", "columns"]
        .filter((key) => !s.headers[key])
        .map((key) => `${s.file}: no -- ${key}:`),
    );
    expect(missing).toEqual([]);
    expect(broken.filter((s) => !existsSync(join(CORPUS_DIR, s.source))).map((s) => `${s.file}: ${s.source}`)).toEqual([]);
    expect(broken.filter((s) => !BROKEN_CLASSES.includes(s.class!)).map((s) => `${s.file}: ${s.class}`)).toEqual([]);
  });

  it("covers every class at least three times", () => {
    const counts = new Map(BROKEN_CLASSES.map((c) => [c, broken.filter((s) => s.class === c).length]));
    expect([...counts].filter(([, n]) => n < 3)).toEqual([]);
  });

  it("expects each mistake at a position inside the SELECT, below the header lines", () => {
    const outside = broken.filter(({ sql, expect: at, headers }) => {
      const lines = sql.split("\n");
      const headerLines = Object.keys(headers).length;
      return !at || at.line <= headerLines || at.line > lines.length || at.column < 1 || at.column > lines[at.line - 1]!.length;
    });
    expect(outside.map((s) => `${s.file}: ${s.headers["expect"]}`)).toEqual([]);
  });

  it("declares columns that parse and databases that tables/ declares", () => {
    expect(broken.flatMap((s) => badColumns(s.columns).map((p) => `${s.file}: ${p}`))).toEqual([]);
    expect(broken.filter((s) => !databases.has(s.database)).map((s) => `${s.file}: ${s.database}`)).toEqual([]);
  });
});

describe("corpus tables", () => {
  it("declare every column and partition key with a Hive type, once per table", () => {
    const problems = tables.flatMap((t) =>
      badColumns([...t.columns, ...t.partitionKeys]).map((p) => `${t.database}.${t.name}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("name each table once per database and say where its schema comes from", () => {
    const keys = tables.map((t) => `${t.database}.${t.name}`.toLowerCase());
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(tables.filter((t) => t.source.trim() === "").map((t) => t.name)).toEqual([]);
  });

  it("parses quoted column names with spaces", () => {
    expect(parseColumns('a string, "b c" map<string,int>, d decimal(38,2)')).toEqual([
      { name: "a", hiveType: "string" },
      { name: "b c", hiveType: "map<string,int>" },
      { name: "d", hiveType: "decimal(38,2)" },
    ]);
  });
});
