/**
 * The prediction contexts (rule-invocation stacks, a graph shared between configurations) and semantic contexts
 * (predicates) that saved DFA states refer to by id: numbered when saving, rebuilt when restoring.
 */
import { ArrayPredictionContext, EmptyPredictionContext, PredictionContext, SemanticContext, SingletonPredictionContext } from "antlr4ng";

const NO_PARENT = -1;

// antlr4ng does not export its AND and OR semantic contexts; these are their classes.
const probe = (i: number) => new SemanticContext.Predicate(0, i, false);
const AndContext = SemanticContext.andContext(probe(0), probe(1))!.constructor;
const OrContext = SemanticContext.orContext(probe(0), probe(1))!.constructor;

/** Prediction contexts by id: the previous file's first (its states refer to them by id), then new ones. */
export class ContextTable {
  private readonly numbers: number[] = [];
  private readonly ids = new Map<number, { context: PredictionContext; id: number }[]>();
  private next: number;

  /**
   * `savedCount` contexts are in the file already; `decoded` are those of them decoded in this process (all or
   * none). Undecoded, saved contexts cannot be matched: new ones equal to them get new ids, which is only longer.
   */
  constructor(savedCount: number, decoded: readonly PredictionContext[]) {
    this.remember(EmptyPredictionContext.instance, 0);
    this.next = savedCount;
    decoded.forEach((context, id) => id > 0 && this.remember(context, id));
  }

  id(context: PredictionContext): number {
    const known = this.ids.get(context.hashCode())?.find((entry) => entry.context === context || entry.context.equals(context));
    if (known !== undefined) return known.id;
    if (context instanceof ArrayPredictionContext) {
      const parents = context.parents.map((parent) => (parent === null ? NO_PARENT : this.id(parent)));
      this.numbers.push(2, parents.length, ...parents, ...context.returnStates);
    } else {
      const single = context as SingletonPredictionContext;
      this.numbers.push(1, single.parent === null ? NO_PARENT : this.id(single.parent), single.returnState);
    }
    return this.remember(context, this.next++);
  }

  /** The contexts this save adds, as body text. */
  added(): string {
    return this.numbers.length === 0 ? "" : `${this.numbers.join(",")},`;
  }

  count(): number {
    return this.next;
  }

  private remember(context: PredictionContext, id: number): number {
    const bucket = this.ids.get(context.hashCode()) ?? [];
    bucket.push({ context, id });
    this.ids.set(context.hashCode(), bucket);
    return id;
  }
}

/** Semantic contexts (the grammar's predicates, and their combinations) by id; id 0 is NONE. */
export class SemanticTable {
  readonly data: (readonly number[])[] = [[]];
  readonly hashes: number[] = [SemanticContext.NONE.hashCode()];
  private readonly known: SemanticContext[] = [SemanticContext.NONE];

  /** `saved`: the file's semantic contexts, which keep their ids. */
  constructor(saved: readonly SemanticContext[]) {
    saved.forEach((context, id) => id > 0 && this.id(context));
  }

  id(context: SemanticContext): number {
    const found = this.known.findIndex((k) => k === context || (k.hashCode() === context.hashCode() && k.equals(context)));
    if (found >= 0) return found;
    let data: number[];
    if (context instanceof SemanticContext.PrecedencePredicate) data = [1, context.precedence];
    else if (context instanceof SemanticContext.Predicate) data = [0, context.ruleIndex, context.predIndex, context.isCtxDependent ? 1 : 0];
    else if (context instanceof AndContext || context instanceof OrContext) {
      const operands = (context as unknown as { readonly operands: SemanticContext[] }).operands;
      data = [context instanceof AndContext ? 2 : 3, ...operands.map((o) => this.id(o))];
    } else throw new Error(`cannot save the semantic context ${String(context)}`);
    this.known.push(context);
    this.data.push(data);
    this.hashes.push(context.hashCode());
    return this.known.length - 1;
  }
}

export function decodeContexts(data: readonly number[]): PredictionContext[] {
  const contexts: PredictionContext[] = [EmptyPredictionContext.instance];
  const parent = (id: number) => (id === NO_PARENT ? null : contexts[id]!);
  for (let i = 0; i < data.length; ) {
    if (data[i] === 1) {
      contexts.push(new SingletonPredictionContext(parent(data[i + 1]!)!, data[i + 2]!));
      i += 3;
    } else {
      const n = data[i + 1]!;
      const parents = data.slice(i + 2, i + 2 + n).map(parent);
      contexts.push(new ArrayPredictionContext(parents as SingletonPredictionContext[], data.slice(i + 2 + n, i + 2 + 2 * n)));
      i += 2 + 2 * n;
    }
  }
  return contexts;
}

export function decodeSemantics(data: readonly (readonly number[])[]): SemanticContext[] {
  const contexts: SemanticContext[] = [SemanticContext.NONE];
  for (const entry of data.slice(1)) {
    const [kind, ...rest] = entry;
    if (kind === 0) contexts.push(new SemanticContext.Predicate(rest[0], rest[1], rest[2] === 1));
    else if (kind === 1) contexts.push(new SemanticContext.PrecedencePredicate(rest[0]));
    else {
      const combine = kind === 2 ? SemanticContext.andContext : SemanticContext.orContext;
      contexts.push(rest.map((id) => contexts[id]!).reduce<SemanticContext | null>((a, b) => combine(a, b), null)!);
    }
  }
  return contexts;
}

/** Comma-separated integers between two byte offsets, without making strings. */
export function readNumbers(bytes: Buffer, start: number, end: number): number[] {
  const numbers: number[] = [];
  let value = 0;
  let sign = 1;
  let digits = false;
  for (let i = start; i <= end; i++) {
    const byte = i < end ? bytes[i]! : 44;
    if (byte === 45) sign = -1;
    else if (byte === 44) {
      if (digits) numbers.push(sign * value);
      value = 0;
      sign = 1;
      digits = false;
    } else {
      value = value * 10 + (byte - 48);
      digits = true;
    }
  }
  return numbers;
}
