/**
 * Every JSONata expression of every state machine evaluated with `jsonata`, the library Step Functions' JSONata
 * follows, against sample inputs built from the definition: the machine is walked from StartAt with each input it is
 * started with (its schedule's, the inputs other machines start it with, and `{}` for a start by hand); each Task's
 * result is a sample of its operation's output shape; Catchers pass the documented error output; variables carry
 * what the states before assigned. Every branch is followed, so every state is evaluated at least once. Also: every
 * variable read is assigned by a state before it, and every `$states.context` path exists.
 */
import jsonata from "jsonata";
import statesLanguage from "../aws-models/states-language.json" with { type: "json" };
import { expressionsOf } from "../stack/expressions.ts";
import { type PlacedState, statesOf, transitionsOf } from "../stack/state-graph.ts";
import { resultOf } from "../stack/state-inputs.ts";
import { type StateMachine, stateMachinesOf } from "../stack/state-machines.ts";
import { resolveString } from "../stack/references.ts";
import { SAMPLE_TIME, sampleOf } from "../stack/samples.ts";
import { formatAddress, resourcesOf, type SynthesizedStack } from "../stack/synthesized-stack.ts";
import type { Finding } from "./finding.ts";
import { preflightMessages as m } from "./messages.ts";
import { readVariables } from "./jsonata-variables.ts";

const CONTEXT = statesLanguage.context.sample;
const ERROR_OUTPUT = statesLanguage.errorOutput.sample;
const EXPRESSION = /^\{%([\s\S]*)%\}$/;

type Scope = { input: unknown; result?: unknown; errorOutput?: unknown; variables: Record<string, unknown> };

async function evaluate(text: string, scope: Scope): Promise<unknown> {
  const states = { input: scope.input, context: CONTEXT, ...(scope.result !== undefined ? { result: scope.result } : {}), ...(scope.errorOutput !== undefined ? { errorOutput: scope.errorOutput } : {}) };
  return jsonata(text).evaluate(scope.input, { ...scope.variables, states });
}

/** A template (Arguments, Output, Assign) with every `{% %}` evaluated. */
async function evaluateTemplate(value: unknown, scope: Scope): Promise<unknown> {
  if (typeof value === "string") {
    const e = EXPRESSION.exec(value);
    return e ? evaluate(e[1]!, scope) : value;
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => evaluateTemplate(v, scope)));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await evaluateTemplate(v, scope);
    return out;
  }
  return value;
}

/** Machine ARN -> inputs it is started with, by schedules and by other machines' startExecution tasks. */
export type StartInputs = Map<string, unknown[]>;

/** The inputs each machine of the stacks is started with by EventBridge Scheduler. */
export function scheduledInputs(stacks: readonly SynthesizedStack[]): StartInputs {
  const inputs: StartInputs = new Map();
  for (const stack of stacks) {
    for (const [, schedule] of resourcesOf(stack, "aws_scheduler_schedule")) {
      const target = (Array.isArray(schedule.target) ? schedule.target[0] : schedule.target) as Record<string, unknown> | undefined;
      if (typeof target?.arn !== "string" || typeof target.input !== "string") continue;
      const arn = resolveString(stack, target.arn).value;
      const input = JSON.parse(target.input.replaceAll("<aws.scheduler.scheduled-time>", SAMPLE_TIME)) as unknown;
      inputs.set(arn, [...(inputs.get(arn) ?? []), input]);
    }
  }
  return inputs;
}

const machineArn = (stack: SynthesizedStack, machine: StateMachine) => `arn:aws:states:${stack.region}:${stack.accountId}:stateMachine:${machine.name}`;

/**
 * Evaluates every machine of the stacks. Two rounds: the first records what each startExecution task passes, the
 * second also starts the machines it names with it.
 */
export async function validateJsonata(stacks: readonly SynthesizedStack[]): Promise<Finding[]> {
  const starts = scheduledInputs(stacks);
  const started: StartInputs = new Map();
  let findings: Finding[] = [];
  for (const round of [0, 1]) {
    findings = [];
    for (const stack of stacks) {
      for (const machine of stateMachinesOf(stack)) {
        if (!machine.definition) continue;
        const arn = machineArn(stack, machine);
        const inputs = [{}, ...(starts.get(arn) ?? []), ...(round === 1 ? (started.get(arn) ?? []) : [])];
        findings.push(...(await evaluateMachine(stack, machine, inputs, round === 0 ? started : undefined)));
      }
    }
  }
  return findings;
}

/** The prefix of a state's group: `` for the machine's States, `States.Each.ItemProcessor.` inside a Map. */
const groupOf = (s: PlacedState) => s.path.slice(0, s.path.length - `States.${s.name}`.length);

/** The groups nested in a Map or Parallel state, with their StartAt and the input their first state receives. */
function nestedGroups(placed: PlacedState, input: unknown, items: unknown): { prefix: string; startAt: string; input: unknown }[] {
  const s = placed.state;
  const processor = (s.ItemProcessor ?? s.Iterator) as { StartAt?: string } | undefined;
  if (s.Type === "Map" && processor?.StartAt) {
    const list = Array.isArray(items) ? items : Array.isArray(input) ? input : [];
    return [{ prefix: `${placed.path}.${s.ItemProcessor ? "ItemProcessor" : "Iterator"}.`, startAt: processor.StartAt, input: list[0] ?? {} }];
  }
  if (s.Type === "Parallel" && Array.isArray(s.Branches)) {
    return (s.Branches as { StartAt?: string }[]).map((b, i) => ({ prefix: `${placed.path}.Branches[${i}].`, startAt: b.StartAt ?? "", input }));
  }
  return [];
}

async function evaluateMachine(stack: SynthesizedStack, machine: StateMachine, inputs: readonly unknown[], record?: StartInputs): Promise<Finding[]> {
  const states = statesOf(machine.definition!).filter((s) => s.queryLanguage === "JSONata");
  const byPath = new Map(states.map((s) => [s.path, s]));
  const where = (s: PlacedState) => `${formatAddress(machine.address)} ${s.path}`;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const report = (s: PlacedState, message: string) => {
    const key = `${s.path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ check: "jsonata", stack: stack.name, where: where(s), message });
  };
  findings.push(...staticChecks(stack, machine, states));

  /** Walks one group of states from its StartAt, every branch, each state once. */
  const walk = async (prefix: string, startAt: string, first: Scope): Promise<void> => {
    const visited = new Set<string>();
    const queue: { state: PlacedState; scope: Scope }[] = [];
    const start = byPath.get(`${prefix}States.${startAt}`);
    if (start) queue.push({ state: start, scope: first });
    while (queue.length > 0) {
      const { state: placed, scope } = queue.shift()!;
      if (visited.has(placed.path)) continue;
      visited.add(placed.path);
      const s = placed.state;
      const attempt = async <T>(field: string, run: () => Promise<T>): Promise<T | undefined> => {
        try {
          return await run();
        } catch (error) {
          const e = error as { code?: string; message?: string };
          const sample = JSON.stringify(scope.input)?.slice(0, 200) ?? "undefined";
          report(placed, e.code?.startsWith("S0") ? m.jsonataSyntax(field, `${e.code}: ${e.message}`) : m.jsonataRuntime(field, `${e.code ?? ""} ${e.message}`.trim(), sample));
          return undefined;
        }
      };
      // Every expression that reads no result or error output, in the state's own scope.
      for (const expression of expressionsOf(s)) {
        if (expression.result || expression.errorOutput) continue;
        await attempt(expression.field, () => evaluate(expression.text, scope));
      }
      // A Map's or Parallel's states run with its input (a Map's with an item), and the variables so far.
      const items = typeof s.Items === "string" && EXPRESSION.test(s.Items) ? await attempt("Items", () => evaluate(EXPRESSION.exec(s.Items as string)![1]!, scope)) : undefined;
      for (const group of nestedGroups(placed, scope.input, items)) await walk(group.prefix, group.startAt, { input: group.input, variables: scope.variables });
      const typed = resultOf(placed);
      const result = s.Type === "Task" ? (typed ? sampleOf(typed.model, typed.ref, typed.naming) : {}) : s.Type === "Map" || s.Type === "Parallel" ? [] : undefined;
      const withResult: Scope = { ...scope, ...(result !== undefined ? { result } : {}) };
      const assigned = s.Assign === undefined ? {} : ((await attempt("Assign", () => evaluateTemplate(s.Assign, withResult))) as Record<string, unknown> | undefined) ?? {};
      const output = s.Output !== undefined ? await attempt("Output", () => evaluateTemplate(s.Output, withResult)) : result !== undefined ? result : scope.input;
      if (record && s.Type === "Task" && typeof s.Resource === "string" && /:states:::states:startExecution/.test(s.Resource)) {
        const args = (await attempt("Arguments", () => evaluateTemplate(s.Arguments, scope))) as { StateMachineArn?: string; Input?: unknown } | undefined;
        if (args?.StateMachineArn) record.set(args.StateMachineArn, [...(record.get(args.StateMachineArn) ?? []), args.Input ?? {}]);
      }
      const variables = { ...scope.variables, ...assigned };
      for (const t of transitionsOf(s)) {
        const next = byPath.get(`${groupOf(placed)}States.${t.to}`);
        if (!next) continue;
        if (t.via === "catch") {
          const catcher = (s.Catch as Record<string, unknown>[])[t.catcher!]!;
          const errorScope: Scope = { ...scope, errorOutput: ERROR_OUTPUT };
          const caught = catcher.Assign === undefined ? {} : (((await attempt(`Catch[${t.catcher}].Assign`, () => evaluateTemplate(catcher.Assign, errorScope))) ?? {}) as Record<string, unknown>);
          const out = catcher.Output !== undefined ? await attempt(`Catch[${t.catcher}].Output`, () => evaluateTemplate(catcher.Output, errorScope)) : ERROR_OUTPUT;
          queue.push({ state: next, scope: { input: out, variables: { ...scope.variables, ...caught } } });
        } else {
          queue.push({ state: next, scope: { input: output, variables } });
        }
      }
    }
  };

  for (const executionInput of inputs) await walk("", machine.definition!.StartAt, { input: executionInput, variables: {} });
  return findings;
}

/**
 * Variables read that no state before assigns (a nested state also sees what was assigned before its Map or Parallel);
 * `$states.context` paths the context object does not have.
 */
function staticChecks(stack: SynthesizedStack, machine: StateMachine, states: readonly PlacedState[]): Finding[] {
  const findings: Finding[] = [];
  const assigns = (s: PlacedState) => [
    ...Object.keys((s.state.Assign as object) ?? {}),
    ...(Array.isArray(s.state.Catch) ? (s.state.Catch as { Assign?: object }[]).flatMap((c) => Object.keys(c.Assign ?? {})) : []),
  ];
  const checkGroup = (prefix: string, inherited: ReadonlySet<string>) => {
    const group = states.filter((s) => groupOf(s) === prefix);
    const preds = new Map<string, Set<string>>(group.map((s) => [s.name, new Set()]));
    for (const s of group) for (const t of transitionsOf(s.state)) preds.get(t.to)?.add(s.name);
    for (const s of group) {
      // Everything assigned by a state from which this one can be reached, and what the enclosing state saw.
      const before = new Set(inherited);
      const pending = [...(preds.get(s.name) ?? [])];
      const reached = new Set<string>();
      while (pending.length > 0) {
        const name = pending.pop()!;
        if (reached.has(name)) continue;
        reached.add(name);
        const p = group.find((x) => x.name === name);
        if (p) for (const v of assigns(p)) before.add(v);
        for (const q of preds.get(name) ?? []) pending.push(q);
      }
      for (const expression of expressionsOf(s.state)) {
        let reads: ReturnType<typeof readVariables>;
        try {
          reads = readVariables(jsonata(expression.text).ast());
        } catch {
          continue;
        }
        const at = `${formatAddress(machine.address)} ${s.path}`;
        for (const v of reads.variables) if (!before.has(v)) findings.push({ check: "jsonata", stack: stack.name, where: at, message: m.unassignedVariable(expression.field, v) });
        for (const path of reads.contextPaths) {
          let node: unknown = CONTEXT;
          for (const key of path) {
            const known = node && typeof node === "object" ? Object.keys(node) : [];
            if (!known.includes(key)) {
              findings.push({ check: "jsonata", stack: stack.name, where: at, message: m.unknownContextPath(expression.field, `$states.context.${path.join(".")}`, known) });
              break;
            }
            node = (node as Record<string, unknown>)[key];
          }
        }
      }
      const branches = Array.isArray(s.state.Branches) ? (s.state.Branches as unknown[]).map((_, i) => `${s.path}.Branches[${i}].`) : [];
      for (const nested of [`${s.path}.ItemProcessor.`, `${s.path}.Iterator.`, ...branches]) checkGroup(nested, before);
    }
  };
  checkGroup("", new Set());
  return findings;
}
