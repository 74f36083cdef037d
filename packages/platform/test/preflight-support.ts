import type { SynthesizedStack, TerraformJson } from "../src/preflight/stack/synthesized-stack.ts";

/** A stack of the given Terraform JSON, deployed to the fixtures' staging account. */
export function stackOf(json: TerraformJson, name = "domain-web-staging"): SynthesizedStack {
  return { name, environment: "staging", owner: name.startsWith("platform") ? "platform" : name.startsWith("consumer") ? "consumer" : "web", accountId: "111111111111", region: "eu-west-1", json };
}

/** A stack holding one JSONata state machine with these states, starting at the first. */
export function machineStack(states: Record<string, Record<string, unknown>>, extra: TerraformJson["resource"] = {}): SynthesizedStack {
  const definition = { QueryLanguage: "JSONata", StartAt: Object.keys(states)[0], States: states };
  return stackOf({
    resource: {
      aws_sfn_state_machine: { job: { name: "acme-web-job", role_arn: "${aws_iam_role.job.arn}", definition: JSON.stringify(definition) } },
      aws_iam_role: { job: { name: "acme-web-job" } },
      ...extra,
    },
  });
}

/** A stack with one inline role policy of these statements (Terraform's `statement` blocks). */
export function policyStack(statement: Record<string, unknown>[]): SynthesizedStack {
  return stackOf({
    data: { aws_iam_policy_document: { access: { statement } } },
    resource: {
      aws_iam_role: { job: { name: "acme-web-job" } },
      aws_iam_role_policy: { access: { role: "${aws_iam_role.job.id}", name: "access", policy: "${data.aws_iam_policy_document.access.json}" } },
      aws_s3_bucket: { lake: { bucket: "acme-staging-raw-111111111111" } },
    },
  });
}
