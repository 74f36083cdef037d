/**
 * What each state receives as `$states.input`, where the model knows it: a Task without Output passes on its result
 * (the operation's output shape), Pass, Choice and Wait states without Output pass on their input. A state reached
 * from several states with different outputs, from a Catcher, or from the execution's start has no known shape.
 */
import jsonata from "jsonata";
import type { ServiceModel } from "../aws-models/service-models.ts";
import { shapeOfExpression, type Typed } from "./jsonata-shapes.ts";
import { type PlacedState, transitionsOf } from "./state-graph.ts";
import { taskIntegration } from "./task-integration.ts";

/** The shape a Task returns, from its integration's result operation. */
export function resultOf(state: PlacedState): Typed | undefined {
  if (state.state.Type !== "Task" || typeof state.state.Resource !== "string") return undefined;
  const integration = taskIntegration(state.state.Resource);
  if (integration.kind === "other" || !integration.model || !integration.resultOperation) return undefined;
  const operation = integration.model.operations[integration.resultOperation];
  return operation && { model: integration.model as ServiceModel, ref: operation.output, naming: integration.naming, origin: `${integration.service}:${integration.resultOperation}` };
}

const UNVISITED = Symbol("unvisited");
type Input = Typed | undefined | typeof UNVISITED;

const same = (a: Typed | undefined, b: Typed | undefined) => a === b || (a !== undefined && b !== undefined && a.model === b.model && JSON.stringify(a.ref) === JSON.stringify(b.ref) && a.naming === b.naming);

function outputOf(state: PlacedState, input: Typed | undefined): Typed | undefined {
  const s = state.state;
  const output = s.Output;
  if (s.Type === "Task") {
    if (output === undefined) return resultOf(state);
    const m = typeof output === "string" ? /^\{%([\s\S]*)%\}$/.exec(output) : null;
    if (!m) return undefined;
    try {
      return shapeOfExpression(jsonata(m[1]!).ast(), { result: resultOf(state), input });
    } catch {
      return undefined;
    }
  }
  if (s.Type === "Pass" || s.Type === "Choice" || s.Type === "Wait") return output === undefined ? input : undefined;
  return undefined;
}

/** `$states.input` of each state (by its path), as far as the models tell. */
export function inputsOf(states: readonly PlacedState[]): Map<string, Typed | undefined> {
  const siblingPath = (state: PlacedState, name: string) => state.path.replace(/States\.[^.]*$/, `States.${name}`);
  const inputs = new Map<string, Input>(states.map((s) => [s.path, UNVISITED]));
  for (let round = 0; round < states.length + 2; round++) {
    let changed = false;
    const incoming = new Map<string, (Typed | undefined)[]>();
    for (const s of states) {
      const input = inputs.get(s.path);
      if (input === UNVISITED) continue;
      for (const t of transitionsOf(s.state)) {
        const target = siblingPath(s, t.to);
        incoming.set(target, [...(incoming.get(target) ?? []), t.via === "catch" ? undefined : outputOf(s, input)]);
      }
    }
    for (const s of states) {
      // A StartAt receives the execution's (or the iteration's) input, which no model describes.
      const arriving = [...(incoming.get(s.path) ?? []), ...(s.name === s.startAt ? [undefined] : [])];
      if (arriving.length === 0) continue;
      const merged = arriving.every((a) => same(a, arriving[0])) ? arriving[0] : undefined;
      const previous = inputs.get(s.path);
      if (previous === UNVISITED || !same(previous, merged)) {
        inputs.set(s.path, merged);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return new Map([...inputs].map(([path, input]) => [path, input === UNVISITED ? undefined : input]));
}
