/**
 * The saved prediction cache (src/parse/dfa-codec.ts, prediction-cache.ts) is sound: a DFA restored from a file,
 * and one restored, grown and saved again, parse every corpus statement and broken input exactly as a fresh DFA
 * does; restoring decodes nothing a parse does not need; a file made for anything else is refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DFA, SemanticContext } from "antlr4ng";
import { afterAll, describe, expect, it } from "vitest";
import { encodeDfas, learnt, readHeader, restoreDfas, type RestoredDfas } from "../src/parse/dfa-codec.ts";
import { decodeSemantics, SemanticTable } from "../src/parse/dfa-contexts.ts";
import { lexAndParse } from "../src/parse/parser.ts";
import { loadPredictionCache, predictionCacheFile, predictionCacheKey, savePredictionCache } from "../src/parse/prediction-cache.ts";
import { TrinoSqlParser } from "../src/parse/trino-grammar.ts";
import { realStatements } from "./corpus/corpus.ts";
import { parserInputs, shape, type Node } from "./tree-shape.ts";

const atn = TrinoSqlParser._ATN;
const freshDfas = () => atn.decisionToState.map((state, decision) => new DFA(state, decision));
const file = (parts: Buffer[]) => Buffer.concat(parts);
const restore = (bytes: Buffer, dfas = freshDfas()) => ({ dfas, restored: restoreDfas(bytes, readHeader(bytes), atn, dfas) });
const parse = (sql: string, dfas: DFA[]) => {
  const { tree, errors } = lexAndParse(sql, dfas);
  return { tree: shape(tree as unknown as Node).join(" "), errors };
};
const undecoded = (dfas: DFA[]) => dfas.flatMap((dfa) => [...dfa]).filter((state) => Object.getOwnPropertyDescriptor(state, "configs")?.get !== undefined).length;
const stateCount = (dfas: DFA[]) => dfas.reduce((total, dfa) => total + dfa.length, 0);

const inputs = parserInputs();
const real = realStatements();
const half = real.slice(0, Math.floor(real.length / 2));
const temporary = mkdtempSync(join(tmpdir(), "baikal-prediction-"));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe("the saved prediction cache", () => {
  // A DFA that learnt half the real statements, saved, and restored.
  const learning = freshDfas();
  for (const statement of half) lexAndParse(statement.sql, learning);
  const saved = file(encodeDfas("test", atn, learning, undefined));

  it("restores every state and edge, and decodes no configuration a known input does not need", () => {
    const { dfas, restored } = restore(saved);
    expect(restored).toBeDefined();
    expect(stateCount(dfas)).toBe(stateCount(learning));
    expect(undecoded(dfas)).toBe(stateCount(dfas));
    for (const statement of half) lexAndParse(statement.sql, dfas);
    // Every prediction followed a saved edge: nothing was decoded, nothing learnt.
    expect(undecoded(dfas)).toBe(stateCount(dfas));
    expect(stateCount(dfas)).toBe(stateCount(learning));
  });

  it("parses every corpus statement and broken input as a fresh DFA does, restored and restored again after growing", () => {
    const fresh = freshDfas();
    const first = restore(saved);
    const expected = inputs.map(({ sql }) => parse(sql, fresh));
    inputs.forEach(({ name, sql }, i) => expect({ name, ...parse(sql, first.dfas) }).toEqual({ name, ...expected[i] }));
    // The restored DFA grew (the other half, the broken inputs): saved again, on top of the first file.
    expect(stateCount(first.dfas)).toBeGreaterThan(stateCount(learning));
    const again = file(encodeDfas("test", atn, first.dfas, first.restored));
    const second = restore(again);
    expect(stateCount(second.dfas)).toBe(stateCount(first.dfas));
    inputs.forEach(({ name, sql }, i) => expect({ name, ...parse(sql, second.dfas) }).toEqual({ name, ...expected[i] }));
    // It had learnt everything already.
    expect(stateCount(second.dfas)).toBe(stateCount(first.dfas));
  });

  it("rebuilds combined predicates (and, or) to the same hashes", () => {
    const predicate = (rule: number, index: number) => new SemanticContext.Predicate(rule, index, false);
    const both = SemanticContext.andContext(predicate(46, 3), new SemanticContext.PrecedencePredicate(2))!;
    const either = SemanticContext.orContext(both, predicate(149, 16))!;
    const table = new SemanticTable([]);
    const ids = [both, either].map((context) => table.id(context));
    const rebuilt = decodeSemantics(table.data);
    expect(ids.map((id) => rebuilt[id]!.hashCode())).toEqual([both.hashCode(), either.hashCode()]);
    expect(rebuilt.map((context) => context.hashCode())).toEqual(table.hashes);
  });

  it("restores only into DFAs that have not predicted yet", () => {
    expect(restore(saved, learning).restored).toBeUndefined();
  });

  it("refuses a file whose semantic contexts do not rebuild to the same hashes", () => {
    const { header, body } = readHeader(saved);
    const tampered = Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, semanticHashes: header.semanticHashes.map((h) => h + 1) })}\n`), saved.subarray(body)]);
    expect(restore(tampered).restored).toBeUndefined();
  });

  it("stops at a state whose configurations do not hash as they were saved", () => {
    const { header, body } = readHeader(saved);
    const [first, ...rest] = header.dfas;
    const states = [...first!.states];
    states[0] = states[0]! + 1;
    const tampered = Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, dfas: [{ ...first!, states }, ...rest] })}\n`), saved.subarray(body)]);
    const { dfas } = restore(tampered);
    const state = [...dfas[first!.decision]!][0]!;
    expect(() => state.configs).toThrow(`a restored DFA state does not hash as it was saved (${states[0]! - 1}, saved ${states[0]})`);
  });

  it("is written under node_modules/.cache/baikal of the nearest folder holding node_modules, or beside BAIKAL_CACHE_FILE", () => {
    const root = join(temporary, "project");
    mkdirSync(join(root, "node_modules"), { recursive: true });
    mkdirSync(join(root, "domains", "sales"), { recursive: true });
    const previous = process.env.BAIKAL_CACHE_FILE;
    try {
      delete process.env.BAIKAL_CACHE_FILE;
      expect(predictionCacheFile(join(root, "domains", "sales"))).toBe(join(root, "node_modules", ".cache", "baikal", "trino-prediction.dfa"));
      process.env.BAIKAL_CACHE_FILE = join(temporary, "elsewhere", "view-analyses.json");
      expect(predictionCacheFile(join(root, "domains", "sales"))).toBe(join(temporary, "elsewhere", "trino-prediction.dfa"));
    } finally {
      if (previous === undefined) delete process.env.BAIKAL_CACHE_FILE;
      else process.env.BAIKAL_CACHE_FILE = previous;
    }
  });

  it("saves and loads through a file, and ignores a file written for another grammar or runtime", () => {
    const path = join(temporary, "cache", "trino-prediction.dfa");
    const key = predictionCacheKey();
    savePredictionCache(path, key, learning, undefined);
    const loaded = freshDfas();
    const restored: RestoredDfas | undefined = loadPredictionCache(path, key, loaded);
    expect(restored).toBeDefined();
    expect(learnt(atn, loaded)).toBe(learnt(atn, learning));
    expect(readFileSync(path).subarray(0, 8).toString()).toBe('{"key":"');
    expect(loadPredictionCache(path, "another grammar", freshDfas())).toBeUndefined();
    expect(loadPredictionCache(join(temporary, "missing.dfa"), key, freshDfas())).toBeUndefined();
  });

  it("keeps a bigger file for the same grammar that another process wrote, and replaces one for another grammar", () => {
    const path = join(temporary, "concurrent", "trino-prediction.dfa");
    const key = predictionCacheKey();
    const small = freshDfas();
    lexAndParse(half[0]!.sql, small);
    savePredictionCache(path, key, learning, undefined);
    const big = readFileSync(path);
    savePredictionCache(path, key, small, undefined);
    expect(readFileSync(path).equals(big)).toBe(true);
    savePredictionCache(path, "another grammar", learning, undefined);
    savePredictionCache(path, key, small, undefined);
    expect(readFileSync(path).length).toBeLessThan(big.length);
    const reloaded = freshDfas();
    expect(loadPredictionCache(path, key, reloaded)).toBeDefined();
    expect(stateCount(reloaded)).toBe(stateCount(small));
  });
});
