/**
 * Choosing the signature a call uses, as Trino does: the candidates whose arity fits, then those the
 * argument types bind to (with implicit coercions), then the most specific of them. A call no candidate
 * fits is an error naming the signatures that exist.
 */
import { acceptsArity, bindSignature, moreSpecific, type Argument, type Binding, type Signature } from "./bind-signature.ts";

export type Resolution =
  | { readonly kind: "resolved"; readonly binding: Binding; readonly returnType: string | undefined }
  | { readonly kind: "arity"; readonly signatures: readonly Signature[] }
  | { readonly kind: "types"; readonly signatures: readonly Signature[] };

export function resolveCall(signatures: readonly Signature[], args: readonly Argument[]): Resolution {
  const fitting = signatures.filter((s) => acceptsArity(s, args.length));
  if (fitting.length === 0) return { kind: "arity", signatures };
  const bound = fitting.flatMap((s) => bindSignature(s, args) ?? []);
  if (bound.length === 0) return { kind: "types", signatures: fitting };
  const chosen = bound.find((candidate) => bound.every((other) => other === candidate || moreSpecific(candidate, other, args))) ?? bound[0]!;
  // Lambdas were typed muted while candidates competed; type the chosen one's for real (problems, reads).
  for (const [index, parameters] of chosen.lambdaParameters) {
    const argument = args[index];
    if (argument?.kind === "lambda") argument.type(parameters, false);
  }
  // Candidates that bind equally well but return different types leave the result open.
  const ambiguous = bound.some((other) => other !== chosen && moreSpecific(other, chosen, args) && other.returnType !== chosen.returnType);
  return { kind: "resolved", binding: chosen, returnType: ambiguous ? undefined : chosen.returnType };
}
