/*
 * The superclass the Trino grammar names (`superClass=SQLParserBase`), ported from dt-sql-parser 4.5.1's
 * src/lib/SQLParserBase.ts (MIT, Copyright (c) 2020 - present DTStack; see LICENSE-dt-sql-parser beside this
 * file) to antlr4ng 3. Only what TrinoSql.g4's predicates call is kept. Baikal never sets `entityCollecting`
 * or `caretTokenIndex` (they serve dt-sql-parser's code completion), so `shouldMatchEmpty()` is always false
 * and `notEntityCollecting()` always true: the predicates parse exactly as in dt-sql-parser's validation.
 */
import { Parser, type ParserRuleContext, type TokenStream } from "antlr4ng";

export abstract class SQLParserBase<T = ParserRuleContext> extends Parser {
  public constructor(input: TokenStream) {
    super(input);
  }

  public abstract program(): T;

  /** dt-sql-parser's code completion: the index of the token at the caret, -1 when validating. */
  public caretTokenIndex = -1;

  /** dt-sql-parser's entity collection: lets empty column references match. */
  public entityCollecting = false;

  /** Whether an empty column reference may match here: only at the caret while completing code. */
  public shouldMatchEmpty(): boolean {
    if (!this.entityCollecting && this.caretTokenIndex < 0) return false;
    if (this.caretTokenIndex < 0) return true;
    const previous = this.tokenStream.LT(-1)?.tokenIndex;
    const next = this.tokenStream.LT(1)?.tokenIndex;
    if (previous !== undefined && next !== undefined) return previous <= this.caretTokenIndex && next >= this.caretTokenIndex;
    if (previous !== undefined) return previous <= this.caretTokenIndex;
    if (next !== undefined) return next >= this.caretTokenIndex;
    return false;
  }
}
