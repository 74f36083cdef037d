/**
 * Terraform references (`${aws_sns_topic.alerts.arn}`) resolved to what they will be in AWS, from the referenced
 * block's own attributes: the checks read policies and state machine definitions as AWS will, offline. A reference
 * the table below cannot resolve comes back unresolved, and every check says so rather than passing.
 */
import { blockAt, type Block, type SynthesizedStack } from "./synthesized-stack.ts";

/** A key id stands in for one KMS creates; any id of the right shape fits an ARN pattern equally. */
export const PLACEHOLDER_KEY_ID = "00000000-0000-4000-8000-000000000000";

type Builder = (block: Block, stack: SynthesizedStack) => string | undefined;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const regional = (service: string, resource: (b: Block) => string | undefined): Builder => (b, s) => {
  const r = resource(b);
  return r === undefined ? undefined : `arn:aws:${service}:${s.region}:${s.accountId}:${r}`;
};

/** Per resource type, per attribute: what AWS will answer. */
const ATTRIBUTES: Record<string, Record<string, Builder>> = {
  aws_s3_bucket: { arn: (b) => `arn:aws:s3:::${str(b.bucket)}`, id: (b) => str(b.bucket), bucket: (b) => str(b.bucket) },
  aws_kms_key: { arn: regional("kms", () => `key/${PLACEHOLDER_KEY_ID}`), key_id: () => PLACEHOLDER_KEY_ID, id: () => PLACEHOLDER_KEY_ID },
  aws_kms_alias: { arn: regional("kms", (b) => str(b.name)), name: (b) => str(b.name) },
  aws_sqs_queue: {
    arn: regional("sqs", (b) => str(b.name)),
    name: (b) => str(b.name),
    url: (b, s) => `https://sqs.${s.region}.amazonaws.com/${s.accountId}/${str(b.name)}`,
    id: (b, s) => `https://sqs.${s.region}.amazonaws.com/${s.accountId}/${str(b.name)}`,
  },
  aws_sns_topic: { arn: regional("sns", (b) => str(b.name)), id: regional("sns", (b) => str(b.name)), name: (b) => str(b.name) },
  aws_lambda_function: { arn: regional("lambda", (b) => `function:${str(b.function_name)}`), function_name: (b) => str(b.function_name) },
  aws_cloudwatch_log_group: { arn: regional("logs", (b) => `log-group:${str(b.name)}`), name: (b) => str(b.name) },
  aws_cloudwatch_event_rule: { arn: regional("events", (b) => `rule/${str(b.name)}`), name: (b) => str(b.name), id: (b) => str(b.name) },
  aws_dynamodb_table: { arn: regional("dynamodb", (b) => `table/${str(b.name)}`), name: (b) => str(b.name), id: (b) => str(b.name) },
  // Secrets Manager appends six random characters to the name.
  aws_secretsmanager_secret: { arn: regional("secretsmanager", (b) => `secret:${str(b.name)}-AbCdEf`), id: regional("secretsmanager", (b) => `secret:${str(b.name)}-AbCdEf`) },
  aws_iam_role: { arn: (b, s) => `arn:aws:iam::${s.accountId}:role/${str(b.name)}`, id: (b) => str(b.name), name: (b) => str(b.name) },
  aws_sfn_state_machine: { arn: regional("states", (b) => `stateMachine:${str(b.name)}`), name: (b) => str(b.name) },
  aws_athena_workgroup: { arn: regional("athena", (b) => `workgroup/${str(b.name)}`), name: (b) => str(b.name), id: (b) => str(b.name) },
  aws_glue_catalog_database: { arn: regional("glue", (b) => `database/${str(b.name)}`), name: (b) => str(b.name) },
  aws_glue_catalog_table: { arn: regional("glue", (b) => `table/${str(b.database_name)}/${str(b.name)}`), name: (b) => str(b.name) },
  aws_quicksight_data_source: { arn: regional("quicksight", (b) => `datasource/${str(b.data_source_id)}`) },
  aws_quicksight_data_set: { arn: regional("quicksight", (b) => `dataset/${str(b.data_set_id)}`), data_set_id: (b) => str(b.data_set_id) },
  aws_scheduler_schedule: { arn: regional("scheduler", (b) => `schedule/${str(b.group_name) ?? "default"}/${str(b.name)}`) },
  aws_appflow_flow: { arn: regional("appflow", (b) => `flow/${str(b.name)}`) },
};

const DATA_ATTRIBUTES: Record<string, Record<string, Builder>> = {
  // The alias's key, as KMS resolves it at apply time.
  aws_kms_alias: { target_key_arn: regional("kms", () => `key/${PLACEHOLDER_KEY_ID}`), target_key_id: () => PLACEHOLDER_KEY_ID },
};

/** One `${...}` reference: `aws_x.name.attr` or `data.aws_x.name.attr`. */
export interface Reference {
  readonly text: string;
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

/** `${...}` not preceded by another `$` (which escapes it); one level of braces, as cdktf writes them. */
const REFERENCE = /(?<!\$)\$\{([^{}]*)\}/g;

export function parseReference(expression: string): Reference | undefined {
  const m = /^(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(expression.trim());
  return m ? { text: expression, data: m[1] !== undefined, type: m[2]!, name: m[3]!, attribute: m[4]! } : undefined;
}

/** The value of one reference in AWS, or undefined when it cannot be told offline. */
export function resolveReference(stack: SynthesizedStack, ref: Reference): string | undefined {
  const block = blockAt(stack, ref);
  const builder = (ref.data ? DATA_ATTRIBUTES : ATTRIBUTES)[ref.type]?.[ref.attribute];
  return block && builder ? builder(block, stack) : undefined;
}

export interface Resolved {
  readonly value: string;
  /** References that could not be resolved, as written (`${...}`); they are left in `value`. */
  readonly unresolved: readonly string[];
}

/**
 * A Terraform string as AWS will see it: references replaced by their values, escaped `$${` back to `${`.
 * `escape` encodes each value for its context, e.g. JSON inside a state machine definition.
 */
export function resolveString(stack: SynthesizedStack, text: string, escape: (value: string) => string = (v) => v): Resolved {
  const unresolved: string[] = [];
  const value = text.replace(REFERENCE, (whole, expression: string) => {
    const ref = parseReference(expression);
    const resolved = ref && resolveReference(stack, ref);
    if (resolved === undefined) {
      unresolved.push(whole);
      return whole;
    }
    return escape(resolved);
  });
  return { value: value.replaceAll("$${", "${").replaceAll("%%{", "%{"), unresolved };
}

/** The references a string holds, for following them (a policy document's `.json`, say). */
export function referencesIn(text: string): Reference[] {
  return [...text.matchAll(REFERENCE)].map((m) => parseReference(m[1]!)).filter((r): r is Reference => r !== undefined);
}
