/**
 * The catalog's signature types (signature-type.ts) as the binder uses them: parsed once per signature with its
 * declared variables and literals, evaluated once bound, turned into Trino types when concrete.
 */
import { parseTrinoType, type TrinoType } from "../types/trino-type.ts";
import type { Signature } from "./bind-signature.ts";
import { formatSignatureType, parseSignatureType, type LiteralExpression, type SignatureType } from "./signature-type.ts";

/** Trino's length of an unbounded varchar (VarcharType.UNBOUNDED_LENGTH). */
export const UNBOUNDED = 2147483647;

const parsed = new WeakMap<Signature, { args: SignatureType[]; returns: SignatureType }>();

/** The signature's argument and return types, parsed with its declared type variables and literals. */
export function signatureTypes(signature: Signature): { args: SignatureType[]; returns: SignatureType } {
  let types = parsed.get(signature);
  if (types === undefined) {
    const typeVariables = new Set(Object.keys(signature.typeVariables ?? {}));
    const literals = new Set(signature.literals ?? []);
    types = {
      args: signature.args.map((a) => parseSignatureType(a, { typeVariables, literals, allowArithmetic: false })),
      returns: parseSignatureType(signature.returns, { typeVariables, literals, allowArithmetic: true }),
    };
    parsed.set(signature, types);
  }
  return types;
}

/** Whether the type mentions no type variable and no literal parameter. */
export function isConcrete(type: SignatureType): boolean {
  switch (type.kind) {
    case "variable":
    case "function":
      return false;
    case "simple":
      return type.params.every((p) => p.kind === "number") && (type.typeParams ?? []).every(isConcrete);
    case "array":
      return isConcrete(type.element);
    case "map":
      return isConcrete(type.key) && isConcrete(type.value);
    case "row":
      return type.fields.every((f) => isConcrete(f.type));
  }
}

/** A concrete signature type as a Trino type. */
export function toTrinoType(type: SignatureType): TrinoType | undefined {
  return isConcrete(type) ? parseTrinoType(formatSignatureType(type)) : undefined;
}

/** The names of the literal parameters an expression uses. */
export function literalNames(expression: LiteralExpression): string[] {
  switch (expression.kind) {
    case "number":
      return [];
    case "literal":
      return [expression.name];
    case "call":
      return expression.args.flatMap(literalNames);
    case "binary":
      return [...literalNames(expression.left), ...literalNames(expression.right)];
  }
}

/** The value of a literal expression with the bound literals (`min(38, p + 1)`); undefined while one is unbound. */
export function evaluateLiteral(expression: LiteralExpression, literals: ReadonlyMap<string, number>): number | undefined {
  switch (expression.kind) {
    case "number":
      return expression.value;
    case "literal":
      return literals.get(expression.name);
    case "call": {
      const values = expression.args.map((a) => evaluateLiteral(a, literals));
      if (values.some((v) => v === undefined)) return undefined;
      return expression.name === "min" ? Math.min(...(values as number[])) : Math.max(...(values as number[]));
    }
    case "binary": {
      const left = evaluateLiteral(expression.left, literals);
      const right = evaluateLiteral(expression.right, literals);
      if (left === undefined || right === undefined) return undefined;
      const value = { "+": left + right, "-": left - right, "*": left * right, "/": Math.trunc(left / right) }[expression.operator];
      return Math.min(value, UNBOUNDED);
    }
  }
}
