/**
 * Checks one signature against the catalog's type language and returns it in canonical spelling, so the generated
 * file never holds a type string the analysis cannot read.
 */
import type { Signature } from "../../src/functions/function-catalog.ts";
import { collectNames, formatSignatureType, parseSignatureType, type SignatureType } from "../../src/functions/signature-type.ts";

/** Every type name a signature may use besides row/array/map/function; a typo in the overlay is an error. */
export const KNOWN_TYPES: ReadonlySet<string> = new Set([
  "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "decimal", "varchar", "char", "varbinary",
  "json", "date", "time", "timestamp", "interval day to second", "interval year to month", "ipaddress", "uuid",
  "hyperloglog", "p4hyperloglog", "qdigest", "tdigest", "setdigest", "geometry", "sphericalgeography", "bingtile",
  "kdbtree", "color", "classifier", "regressor", "objectid", "unknown",
]);

/** Table functions take and return tables; only they may use these. */
export const TABLE_FUNCTION_TYPES: ReadonlySet<string> = new Set(["table", "descriptor"]);


function checkTypeNames(type: SignatureType, allowed: ReadonlySet<string>, where: string): void {
  switch (type.kind) {
    case "simple":
      if (!KNOWN_TYPES.has(type.name) && !allowed.has(type.name)) throw new Error(`${where}: unknown type "${type.name}"`);
      type.typeParams?.forEach((t) => checkTypeNames(t, allowed, where));
      return;
    case "array":
      return checkTypeNames(type.element, allowed, where);
    case "map":
      return (checkTypeNames(type.key, allowed, where), checkTypeNames(type.value, allowed, where));
    case "row":
      return type.fields.forEach((f) => checkTypeNames(f.type, allowed, where));
    case "function":
      return [...type.args, type.result].forEach((t) => checkTypeNames(t, allowed, where));
    case "variable":
      return;
  }
}

/**
 * The signature with canonical type strings; throws with what is wrong: an unknown type, an undeclared or unused type
 * variable or literal, arithmetic in an argument, a minArity without variadic.
 */
export function canonicalSignature(signature: Signature, options: { tableFunction?: boolean; syntax?: boolean } = {}): Signature {
  const typeVariables = new Set(Object.keys(signature.typeVariables ?? {}));
  const literals = new Set(signature.literals ?? []);
  const allowed = options.tableFunction === true ? TABLE_FUNCTION_TYPES : new Set<string>();
  const used = { variables: new Set<string>(), literals: new Set<string>() };
  const read = (text: string, allowArithmetic: boolean, where: string): string => {
    let type: SignatureType;
    try {
      type = parseSignatureType(text, { typeVariables, literals, allowArithmetic });
    } catch (error) {
      throw new Error(`${where} "${text}": ${(error as Error).message}`);
    }
    checkTypeNames(type, allowed, `${where} "${text}"`);
    collectNames(type, used);
    return formatSignatureType(type);
  };
  const args = signature.args.map((arg, i) => read(arg, false, `argument ${i + 1}`));
  const bound = { variables: new Set(used.variables), literals: new Set(used.literals) };
  const returns = read(signature.returns, true, "return type");
  // A function's result type follows from its arguments; only grammar (CAST(x AS t), current_timestamp(p)) differs.
  if (options.syntax !== true) {
    for (const name of used.variables) if (!bound.variables.has(name)) throw new Error(`type variable ${name} of the return type is not bound by any argument`);
    for (const name of used.literals) if (!bound.literals.has(name)) throw new Error(`literal ${name} of the return type is not bound by any argument`);
  }
  for (const name of typeVariables) if (!used.variables.has(name)) throw new Error(`type variable ${name} is declared but not used`);
  for (const name of literals) if (!used.literals.has(name)) throw new Error(`literal ${name} is declared but not used`);
  for (const [name, constraint] of Object.entries(signature.typeVariables ?? {})) {
    if (!["any", "comparable", "orderable"].includes(constraint)) throw new Error(`type variable ${name}: unknown constraint "${constraint}"`);
  }
  if (signature.minArity !== undefined && signature.variadic !== true) throw new Error("minArity needs variadic");
  if (signature.variadicIndependent === true && signature.variadic !== true) throw new Error("variadicIndependent needs variadic");
  return {
    args,
    ...(signature.variadic === true ? { variadic: true } : {}),
    ...(signature.minArity === undefined ? {} : { minArity: signature.minArity }),
    ...(signature.variadicIndependent === true ? { variadicIndependent: true } : {}),
    returns,
    ...(typeVariables.size > 0 ? { typeVariables: signature.typeVariables } : {}),
    ...(literals.size > 0 ? { literals: [...literals] } : {}),
  };
}
