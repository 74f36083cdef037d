/**
 * The vendored Trino parser (src/parse/generated/, antlr4ng 3) is dt-sql-parser 4.5.1's grammar, parsing exactly as
 * dt-sql-parser's own generated parser (antlr4ng 2) does: the same ATN, the same context classes and accessors,
 * and over the whole corpus the same trees, token for token, and the same syntax errors.
 */
import { TrinoSQL } from "dt-sql-parser/dist/parser/trino/index.js";
import * as upstream from "dt-sql-parser/dist/lib/trino/TrinoSqlParser.js";
import { TrinoSqlLexer as UpstreamLexer } from "dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanMessage, lexAndParse, parserMessage } from "../src/parse/parser.ts";
import type { RawSyntaxError } from "../src/parse/syntax-hints.ts";
import * as vendored from "../src/parse/trino-grammar.ts";
import { FAILING, parserInputs, shape, type Node } from "./tree-shape.ts";

/** dt-sql-parser's parse as parser.ts ran it before the parser was vendored: SLL, its error strategy, plain errors. */
class UpstreamParse extends TrinoSQL {
  errors: RawSyntaxError[] = [];
  override createErrorListener(): ReturnType<TrinoSQL["createErrorListener"]> {
    const listener = {
      syntaxError: (_r: unknown, offending: { text?: string | null; type?: number } | null, line: number, column: number, message: string) => {
        if (offending === null) {
          const unreadable = /at: '(.*)'$/s.exec(message)?.[1]?.charAt(0) ?? "?";
          this.errors.push({ line, column: column + 1, message: cleanMessage(message), unreadable });
          return;
        }
        this.errors.push({ line, column: column + 1, message: cleanMessage(parserMessage(offending, message)) });
      },
      reportAmbiguity() {},
      reportAttemptingFullContext() {},
      reportContextSensitivity() {},
    };
    return listener as unknown as ReturnType<TrinoSQL["createErrorListener"]>;
  }
  run(sql: string): { tree: unknown; errors: RawSyntaxError[] } {
    this.errors = [];
    // Private in dt-sql-parser's typings; the call parser.ts made before.
    return { tree: (this as unknown as { parseWithCache(input: string): unknown }).parseWithCache(sql), errors: this.errors };
  }
}

const contextMethods = (module: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(module)
      .filter(([name, value]) => name.endsWith("Context") && typeof value === "function")
      .map(([name, value]) => {
        // The vendored parser has no listener or visitor, so no enter/exit/accept methods.
        const methods = Object.getOwnPropertyNames((value as { prototype: object }).prototype).filter((m) => !["constructor", "enterRule", "exitRule", "accept"].includes(m));
        return [name, methods.sort()];
      }),
  );

describe("the vendored Trino parser", () => {
  it("is dt-sql-parser's grammar: the same serialized ATN, rules and tokens", () => {
    expect(vendored.TrinoSqlParser._serializedATN).toEqual(upstream.TrinoSqlParser._serializedATN);
    expect(vendored.TrinoSqlLexer._serializedATN).toEqual(UpstreamLexer._serializedATN);
    expect(vendored.TrinoSqlParser.ruleNames).toEqual(upstream.TrinoSqlParser.ruleNames);
    expect(vendored.TrinoSqlParser.symbolicNames).toEqual(upstream.TrinoSqlParser.symbolicNames);
    expect(vendored.TrinoSqlParser.literalNames).toEqual(upstream.TrinoSqlParser.literalNames);
  });

  it("is the only parser the analysis imports: dt-sql-parser's classes would never match its trees", () => {
    const src = fileURLToPath(new URL("../src/", import.meta.url));
    const importers = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && /from "dt-sql-parser/.test(readFileSync(join(src, file), "utf8")))
      .map((file) => `packages/sql/src/${file}: import the tree classes from parse/trino-grammar.ts`);
    expect(importers).toEqual([]);
  });

  it("has dt-sql-parser's context classes with the same accessors", () => {
    expect(contextMethods(vendored)).toEqual(contextMethods(upstream));
  });

  it("builds the same trees and reports the same syntax errors over the corpus", () => {
    const reference = new UpstreamParse();
    let failing = 0;
    for (const { name, sql } of parserInputs()) {
      const before = reference.run(sql);
      const after = lexAndParse(sql);
      expect({ name, tree: shape(after.tree as unknown as Node).join(" "), errors: after.errors }).toEqual({
        name,
        tree: shape(before.tree as Node).join(" "),
        errors: before.errors,
      });
      if (before.errors.length > 0) failing++;
    }
    // The comparison covered failing parses, not only clean ones.
    expect(failing).toBeGreaterThan(FAILING.length);
  });
});
