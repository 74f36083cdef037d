/**
 * ANTLR's prediction cache (the parser's DFA, one per decision) written to bytes, and read back. ANTLR fills the
 * DFA as it parses: each state is the set of ATN configurations (ATN state, alternative, rule-invocation stack,
 * predicate) it stands for, each edge the token that leads on. Computing those sets is the parser's warm-up, so a
 * restored DFA predicts at once what a fresh one would compute. The same goes for the tokens that may come next in
 * each ATN state (`nextTokenWithinRule`), which error recovery's `sync` computes on a state's first visit.
 *
 * The file is a JSON line (states, edges, predictions: what prediction reads) followed by a body of configuration
 * sets and prediction contexts as plain comma-separated numbers. Restoring reads the JSON line only; a state's
 * configurations are decoded when the parser first needs them (to add an edge the file does not have, or to
 * report an error), and are checked against the hash the DFA keys the state by. Saving again keeps the old body
 * as it is and appends what is new, so it costs what the process learnt, not what the file holds.
 */
import { ATNConfig, ATNConfigSet, ATNSimulator, BitSet, DFAState, IntervalSet, type ATN, type DFA, type PredictionContext, type SemanticContext } from "antlr4ng";
import { ContextTable, decodeContexts, decodeSemantics, readNumbers, SemanticTable } from "./dfa-contexts.ts";

export interface EncodedDfa {
  readonly decision: number;
  /** The start state's index; -1 in a precedence DFA, whose start states are by precedence in `precedence`. */
  readonly s0: number;
  /** Precedence, state index, ... */
  readonly precedence: readonly number[];
  /** Per state: hash, flags, prediction, uniqueAlt, configs start, configs end, n, n conflicting alts, n, n × (semantic id, alt), n, n × (symbol + 1, target). */
  readonly states: readonly number[];
}

export interface Header {
  readonly key: string;
  /** Semantic contexts: `[0, rule, predicate, ctxDependent]`, `[1, precedence]`, `[2 | 3, ...operands]` (and, or); id 0 is NONE. */
  readonly semantics: readonly (readonly number[])[];
  readonly semanticHashes: readonly number[];
  /**
   * Where the prediction contexts are in the body, in id order: `1, parent, returnState` or `2, n, n parents,
   * n return states`, parents first; id 0 is the empty context.
   */
  readonly contexts: readonly (readonly [number, number])[];
  readonly contextCount: number;
  readonly dfas: readonly EncodedDfa[];
  /** The ATN states' next-token sets: ATN state, n, n × (from, to), ... */
  readonly nextTokens: readonly number[];
}

const ACCEPT = 1;
const FULL_CONTEXT = 2;
const HAS_SEMANTIC_CONTEXT = 4;
const DIPS_INTO_OUTER_CONTEXT = 8;
const ERROR_TARGET = -1;
const NEWLINE = 10;

/** Where a restored state's configuration set is in the file, with what the set records besides its configurations. */
interface Origin {
  readonly hash: number;
  readonly flags: number;
  readonly uniqueAlt: number;
  readonly conflicting: readonly number[];
  readonly start: number;
  readonly end: number;
}

/** The file the DFAs were restored from: what is still undecoded, and the body a new save starts from. */
export class RestoredDfas {
  private contexts: PredictionContext[] | undefined;
  readonly origins = new WeakMap<DFAState, Origin>();

  constructor(
    readonly header: Header,
    readonly bytes: Buffer,
    readonly body: number,
    readonly semantics: readonly SemanticContext[],
    private readonly atn: ATN,
  ) {}

  /** The saved prediction contexts, decoded on first need; their ids stay valid when the file is saved again. */
  decodedContexts(): PredictionContext[] {
    this.contexts ??= decodeContexts(this.header.contexts.flatMap(([start, end]) => readNumbers(this.bytes, this.body + start, this.body + end)));
    return this.contexts;
  }

  /** Whether the saved prediction contexts have been decoded (a new save can then reuse their ids). */
  hasDecodedContexts(): boolean {
    return this.contexts !== undefined;
  }

  decodeConfigs(saved: Origin): ATNConfigSet {
    const contexts = this.decodedContexts();
    const numbers = readNumbers(this.bytes, this.body + saved.start, this.body + saved.end);
    const set = new ATNConfigSet(false);
    for (let i = 0; i < numbers.length; i += 4) {
      const flags = numbers[i + 3]!;
      const config = ATNConfig.createWithContext(this.atn.states[numbers[i]!]!, numbers[i + 1]!, contexts[numbers[i + 2]!]!, this.semantics[flags >> 2]!);
      config.reachesIntoOuterContext = (flags & 2) !== 0;
      config.precedenceFilterSuppressed = (flags & 1) !== 0;
      set.configs.push(config);
    }
    set.uniqueAlt = saved.uniqueAlt;
    set.conflictingAlts = saved.conflicting.length === 0 ? null : bitSet(saved.conflicting);
    set.hasSemanticContext = (saved.flags & HAS_SEMANTIC_CONTEXT) !== 0;
    set.dipsIntoOuterContext = (saved.flags & DIPS_INTO_OUTER_CONTEXT) !== 0;
    set.setReadonly(true);
    if (set.hashCode() !== saved.hash) throw new Error(`a restored DFA state does not hash as it was saved (${set.hashCode()}, saved ${saved.hash})`);
    return set;
  }
}

/** The header of a saved file and where its body starts; throws when it is not one. */
export function readHeader(bytes: Buffer): { header: Header; body: number } {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) throw new Error("not a saved DFA: no header line");
  return { header: JSON.parse(bytes.toString("utf8", 0, end)) as Header, body: end + 1 };
}

/**
 * Fills the empty `dfas` from a saved file. Returns undefined, leaving them empty, when it does not fit: a DFA
 * already used, a decision of another kind, or a semantic context that does not rebuild to the same hash.
 */
export function restoreDfas(bytes: Buffer, { header, body }: { header: Header; body: number }, atn: ATN, dfas: readonly DFA[]): RestoredDfas | undefined {
  if (dfas.some((dfa) => dfa.length > 0)) return undefined;
  if (header.dfas.some((saved) => dfas[saved.decision]?.isPrecedenceDfa !== saved.s0 < 0)) return undefined;
  const semantics = decodeSemantics(header.semantics);
  if (semantics.some((context, id) => context.hashCode() !== header.semanticHashes[id])) return undefined;
  const restored = new RestoredDfas(header, bytes, body, semantics, atn);
  for (const saved of header.dfas) {
    const dfa = dfas[saved.decision]!;
    const states: DFAState[] = [];
    const edges: number[][] = [];
    const data = saved.states;
    for (let i = 0; i < data.length; ) {
      const state = DFAState.fromState(states.length);
      const [hash, flags, prediction, uniqueAlt, start, end] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!, data[i + 4]!, data[i + 5]!];
      const conflicting = data.slice(i + 7, (i += 7 + data[i + 6]!));
      const predicates = data.slice(i + 1, (i += 1 + 2 * data[i]!));
      edges.push(data.slice(i + 1, (i += 1 + 2 * data[i]!)));
      state.isAcceptState = (flags & ACCEPT) !== 0;
      state.requiresFullContext = (flags & FULL_CONTEXT) !== 0;
      state.prediction = prediction;
      state.predicates = predicates.length === 0 ? null : pairs(predicates).map(([id, alt]) => ({ pred: semantics[id]!, alt }));
      const origin: Origin = { hash, flags, uniqueAlt, conflicting, start, end };
      restored.origins.set(state, origin);
      Object.defineProperty(state, "configs", {
        configurable: true,
        enumerable: true,
        get() {
          const configs = restored.decodeConfigs(origin);
          Object.defineProperty(state, "configs", { value: configs, writable: true, configurable: true, enumerable: true });
          return configs;
        },
      });
      // DFA.addState would hash the configurations, decoding them; the map is keyed by that hash.
      (dfa as unknown as { states: Map<number, DFAState> }).states.set(hash, state);
      states.push(state);
    }
    edges.forEach((list, index) => {
      for (let e = 0; e < list.length; e += 2) states[index]!.edges[list[e]!] = list[e + 1] === ERROR_TARGET ? ATNSimulator.ERROR : states[list[e + 1]!]!;
    });
    if (saved.s0 >= 0) dfa.s0 = states[saved.s0];
    else for (const [precedence, target] of pairs(saved.precedence)) dfa.s0!.edges[precedence] = states[target]!;
  }
  const next = header.nextTokens;
  for (let i = 0; i < next.length; ) {
    const state = atn.states[next[i]!]!;
    const set = new IntervalSet();
    for (const [from, to] of pairs(next.slice(i + 2, (i += 2 + 2 * next[i + 1]!)))) set.addRange(from, to);
    state.nextTokenWithinRule ??= set;
  }
  return restored;
}

/** What the DFAs and the ATN have learnt: saving is worth it when this grew. */
export function learnt(atn: ATN, dfas: readonly DFA[]): number {
  return dfas.reduce((total, dfa) => total + dfa.length, 0) + atn.states.filter((s) => s?.nextTokenWithinRule !== undefined).length;
}

/**
 * The DFAs as a file. The body of `previous` (the file they were restored from) is kept as it is, so restored
 * states keep their configurations where they are; new states and contexts are appended.
 */
export function encodeDfas(key: string, atn: ATN, dfas: readonly DFA[], previous: RestoredDfas | undefined): Buffer[] {
  const oldBody = previous === undefined ? Buffer.alloc(0) : previous.bytes.subarray(previous.body);
  const contexts = new ContextTable(previous?.header.contextCount ?? 1, previous?.hasDecodedContexts() ? previous.decodedContexts() : []);
  const semantics = new SemanticTable(previous?.semantics ?? []);
  const added: string[] = [];
  let offset = oldBody.length;
  const place = (text: string): [number, number] => {
    added.push(text);
    offset += text.length;
    return [offset - text.length, offset];
  };
  const encoded: EncodedDfa[] = [];
  for (const dfa of dfas) {
    if (dfa.length === 0) continue;
    const states: number[] = [];
    for (const state of dfa) {
      const origin = previous?.origins.get(state);
      if (origin !== undefined) {
        states.push(origin.hash, origin.flags, state.prediction, origin.uniqueAlt, origin.start, origin.end, origin.conflicting.length, ...origin.conflicting);
      } else {
        const set = state.configs;
        const flags = (state.isAcceptState ? ACCEPT : 0) | (state.requiresFullContext ? FULL_CONTEXT : 0) | (set.hasSemanticContext ? HAS_SEMANTIC_CONTEXT : 0) | (set.dipsIntoOuterContext ? DIPS_INTO_OUTER_CONTEXT : 0);
        const list = set.configs.map((c) => `${c.state.stateNumber},${c.alt},${contexts.id(c.context!)},${semantics.id(c.semanticContext) * 4 + (c.reachesIntoOuterContext ? 2 : 0) + (c.precedenceFilterSuppressed ? 1 : 0)},`);
        const [start, end] = place(list.join(""));
        const conflicting = set.conflictingAlts?.values() ?? [];
        states.push(set.hashCode(), flags, state.prediction, set.uniqueAlt, start, end, conflicting.length, ...conflicting);
      }
      const predicates = (state.predicates ?? []).flatMap((p) => [semantics.id(p.pred), p.alt]);
      states.push(predicates.length / 2, ...predicates);
      const edgeStart = states.push(0);
      state.edges.forEach((target, symbol) => target !== undefined && states.push(symbol, target === ATNSimulator.ERROR ? ERROR_TARGET : target.stateNumber));
      states[edgeStart - 1] = (states.length - edgeStart) / 2;
    }
    const precedence: number[] = [];
    if (dfa.isPrecedenceDfa) dfa.s0!.edges.forEach((target, p) => target !== undefined && precedence.push(p, target.stateNumber));
    encoded.push({ decision: dfa.decision, s0: dfa.isPrecedenceDfa ? -1 : (dfa.s0?.stateNumber ?? -1), precedence, states });
  }
  const newContexts = contexts.added();
  const contextRanges = [...(previous?.header.contexts ?? []), ...(newContexts === "" ? [] : [place(newContexts)])];
  const nextTokens: number[] = [];
  for (const state of atn.states) {
    const set = state?.nextTokenWithinRule;
    if (set === undefined) continue;
    const ranges = [...set].flatMap((interval) => [interval.start, interval.stop]);
    nextTokens.push(state!.stateNumber, ranges.length / 2, ...ranges);
  }
  const header: Header = { key, semantics: semantics.data, semanticHashes: semantics.hashes, contexts: contextRanges, contextCount: contexts.count(), dfas: encoded, nextTokens };
  return [Buffer.from(`${JSON.stringify(header)}\n`, "utf8"), oldBody, Buffer.from(added.join(""), "latin1")];
}

function bitSet(values: readonly number[]): BitSet {
  const set = new BitSet();
  for (const value of values) set.set(value);
  return set;
}

function pairs(values: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < values.length; i += 2) out.push([values[i]!, values[i + 1]!]);
  return out;
}
