import type { Project } from "../loading/project.ts";
import { didYouMean } from "../problems/suggest.ts";
import { addDays } from "./run-parameters.ts";
import { transformNames } from "./transform-names.ts";

/**
 * Athena writes at most 100 partitions per CTAS or INSERT INTO (`HIVE_TOO_MANY_OPEN_PARTITIONS`). A backfill run
 * is one incremental run, one date, one partition per statement; dates are grouped in chunks of at most this many.
 */
export const MAX_PARTITIONS_PER_CHUNK = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface BackfillChunk {
  readonly from: string;
  readonly to: string;
  /** One run, and so one INSERT INTO writing one partition, per date. */
  readonly dates: readonly string[];
}

export interface BackfillPlan {
  /** `domain.transform`. */
  readonly transform: string;
  readonly environment: string;
  readonly stateMachineArn: string;
  readonly partitionKey: string;
  readonly chunks: readonly BackfillChunk[];
}

export interface BackfillRequest {
  /** `domain.transform`. */
  readonly transform: string;
  readonly from: string;
  readonly to: string;
  /** @default - the first environment of baikal.config.ts */
  readonly environment?: string;
  /** @default MAX_PARTITIONS_PER_CHUNK */
  readonly chunkSize?: number;
}

/** Every date from `from` to `to`, inclusive, in chunks; or an Error that says what to fix. */
export function planBackfill(project: Project, request: BackfillRequest): BackfillPlan {
  const transforms = project.transforms ?? [];
  const t = transforms.find((x) => x.id === request.transform);
  if (!t) {
    const ids = transforms.map((x) => x.id);
    throw new Error(`unknown transform "${request.transform}"${didYouMean(request.transform, ids)} (transforms: ${ids.join(", ") || "none"})`);
  }
  if (!t.partitionKey) {
    throw new Error(`${t.id} is a full refresh: each run rewrites the whole table, so there is nothing to backfill by date; start one run instead`);
  }
  for (const [flag, value] of [["--from", request.from], ["--to", request.to]] as const) {
    if (!DATE.test(value) || addDays(value, 0) !== value) throw new Error(`${flag} ${value} is not a date; use yyyy-MM-dd, e.g. 2024-01-31`);
  }
  if (request.from > request.to) throw new Error(`--from ${request.from} is after --to ${request.to}; swap them`);
  const environments = Object.keys(project.organisation.environments);
  const environment = request.environment ?? environments[0]!;
  if (!environments.includes(environment)) {
    throw new Error(`unknown environment "${environment}"${didYouMean(environment, environments)} (environments: ${environments.join(", ")})`);
  }
  const size = request.chunkSize ?? MAX_PARTITIONS_PER_CHUNK;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PARTITIONS_PER_CHUNK) {
    throw new Error(`a chunk holds 1 to ${MAX_PARTITIONS_PER_CHUNK} partitions (Athena's limit per statement), not ${size}`);
  }
  const dates: string[] = [];
  for (let date = request.from; date <= request.to; date = addDays(date, 1)) dates.push(date);
  const chunks: BackfillChunk[] = [];
  for (let i = 0; i < dates.length; i += size) {
    const slice = dates.slice(i, i + size);
    chunks.push({ from: slice[0]!, to: slice[slice.length - 1]!, dates: slice });
  }
  return {
    transform: t.id,
    environment,
    stateMachineArn: transformNames(project.organisation, environment, t.domain, t.name).stateMachineArn,
    partitionKey: t.partitionKey,
    chunks,
  };
}

/** The plan as `--dry-run` prints it. */
export function formatBackfillPlan(plan: BackfillPlan): string {
  const runs = plan.chunks.reduce((n, c) => n + c.dates.length, 0);
  return [
    `backfill ${plan.transform} in ${plan.environment}: ${runs} run${runs === 1 ? "" : "s"} of ${plan.stateMachineArn}, one ${plan.partitionKey} partition each, in ${plan.chunks.length} chunk${plan.chunks.length === 1 ? "" : "s"} of at most ${MAX_PARTITIONS_PER_CHUNK}`,
    ...plan.chunks.map((c, i) => `  chunk ${i + 1}/${plan.chunks.length}: ${c.from} .. ${c.to} (${c.dates.length} partition${c.dates.length === 1 ? "" : "s"})`),
  ].join("\n");
}
