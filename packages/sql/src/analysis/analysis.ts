/** The state one `analyzeView` call accumulates while it walks the tree: problems, references and reads. */
import type { Catalog } from "../catalog.ts";
import type { ColumnUse, RelationReference, SqlProblem } from "../result.ts";
import { positionOf } from "../parse/tree.ts";
import type { Position, RuleNode, Token } from "../parse/tree.ts";

export interface ColumnRead {
  readonly use: ColumnUse;
  readonly at: Position;
}

export class Analysis {
  readonly problems: SqlProblem[] = [];
  readonly references: RelationReference[] = [];
  readonly reads: ColumnRead[] = [];

  constructor(
    readonly sql: string,
    readonly defaultDatabase: string,
    readonly catalog: Catalog,
  ) {}

  /** Reports a problem at a node's first token, or at an explicit position. */
  report(at: RuleNode | Token | null | undefined, message: string): void {
    this.reportAt(positionOf(at), message);
  }

  reportAt(position: Position, message: string): void {
    this.problems.push({ line: position.line, column: position.column, message });
  }

  reference(database: string, name: string, at: Position): void {
    this.references.push({ database, name, line: at.line, column: at.column });
  }

  read(use: ColumnUse | undefined, at: Position): void {
    if (use !== undefined) this.reads.push({ use, at });
  }
}
