/**
 * Parse trees as text, to compare two parsers (or one parser with two prediction caches) tree for tree, and the
 * inputs that make the lexer and parser fail in each way they can.
 */
import { brokenStatements, realStatements } from "./corpus/corpus.ts";

export interface Node {
  readonly constructor: { readonly name: string };
  readonly children?: readonly Node[] | null;
  readonly symbol?: { readonly type: number; readonly text: string | null; readonly line: number; readonly column: number; readonly tokenIndex: number };
}

/** The tree as text: every rule context by class with its labelled children, every token by type, text and place. */
export function shape(node: Node, out: string[] = []): string[] {
  if (node.symbol !== undefined) {
    const t = node.symbol;
    // ErrorNode or TerminalNode (antlr4ng 3 names its error node ErrorNode too).
    const kind = node.constructor.name.startsWith("Error") ? "!" : "";
    out.push(`${kind}${t.type}:${t.text ?? ""}@${t.line}:${t.column}#${t.tokenIndex}`);
    return out;
  }
  // Labels (`alias=identifier`) that matched; unmatched ones are undefined in both (antlr4ng 3's classes declare them).
  const fields = node as unknown as Record<string, Node | { text?: string } | null | undefined>;
  const labels = Object.keys(node)
    .filter((key) => key.startsWith("_") && fields[key] !== undefined && fields[key] !== null)
    .sort()
    .map((key) => {
      const value = fields[key]!;
      return "children" in value ? `${key}=${value.constructor.name}` : `${key}=${(value as { text?: string }).text ?? ""}`;
    });
  out.push(`(${node.constructor.name}${labels.length > 0 ? ` ${labels.join(" ")}` : ""}`);
  for (const child of node.children ?? []) shape(child, out);
  out.push(")");
  return out;
}

/** Inputs that fail in each way the lexer and parser can fail, besides the corpus's broken variants. */
export const FAILING = [
  "",
  "SELECT",
  "SELECT a FROM",
  "SELECT a b c FROM t",
  "SELECT $path FROM t",
  "SELECT `a` FROM t",
  "SELECT a FROM t WHERE (a = 1",
  "SELECT a FROM t WHERE a = 'x",
  "SELECT a, FROM t",
  "SELECT a FORM t",
  "SELECT a FROM t GROUP a",
  "SELECT a FROM t; DROP",
  "SELECT * FROM t LATERAL VIEW explode(x) e AS y",
  "SELECT a FROM t QUALIFY row_number() OVER () = 1",
  "WITH x AS (SELECT 1) SELECT * FROM x JOIN y ON x.a = y.",
];

/** Every corpus statement, real and broken, then the failing inputs above. */
export function parserInputs(): { readonly name: string; readonly sql: string }[] {
  return [...realStatements(), ...brokenStatements()].map((s) => ({ name: s.file, sql: s.sql })).concat(FAILING.map((sql) => ({ name: sql, sql })));
}
