import type { State, StateMachineDefinition } from "./state-machines.ts";

/** A state with where it sits: `States.Write`, or inside a Map or Parallel: `States.Each.ItemProcessor.States.Write`. */
export interface PlacedState {
  readonly name: string;
  readonly path: string;
  readonly state: State;
  /** The States object it belongs to, for following transitions, and that object's StartAt. */
  readonly siblings: Readonly<Record<string, State>>;
  readonly startAt: string;
  readonly queryLanguage: string;
}

/** Every state, nested ones included, in definition order. */
export function statesOf(definition: StateMachineDefinition): PlacedState[] {
  const out: PlacedState[] = [];
  const walk = (states: Readonly<Record<string, State>>, prefix: string, language: string, startAt: string) => {
    for (const [name, state] of Object.entries(states)) {
      const path = `${prefix}States.${name}`;
      const queryLanguage = typeof state.QueryLanguage === "string" ? state.QueryLanguage : language;
      out.push({ name, path, state, siblings: states, startAt, queryLanguage });
      const processor = (state.ItemProcessor ?? state.Iterator) as { States?: Record<string, State>; StartAt?: string; QueryLanguage?: string } | undefined;
      if (processor?.States) {
        walk(processor.States, `${path}.${state.ItemProcessor ? "ItemProcessor" : "Iterator"}.`, processor.QueryLanguage ?? queryLanguage, processor.StartAt ?? "");
      }
      (Array.isArray(state.Branches) ? (state.Branches as { States: Record<string, State>; StartAt?: string }[]) : []).forEach((branch, i) =>
        walk(branch.States ?? {}, `${path}.Branches[${i}].`, queryLanguage, branch.StartAt ?? ""),
      );
    }
  };
  walk(definition.States ?? {}, "", definition.QueryLanguage ?? "JSONPath", definition.StartAt);
  return out;
}

/** Where a state can go next, and how: `next` (Next, Choices, Default) or `catch` (a Catcher's Next, with its index). */
export function transitionsOf(state: State): { readonly to: string; readonly via: "next" | "catch"; readonly catcher?: number }[] {
  const out: { to: string; via: "next" | "catch"; catcher?: number }[] = [];
  if (typeof state.Next === "string") out.push({ to: state.Next, via: "next" });
  if (typeof state.Default === "string") out.push({ to: state.Default, via: "next" });
  for (const choice of Array.isArray(state.Choices) ? (state.Choices as { Next?: string }[]) : []) if (choice.Next) out.push({ to: choice.Next, via: "next" });
  (Array.isArray(state.Catch) ? (state.Catch as { Next?: string }[]) : []).forEach((c, i) => c.Next && out.push({ to: c.Next, via: "catch", catcher: i }));
  return out;
}

/** The error names a state's Retry and Catch name, with where. */
export function errorNamesOf(state: State): { readonly name: string; readonly at: string }[] {
  const out: { name: string; at: string }[] = [];
  for (const field of ["Retry", "Catch"] as const) {
    const list = Array.isArray(state[field]) ? (state[field] as { ErrorEquals?: unknown }[]) : [];
    list.forEach((entry, i) => {
      (Array.isArray(entry.ErrorEquals) ? (entry.ErrorEquals as string[]) : []).forEach((name, j) => out.push({ name, at: `${field}[${i}].ErrorEquals[${j}]` }));
    });
  }
  return out;
}
