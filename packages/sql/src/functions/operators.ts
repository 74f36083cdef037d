/** Trino's operators as signatures (generated into trino-operators.json by scripts/generate-operators.ts). */
import { readFileSync } from "node:fs";
import type { Signature } from "./bind-signature.ts";

export type OperatorName =
  | "$add"
  | "$subtract"
  | "$multiply"
  | "$divide"
  | "$modulus"
  | "$negation"
  | "$equal"
  | "$not_equal"
  | "$is_distinct_from"
  | "$less_than"
  | "$less_than_or_equal"
  | "$greater_than"
  | "$greater_than_or_equal";

interface OperatorFile {
  readonly operators: Readonly<Record<OperatorName, { readonly symbol: string; readonly signatures: readonly Signature[] }>>;
}

let loaded: OperatorFile | undefined;

export function operatorSignatures(name: OperatorName): readonly Signature[] {
  loaded ??= JSON.parse(readFileSync(new URL("./trino-operators.json", import.meta.url), "utf8")) as OperatorFile;
  return loaded.operators[name].signatures;
}

const ARITHMETIC: Readonly<Record<string, OperatorName>> = { "+": "$add", "-": "$subtract", "*": "$multiply", "/": "$divide", "%": "$modulus" };
const COMPARISON: Readonly<Record<string, OperatorName>> = {
  "=": "$equal",
  "==": "$equal",
  "<>": "$not_equal",
  "!=": "$not_equal",
  "<": "$less_than",
  "<=": "$less_than_or_equal",
  ">": "$greater_than",
  ">=": "$greater_than_or_equal",
};

export function arithmeticOperator(symbol: string): OperatorName | undefined {
  return ARITHMETIC[symbol];
}

export function comparisonOperator(symbol: string): OperatorName | undefined {
  return COMPARISON[symbol];
}
