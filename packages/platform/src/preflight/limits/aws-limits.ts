/**
 * AWS's limits on declared values, as data: aws-limits.json is generated from AWS's Smithy models and the reviewed
 * limit-sources.json (scripts/generate-aws-limits.ts). Messages are built here so tests quote them.
 */
import limits from "./aws-limits.json" with { type: "json" };

export interface AwsLimit {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly unit: string;
  readonly what: string;
  readonly doc: string;
  readonly source: string;
  /** For a limit on which values apply (QuickSight's intervals that take a time of day). */
  readonly values?: readonly string[];
  /** For cron expressions: each field's range and names. */
  readonly fields?: readonly { readonly name: string; readonly min: number; readonly max: number; readonly names?: readonly string[] }[];
}

export type LimitId = keyof typeof limits.limits;

export function awsLimit(id: LimitId): AwsLimit {
  return limits.limits[id] as unknown as AwsLimit;
}

export const limitMessages = {
  tooLong: (id: LimitId, given: number) => {
    const l = awsLimit(id);
    return `is ${given} ${l.unit} long; ${l.what} holds at most ${l.max} ${l.unit} (${l.doc}); shorten it`;
  },
  tooMany: (id: LimitId, given: number, fix: string) => {
    const l = awsLimit(id);
    return `makes ${given}; ${l.what} can be at most ${l.max} (${l.doc}); ${fix}`;
  },
  bucketName: (bucket: string, length: number) => {
    const l = awsLimit("s3-bucket-name");
    return `makes the bucket name "${bucket}", ${length} characters; ${l.what} holds at most ${l.max} (${l.doc}); shorten the organisation's or the environment's name`;
  },
  definitionSize: (size: number) => {
    const l = awsLimit("sfn-definition");
    return `makes a state machine definition of ${size} characters; ${l.what} holds at most ${l.max} (${l.doc}); split the SQL or the data tests into several transforms`;
  },
  viewText: (size: number) => {
    const l = awsLimit("glue-view-text");
    return `makes ${l.what} ${size} characters long; Glue holds at most ${l.max} (${l.doc}); split the view`;
  },
  cronField: (expression: string, field: string, value: string, min: number, max: number, names?: readonly string[]) =>
    `"${expression}": the ${field} field is "${value}", but ${field} takes ${min} to ${max}${names ? ` or ${names[0]} to ${names[names.length - 1]}` : ""}, with , - * / (${awsLimit("eventbridge-cron-fields").doc})`,
  timeOfDay: (interval: string) => {
    const l = awsLimit("quicksight-time-of-day");
    return `a ${interval} refresh takes no time of day: QuickSight takes one only for ${l.values!.join(", ")} (${l.doc}); remove timeOfDay`;
  },
};
