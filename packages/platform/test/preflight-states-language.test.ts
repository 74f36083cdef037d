import { describe, expect, it } from "vitest";
import { validateStateMachineLanguage } from "../src/preflight/validators/asl.ts";
import { validateJsonata } from "../src/preflight/validators/jsonata-evaluation.ts";
import { preflightMessages as m } from "../src/preflight/validators/messages.ts";
import { machineStack, stackOf } from "./preflight-support.ts";

const at = (state: string) => `aws_sfn_state_machine.job States.${state}`;
const jsonata = async (states: Record<string, Record<string, unknown>>) => (await validateJsonata([machineStack(states)])).map((f) => `${f.where}: ${f.message}`);

describe("state machines through asl-validator", () => {
  it("passes a valid definition, with Terraform's references resolved first", () => {
    const stack = machineStack(
      { Notify: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Arguments: { TopicArn: "${aws_sns_topic.alerts.arn}", Message: "{% 'x' %}" }, End: true } },
      { aws_sns_topic: { alerts: { name: "acme-alerts" } } },
    );
    expect(validateStateMachineLanguage(stack)).toEqual([]);
  });

  it("fails when a transition leads nowhere", () => {
    const findings = validateStateMachineLanguage(machineStack({ First: { Type: "Pass", Next: "Nowhere" } }));
    expect(findings.map((f) => f.message)).toEqual([
      "Amazon States Language: MISSING_TRANSITION_TARGET: Missing 'StartAt'|'Next'|'Default' target: Nowhere",
      "Amazon States Language: MISSING_TERMINAL_STATE: State machine fsm1 is missing a terminal state",
    ]);
  });

  it("fails on a raw line break inside a JSONata string, which asl-validator rejects", () => {
    const findings = validateStateMachineLanguage(machineStack({ First: { Type: "Pass", Output: '{% "a\nb" %}', End: true } }));
    expect(findings.map((f) => f.message)[0]).toBe("Amazon States Language: SCHEMA_VALIDATION_FAILED: /States/First/Output is invalid. must match exactly one schema in oneOf");
  });

  it("cannot decide a definition whose references it cannot resolve, and says so", () => {
    const findings = validateStateMachineLanguage(machineStack({ Notify: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Arguments: { TopicArn: "${aws_sns_topic.gone.arn}" }, End: true } }));
    expect(findings).toEqual([{ check: "asl", stack: "domain-web-staging", where: "aws_sfn_state_machine.job", message: "the definition refers to ${aws_sns_topic.gone.arn}, which has no value offline", undecided: true }]);
  });
});

describe("JSONata evaluated on sample inputs built from the definition", () => {
  it("evaluates every state of every branch with the results and variables the states before produce", async () => {
    expect(
      await jsonata({
        Start: { Type: "Pass", Assign: { day: "{% $fromMillis($toMillis('2024-01-31T04:30:00Z'), '[Y0001]-[M01]-[D01]') %}" }, Next: "Query" },
        Query: {
          Type: "Task",
          Resource: "arn:aws:states:::athena:getQueryResults",
          Arguments: { QueryExecutionId: "{% $day %}" },
          Output: "{% $number($states.result.ResultSet.Rows[1].Data[0].VarCharValue) %}",
          Catch: [{ ErrorEquals: ["States.ALL"], Assign: { failure: "{% $states.errorOutput %}" }, Next: "Failed" }],
          Next: "Check",
        },
        Check: { Type: "Choice", Choices: [{ Condition: "{% $states.input > 0 %}", Next: "Failed" }], Default: "Done" },
        Failed: { Type: "Fail", Error: "{% $exists($failure) ? $failure.Error : 'TestFailed' %}", Cause: "{% $states.context.Execution.Id %}" },
        Done: { Type: "Succeed" },
      }),
    ).toEqual([]);
  });

  it("fails on JSONata that does not parse", async () => {
    expect(await jsonata({ First: { Type: "Pass", Output: "{% $states.input. %}", End: true } })).toEqual([expect.stringMatching(/^aws_sfn_state_machine\.job States\.First: Output: the JSONata does not parse: S0/)]);
  });

  it("fails on JSONata that fails on the sample input, saying with what", async () => {
    expect(await jsonata({ First: { Type: "Pass", Output: '{% $number("one") %}', End: true } })).toEqual([
      `${at("First")}: ${m.jsonataRuntime("Output", 'D3030 Unable to cast value to a number: "one"', "{}")}`,
    ]);
  });

  it("fails when a state reads a variable no state before it assigns", async () => {
    expect(await jsonata({ First: { Type: "Pass", Assign: { run_date: "2024-01-31" }, Next: "Second" }, Second: { Type: "Pass", Output: "{% $run_dat %}", End: true } })).toEqual([
      `${at("Second")}: ${m.unassignedVariable("Output", "run_dat")}`,
    ]);
    expect(m.unassignedVariable("Output", "run_dat")).toBe("Output reads $run_dat, which no state before it assigns");
  });

  it("fails when a state reads a path the context object does not have", async () => {
    expect(await jsonata({ First: { Type: "Pass", Output: "{% $states.context.Execution.Idd %}", End: true } })).toEqual([
      `${at("First")}: ${m.unknownContextPath("Output", "$states.context.Execution.Idd", ["Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"])}`,
    ]);
  });

  it("evaluates the states inside a Map with an item and the variables assigned before it", async () => {
    expect(
      await jsonata({
        Prepare: { Type: "Pass", Assign: { prefix: "p/" }, Output: { keys: ["a", "b"] }, Next: "Each" },
        Each: {
          Type: "Map",
          Items: "{% $states.input.keys %}",
          ItemProcessor: { StartAt: "Use", States: { Use: { Type: "Pass", Output: "{% $prefix & $states.input & $missing %}", End: true } } },
          End: true,
        },
      }),
    ).toEqual([`${at("Each.ItemProcessor.States.Use")}: ${m.unassignedVariable("Output", "missing")}`]);
  });

  it("starts a machine with what its schedule and the machines that start it pass", async () => {
    const definition = (states: Record<string, unknown>) => JSON.stringify({ QueryLanguage: "JSONata", StartAt: Object.keys(states)[0], States: states });
    const stack = stackOf({
      resource: {
        aws_sfn_state_machine: {
          upstream: {
            name: "acme-web-upstream",
            definition: definition({
              Start: { Type: "Task", Resource: "arn:aws:states:::states:startExecution", Arguments: { StateMachineArn: "${aws_sfn_state_machine.downstream.arn}", Input: { run_date: "2024-01-31" } }, End: true },
            }),
          },
          // Fails unless started with a run_date: {} alone would not do.
          downstream: { name: "acme-web-downstream", definition: definition({ Use: { Type: "Pass", Output: "{% $substring($states.input.run_date, 0, 4) & $states.input.scheduled_time %}", End: true } }) },
        },
        aws_scheduler_schedule: {
          downstream: { name: "s", target: [{ arn: "${aws_sfn_state_machine.downstream.arn}", input: '{"scheduled_time":"<aws.scheduler.scheduled-time>"}' }] },
        },
      },
    });
    expect((await validateJsonata([stack])).map((f) => f.message)).toEqual([]);
  });
});
