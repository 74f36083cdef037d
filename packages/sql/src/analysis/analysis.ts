/** The state one `analyzeView` call accumulates while it walks the tree: problems, references and reads. */
import type { Catalog } from "../catalog.ts";
import type { GrammarWorkarounds } from "../parse/grammar-workarounds.ts";
import type { ColumnUse, RelationReference, SqlProblem } from "../result.ts";
import { positionOf } from "../parse/tree.ts";
import type { Position, RuleNode, Token } from "../parse/tree.ts";

export interface ColumnRead {
  readonly use: ColumnUse;
  readonly at: Position;
}

/** The column (or lambda parameter, or output name) a name resolved to. */
export interface ResolvedName {
  readonly source: "relation" | "lambda" | "output";
  /** The FROM relation holding the column (absent for lambdas and output names). */
  readonly relation?: object | undefined;
  readonly column: string;
  readonly fields: readonly string[];
}

/**
 * How a function call was resolved: aggregation and window rules depend on it. "unknown" marks a call already
 * reported (no such function): whether it aggregates is unknown, so nothing inside it is checked against GROUP BY.
 */
export type CallKind = "scalar" | "aggregate" | "window" | "unknown";

/** Expressions nested deeper than this are reported instead of analysed (the stack would overflow). */
export const MAX_DEPTH = 500;

export class Analysis {
  readonly problems: SqlProblem[] = [];
  readonly references: RelationReference[] = [];
  readonly reads: ColumnRead[] = [];
  /** Unavailable databases a name pointed into (see Catalog.unavailable). */
  readonly blocked = new Set<string>();
  /** What a name node resolved to: GROUP BY matching compares columns, not spellings. */
  readonly columnKeys = new WeakMap<object, ResolvedName>();
  /** Function calls by kind, for the aggregation rules. */
  readonly callKinds = new WeakMap<object, CallKind>();
  /** While > 0, problems are dropped: lambdas are typed once per candidate signature, reported once. */
  muted = 0;
  /** Nesting depth of the expression being typed. */
  depth = 0;
  private tooDeep = false;

  constructor(
    readonly sql: string,
    readonly defaultDatabase: string,
    readonly catalog: Catalog,
    readonly workarounds: GrammarWorkarounds,
  ) {}

  /** Reports a problem at a node's first token, or at an explicit position. */
  report(at: RuleNode | Token | null | undefined, message: string): void {
    this.reportAt(positionOf(at), message);
  }

  reportAt(position: Position, message: string): void {
    if (this.muted > 0) return;
    if (this.problems.some((p) => p.line === position.line && p.column === position.column && p.message === message)) return;
    this.problems.push({ line: position.line, column: position.column, message });
  }

  /** True once the query was found to nest too deeply: the recursive checks that follow typing are skipped. */
  get gaveUp(): boolean {
    return this.tooDeep;
  }

  /** Reports, once, that the query nests too deeply to analyse; returns false from then on. */
  enter(at: RuleNode, message: string): boolean {
    if (this.depth < MAX_DEPTH) return true;
    if (!this.tooDeep) this.report(at, message);
    this.tooDeep = true;
    return false;
  }

  reference(database: string, name: string, at: Position): void {
    this.references.push({ database, name, line: at.line, column: at.column });
  }

  read(use: ColumnUse | undefined, at: Position): void {
    if (use !== undefined) this.reads.push({ use, at });
  }

  /** Runs `work` with problems dropped. */
  silently<T>(work: () => T): T {
    this.muted++;
    try {
      return work();
    } finally {
      this.muted--;
    }
  }
}
