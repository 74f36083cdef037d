/**
 * Every Task of every state machine checked against the service model of what it calls (the `@aws-sdk/client-*`
 * models in aws-models/services): the action exists; each argument is a member of the operation's input shape as
 * Step Functions spells it, nested structures too, and required members are there; every path the state and the
 * states after it read from the result exists in the output shape; every error its Retry and Catch name is one the
 * service raises, or a States.* error.
 */
import jsonata from "jsonata";
import statesLanguage from "../aws-models/states-language.json" with { type: "json" };
import { elementOf, memberNames, memberOf, type ServiceModel, type ShapeRef, serviceModels, structureOf } from "../aws-models/service-models.ts";
import { actionName, pascalCase, sdkExceptionName } from "../aws-models/sdk-naming.ts";
import { expressionsOf } from "../stack/expressions.ts";
import { checkPaths } from "../stack/jsonata-shapes.ts";
import { errorNamesOf, type PlacedState, statesOf } from "../stack/state-graph.ts";
import { inputsOf, resultOf } from "../stack/state-inputs.ts";
import { stateMachinesOf } from "../stack/state-machines.ts";
import { formatAddress, type SynthesizedStack } from "../stack/synthesized-stack.ts";
import { type TaskIntegration, taskIntegration } from "../stack/task-integration.ts";
import type { Finding } from "./finding.ts";
import { preflightMessages as m } from "./messages.ts";

const STATES_ERRORS: readonly string[] = statesLanguage.errors.names;
const isExpression = (v: unknown) => typeof v === "string" && /^\{%[\s\S]*%\}$/.test(v);

export function validateSdkIntegrations(stack: SynthesizedStack): Finding[] {
  const findings: Finding[] = [];
  for (const machine of stateMachinesOf(stack)) {
    if (!machine.definition) continue; // asl reports it
    const states = statesOf(machine.definition);
    const inputs = inputsOf(states);
    for (const placed of states) {
      const where = `${formatAddress(machine.address)} ${placed.path}`;
      const report = (message: string, undecided = false) => findings.push({ check: "sdk-integration", stack: stack.name, where, message, ...(undecided ? { undecided } : {}) });
      const integration = placed.state.Type === "Task" && typeof placed.state.Resource === "string" ? taskIntegration(placed.state.Resource) : undefined;
      if (integration) checkIntegration(placed, integration, report);
      checkErrors(placed, integration, report);
      // Paths into results: this Task's own, and what it receives from the state before.
      const roots = { result: resultOf(placed), input: inputs.get(placed.path) };
      if (!roots.result && !roots.input) continue;
      for (const expression of expressionsOf(placed.state)) {
        let ast: unknown;
        try {
          ast = jsonata(expression.text).ast();
        } catch {
          continue; // the JSONata validator reports syntax
        }
        for (const p of checkPaths(ast, expression.result ? roots : { input: roots.input })) {
          report(m.unknownResultPath(expression.field, p.path, p.member, p.shape, p.members, p.origin));
        }
      }
    }
  }
  return findings;
}

function checkIntegration(placed: PlacedState, integration: TaskIntegration, report: (message: string, undecided?: boolean) => void): void {
  if (integration.kind === "other") {
    report(`${integration.resource} is neither an AWS SDK nor an optimized integration; its arguments and errors are not checked`, true);
    return;
  }
  if (integration.kind === "optimized" && !integration.optimized) return report(m.unknownOptimized(integration.resource), true);
  if (!integration.model) return report(m.unknownService(integration.resource, integration.service, [...serviceModels().keys()]), true);
  if (!integration.operation) {
    return report(m.unknownAction(integration.resource, integration.action, integration.service, Object.keys(integration.model.operations).map(actionName)));
  }
  const input = integration.model.operations[integration.operation]!.input;
  const args = placed.state.Arguments ?? placed.state.Parameters;
  if (args === undefined || isExpression(args)) return;
  checkArguments(integration.model, input, args, placed.state.Arguments !== undefined ? "Arguments" : "Parameters", integration.naming, report);
}

/** Each key of an arguments object against the structure, recursively; JSONata values are not followed. */
function checkArguments(model: ServiceModel, ref: ShapeRef, value: unknown, where: string, naming: "sdk" | "model", report: (message: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkArguments(model, elementOf(ref), v, `${where}[${i}]`, naming, report));
    return;
  }
  const shape = structureOf(model, ref);
  if (!shape || !value || typeof value !== "object") return;
  const given = new Set<string>();
  for (const [raw, v] of Object.entries(value)) {
    const key = raw.endsWith(".$") ? raw.slice(0, -2) : raw; // JSONPath's dynamic values
    const member = memberOf(shape, key, naming);
    if (!member) {
      report(m.unknownArgument(where, key, String(ref), memberNames(shape, naming)));
      continue;
    }
    given.add(member.name);
    if (!isExpression(v)) checkArguments(model, member.ref, v, `${where}.${key}`, naming, report);
  }
  for (const required of shape.required) {
    if (!given.has(required)) report(m.missingArgument(where, naming === "sdk" ? pascalCase(required) : required, String(ref)));
  }
}

function checkErrors(placed: PlacedState, integration: TaskIntegration | undefined, report: (message: string, undecided?: boolean) => void): void {
  for (const { name, at } of errorNamesOf(placed.state)) {
    if (name.startsWith("States.")) {
      if (!STATES_ERRORS.includes(name)) report(m.unknownStatesError(at, name, STATES_ERRORS));
      continue;
    }
    if (!integration || integration.kind === "other") continue; // a Pass or Lambda may raise names of its own
    if (!integration.model) continue; // reported as undecided above
    if (!integration.errorPrefix) {
      report(m.undocumentedErrorPrefix(at, name, integration.resource), true);
      continue;
    }
    const errors =
      integration.kind === "sdk"
        ? integration.model.errors.map((e) => `${integration.errorPrefix}.${sdkExceptionName(e)}`)
        : integration.model.errors.map((e) => `${integration.errorPrefix}.${e}`);
    if (!errors.includes(name)) report(m.unknownServiceError(at, name, integration.kind === "sdk" ? `aws-sdk:${integration.service}` : `${integration.service}:${integration.action}`, errors));
  }
}
