/**
 * Reads the paths a JSONata expression takes through `$states.result` and `$states.input` and follows them through the
 * service model's shapes: `$states.result.QueryExecution.QueryExecutionId` must name members that the operation's
 * output has. JSONata walks into arrays on its own, so a path through a list continues with its elements; names
 * inside filters, sorts and object constructors are relative to those elements. Maps, documents and simple types end
 * the check: their keys are not in the model.
 */
import { elementOf, memberNames, memberOf, type ServiceModel, type ShapeRef, structureOf } from "../aws-models/service-models.ts";

/** A value whose shape the model knows. */
export interface Typed {
  readonly model: ServiceModel;
  readonly ref: ShapeRef;
  readonly naming: "sdk" | "model";
  /** The operation it comes from, for messages. */
  readonly origin: string;
}

export interface PathProblem {
  /** `$states.result.QueryExecution.QueryExecutonId`, as far as it went. */
  readonly path: string;
  readonly member: string;
  /** The structure that has no such member, and what it has. */
  readonly shape: string;
  readonly members: readonly string[];
  readonly origin: string;
}

type Node = { type: string; value?: unknown; steps?: Node[]; stages?: Node[]; predicate?: Node[]; expr?: Node; expressions?: Node[]; terms?: { expression: Node }[]; lhs?: unknown; rhs?: Node; arguments?: Node[]; procedure?: Node; condition?: Node; then?: Node; else?: Node };

/** The roots a state offers: `$states.result` in a Task's Output and Assign, `$states.input` everywhere. */
export interface Roots {
  readonly result?: Typed;
  readonly input?: Typed;
}

export function checkPaths(ast: unknown, roots: Roots): PathProblem[] {
  const problems: PathProblem[] = [];

  const navigate = (current: Typed | undefined, name: string, path: string): Typed | undefined => {
    if (!current) return undefined;
    const shapeName = elementOf(current.ref);
    const shape = structureOf(current.model, shapeName);
    if (!shape) return undefined;
    const member = memberOf(shape, name, current.naming);
    if (!member) {
      problems.push({ path: `${path}.${name}`, member: name, shape: String(shapeName), members: memberNames(shape, current.naming), origin: current.origin });
      return undefined;
    }
    return { ...current, ref: member.ref };
  };

  const element = (t: Typed | undefined): Typed | undefined => (t ? { ...t, ref: elementOf(t.ref) } : undefined);

  /** Follows a path; returns what it ends on, when known. */
  const path = (node: Node, relative: Typed | undefined): Typed | undefined => {
    const steps = node.steps ?? [];
    let current: Typed | undefined;
    let text = "";
    let start = 0;
    const first = steps[0];
    if (first?.type === "variable" && first.value === "states" && steps[1]?.type === "name" && (steps[1].value === "result" || steps[1].value === "input")) {
      current = roots[steps[1].value as "result" | "input"];
      text = `$states.${String(steps[1].value)}`;
      start = 2;
    } else if (first?.type === "block") {
      current = walk(first, relative);
      for (const stage of [...(first.stages ?? []), ...(first.predicate ?? [])]) walk(stage.expr ?? stage, element(current));
      text = "(...)";
      start = 1;
    } else if (first?.type === "name") {
      current = relative;
      text = "";
    }
    for (const step of steps.slice(start)) {
      if (step.type === "name") {
        current = navigate(current, String(step.value), text || "$");
        text = `${text}.${String(step.value)}`;
      } else if (step.type === "sort") {
        for (const term of step.terms ?? []) walk(term.expression, element(current));
      } else {
        walk(step, element(current));
        current = undefined;
      }
      for (const stage of [...(step.stages ?? []), ...(step.predicate ?? [])]) walk(stage.expr ?? stage, element(current));
    }
    return current;
  };

  /** Visits every node; returns the shape of path-like nodes. */
  const walk = (node: unknown, relative: Typed | undefined): Typed | undefined => {
    if (!node || typeof node !== "object") return undefined;
    if (Array.isArray(node)) {
      node.forEach((n) => walk(n, relative));
      return undefined;
    }
    const n = node as Node;
    if (n.type === "path") return path(n, relative);
    if (n.type === "block") {
      let last: Typed | undefined;
      for (const e of n.expressions ?? []) last = walk(e, relative);
      return last;
    }
    for (const [key, value] of Object.entries(n)) if (key !== "position" && key !== "value" && typeof value === "object") walk(value, relative);
    return undefined;
  };

  walk(ast, undefined);
  return problems;
}

/** What a whole expression evaluates to, when it is a path through a known shape (an Output of `$states.result.X`). */
export function shapeOfExpression(ast: unknown, roots: Roots): Typed | undefined {
  const n = ast as Node;
  if (n?.type !== "path") return undefined;
  const steps = n.steps ?? [];
  if (steps[0]?.type !== "variable" || steps[0].value !== "states" || steps[1]?.type !== "name") return undefined;
  let current = roots[steps[1].value as "result" | "input"];
  for (const step of steps.slice(2)) {
    if (step.type !== "name" || !current || step.stages || step.predicate) return undefined;
    const shape = structureOf(current.model, elementOf(current.ref));
    const member = shape && memberOf(shape, String(step.value), current.naming);
    current = member ? { ...current, ref: member.ref } : undefined;
  }
  return current;
}
