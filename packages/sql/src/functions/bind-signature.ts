/**
 * Binding one signature to the types of a call's arguments, the way Trino's SignatureBinder does: type
 * variables take the common type of what is passed for them, literal parameters (`varchar(x)`,
 * `decimal(p,s)`) take the actual lengths and precisions, arguments may be coerced implicitly, and lambdas
 * are typed once the types of their parameters are known. An argument whose type the analysis does not know
 * matches anything; whatever depends on it stays unknown.
 */
import { formatTrinoType, type TrinoType } from "../types/trino-type.ts";
import { baseName, canCoerce, coerceTypeBase, compatibility, UNKNOWN_TYPE } from "../types/type-coercion.ts";
import { isComparable, isOrderable } from "../types/type-traits.ts";
import { parseTrinoType } from "../types/trino-type.ts";
import type { SignatureType as SigType } from "./signature-type.ts";
import { evaluateLiteral, literalNames, signatureTypes, toTrinoType, UNBOUNDED } from "./signature-types.ts";

export interface Signature {
  readonly args: readonly string[];
  readonly variadic?: boolean;
  readonly minArity?: number;
  /** With variadic: each repeated argument may have its own type (format, json_array). */
  readonly variadicIndependent?: boolean;
  readonly returns: string;
  readonly typeVariables?: Readonly<Record<string, "any" | "comparable" | "orderable">>;
  readonly literals?: readonly string[];
}

export type Argument =
  | { readonly kind: "value"; readonly type: string | undefined }
  | {
      readonly kind: "lambda";
      readonly parameters: number;
      /** Types the lambda's body with these parameter types; `muted` while candidates are still being compared. */
      readonly type: (parameterTypes: readonly (string | undefined)[], muted: boolean) => string | undefined;
    };

export interface Binding {
  readonly signature: Signature;
  /** The signature's argument types once bound (undefined where unknown), to compare candidates. */
  readonly argumentTypes: readonly (TrinoType | undefined)[];
  /** Parameter types per lambda argument index, to type the chosen candidate's lambdas for real. */
  readonly lambdaParameters: ReadonlyMap<number, readonly (string | undefined)[]>;
  /** Undefined when it depends on something the analysis does not know. */
  readonly returnType: string | undefined;
}

const NULL_TYPE: TrinoType = { kind: "simple", name: UNKNOWN_TYPE, params: [] };

/** Whether the signature takes this many arguments. */
export function acceptsArity(signature: Signature, count: number): boolean {
  if (!signature.variadic) return count === signature.args.length;
  return count >= (signature.minArity ?? signature.args.length);
}

export function formalArgument(signature: Signature, index: number): SigType {
  const { args } = signatureTypes(signature);
  return args[Math.min(index, args.length - 1)] ?? { kind: "simple", name: UNKNOWN_TYPE, params: [] };
}

class Binder {
  /** A variable bound to null stands for a type the analysis does not know. */
  readonly variables = new Map<string, TrinoType | null>();
  readonly literals = new Map<string, number>();
  readonly unknownLiterals = new Set<string>();

  constructor(readonly signature: Signature) {}

  /** Binds the variables and literals of `formal` to `actual` (undefined: unknown to the analysis). */
  unify(formal: SigType, actual: TrinoType | undefined): boolean {
    if (actual === undefined) {
      this.markUnknown(formal);
      return true;
    }
    switch (formal.kind) {
      case "variable":
        return this.bindVariable(formal.name, actual);
      case "simple":
        return this.bindSimple(formal, actual);
      case "array":
        if (actual.kind === "array") return this.unify(formal.element, actual.element);
        return baseName(actual) === UNKNOWN_TYPE;
      case "map":
        if (actual.kind === "map") return this.unify(formal.key, actual.key) && this.unify(formal.value, actual.value);
        return baseName(actual) === UNKNOWN_TYPE;
      case "row": {
        const target = toTrinoType(formal);
        if (target !== undefined) return canCoerce(formatTrinoType(actual), formatTrinoType(target));
        if (actual.kind !== "row" || actual.fields.length !== formal.fields.length) return baseName(actual) === UNKNOWN_TYPE;
        return formal.fields.every((f, i) => this.unify(f.type, actual.fields[i]!.type));
      }
      case "function":
        return true;
    }
  }

  private markUnknown(formal: SigType): void {
    switch (formal.kind) {
      case "variable":
        if (!this.variables.has(formal.name)) this.variables.set(formal.name, null);
        return;
      case "simple":
        for (const p of formal.params) for (const name of literalNames(p)) if (!this.literals.has(name)) this.unknownLiterals.add(name);
        return;
      case "array":
        return this.markUnknown(formal.element);
      case "map":
        this.markUnknown(formal.key);
        return this.markUnknown(formal.value);
      case "row":
        for (const f of formal.fields) this.markUnknown(f.type);
        return;
      case "function":
        return;
    }
  }

  private bindVariable(name: string, actual: TrinoType): boolean {
    const constraint = this.signature.typeVariables?.[name] ?? "any";
    if (baseName(actual) !== UNKNOWN_TYPE) {
      if (constraint === "comparable" && !isComparable(actual)) return false;
      if (constraint === "orderable" && !isOrderable(actual)) return false;
    }
    const current = this.variables.get(name);
    if (current === null) return true;
    if (current === undefined) {
      this.variables.set(name, actual);
      return true;
    }
    const common = compatibility(current, actual).common ?? compatibility(actual, current).common;
    if (common === undefined) return false;
    this.variables.set(name, common);
    return true;
  }

  private bindSimple(formal: Extract<SigType, { kind: "simple" }>, actual: TrinoType): boolean {
    // qdigest(T), classifier(T): type-parameterised sketches, compared by base name only.
    if (formal.typeParams !== undefined) return baseName(actual) === formal.name || baseName(actual) === UNKNOWN_TYPE;
    const target = toTrinoType(formal);
    if (target !== undefined) return canCoerce(formatTrinoType(actual), formatTrinoType(target));
    const base = formal.withTimeZone ? `${formal.name} with time zone` : formal.name;
    const coerced = coerceTypeBase(actual, base);
    if (coerced === undefined || coerced.kind !== "simple") return false;
    return formal.params.every((param, i) => {
      const value = actualParameter(coerced, i);
      if (param.kind === "number") return value === param.value;
      if (param.kind !== "literal" || value === undefined) return true;
      const bound = this.literals.get(param.name);
      // Two arguments of one literal type meet at the larger (varchar(x), varchar(x) → the longer one).
      this.literals.set(param.name, bound === undefined ? value : Math.max(bound, value));
      return true;
    });
  }

  /** A signature type with everything bound filled in; undefined while something is unknown. */
  substitute(formal: SigType): TrinoType | undefined {
    switch (formal.kind) {
      case "variable": {
        const bound = this.variables.get(formal.name);
        if (bound === null) return undefined;
        return bound ?? NULL_TYPE;
      }
      case "simple": {
        const params: number[] = [];
        if (formal.typeParams !== undefined) return undefined;
        for (const p of formal.params) {
          if (literalNames(p).some((name) => this.unknownLiterals.has(name))) return undefined;
          const value = evaluateLiteral(p, this.literals);
          if (value === undefined) return undefined;
          params.push(value);
        }
        if (formal.name === "varchar" && params[0] === UNBOUNDED) return parseTrinoType("varchar");
        const text = `${formal.name}${params.length > 0 ? `(${params.join(",")})` : ""}${formal.withTimeZone ? " with time zone" : ""}`;
        return parseTrinoType(text);
      }
      case "array": {
        const element = this.substitute(formal.element);
        return element === undefined ? undefined : { kind: "array", element };
      }
      case "map": {
        const key = this.substitute(formal.key);
        const value = this.substitute(formal.value);
        return key === undefined || value === undefined ? undefined : { kind: "map", key, value };
      }
      case "row": {
        const fields = formal.fields.map((f) => ({ name: f.name, type: this.substitute(f.type) }));
        if (fields.some((f) => f.type === undefined)) return undefined;
        return { kind: "row", fields: fields.map((f) => (f.name === undefined ? { type: f.type! } : { name: f.name, type: f.type! })) };
      }
      case "function":
        return undefined;
    }
  }
}

/** The i-th parameter of a simple type as a literal parameter sees it (an unbounded varchar has the maximum length). */
function actualParameter(type: Extract<TrinoType, { kind: "simple" }>, index: number): number | undefined {
  const value = type.params[index];
  if (value !== undefined) return value;
  if (type.name === "varchar" && index === 0) return UNBOUNDED;
  if (type.name === "char" && index === 0) return 1;
  if (type.name === "decimal") return index === 0 ? 38 : 0;
  return undefined;
}

function typeOf(text: string | undefined): TrinoType | undefined {
  if (text === undefined) return undefined;
  return text === UNKNOWN_TYPE ? NULL_TYPE : parseTrinoType(text);
}

/**
 * Binds `signature` to the arguments; undefined when they do not fit it. Lambdas are typed muted here;
 * the caller types the chosen candidate's lambdas once more, for real.
 */
export function bindSignature(signature: Signature, args: readonly Argument[]): Binding | undefined {
  if (!acceptsArity(signature, args.length)) return undefined;
  const binder = new Binder(signature);
  const lambdas: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const argument = args[i]!;
    const formal = formalArgument(signature, i);
    if (argument.kind === "lambda") {
      if (formal.kind !== "function" || formal.args.length !== argument.parameters) return undefined;
      lambdas.push(i);
      continue;
    }
    if (formal.kind === "function") return undefined;
    // format('%s %d', 'a', 1): each repeated argument binds the variable afresh.
    const independent = signature.variadicIndependent === true && i >= signature.args.length - 1;
    if (!(independent ? new Binder(signature) : binder).unify(formal, typeOf(argument.type))) return undefined;
  }
  const lambdaParameters = new Map<number, (string | undefined)[]>();
  for (const i of lambdas) {
    const formal = formalArgument(signature, i) as Extract<SigType, { kind: "function" }>;
    const parameters = formal.args.map((p) => {
      const type = binder.substitute(p);
      return type === undefined ? undefined : formatTrinoType(type);
    });
    lambdaParameters.set(i, parameters);
    const argument = args[i] as Extract<Argument, { kind: "lambda" }>;
    if (!binder.unify(formal.result, typeOf(argument.type(parameters, true)))) return undefined;
  }
  const argumentTypes = args.map((a, i) => (a.kind === "lambda" ? undefined : binder.substitute(formalArgument(signature, i))));
  const returned = binder.substitute(signatureTypes(signature).returns);
  return { signature, argumentTypes, lambdaParameters, returnType: returned === undefined ? undefined : formatTrinoType(returned) };
}

/**
 * Whether candidate `a` is at least as specific as `b`, Trino's way (FunctionResolver.isMoreSpecificThan):
 * `b`'s declared signature still binds to the argument types `a` bound to. `sum(bigint)` is more specific
 * than `sum(decimal(p,s))` for an integer argument, because decimal(p,s) accepts a bigint and not the reverse.
 */
export function moreSpecific(a: Binding, b: Binding, args: readonly Argument[]): boolean {
  const resolved = args.map((argument, i): Argument => {
    if (argument.kind === "lambda") return argument;
    const type = a.argumentTypes[i];
    return { kind: "value", type: type === undefined ? undefined : formatTrinoType(type) };
  });
  return bindSignature(b.signature, resolved) !== undefined;
}
