import { type BackfillPlan, formatBackfillPlan, loadProject, planBackfill } from "@baikal/platform/project";

export interface BackfillOptions {
  readonly transform: string;
  readonly from: string;
  readonly to: string;
  readonly environment?: string;
  readonly dryRun?: boolean;
  /** Runs in flight at once within a chunk. @default 4 */
  readonly parallel?: number;
}

/** What a backfill needs of Step Functions; `sfnExecutions` implements it with the AWS SDK. */
export interface ExecutionClient {
  /** Starts an execution and returns its ARN. */
  start(stateMachineArn: string, name: string, input: string): Promise<string>;
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE. */
  status(executionArn: string): Promise<string>;
}

export interface RunBackfillOptions {
  readonly parallel: number;
  readonly pollMs: number;
  /** Makes execution names unique, so a date can be backfilled again later. */
  readonly runId: string;
  readonly log: (line: string) => void;
}

const DEFAULT_PARALLEL = 4;
const POLL_MS = 10_000;

/** `baikal backfill <domain>.<transform> --from --to [--dry-run]`: plans, then runs chunk after chunk. */
export async function backfillCommand(options: BackfillOptions): Promise<number> {
  const project = await loadProject();
  const plan = planBackfill(project, { transform: options.transform, from: options.from, to: options.to, environment: options.environment });
  console.log(formatBackfillPlan(plan));
  if (options.dryRun) return 0;
  const region = project.organisation.environments[plan.environment]!.region;
  const client = await sfnExecutions(region);
  const runId = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const { failed } = await runBackfill(plan, client, { parallel: options.parallel ?? DEFAULT_PARALLEL, pollMs: POLL_MS, runId, log: (l) => console.log(l) });
  if (failed.length > 0) {
    console.error(`${failed.length} run${failed.length === 1 ? "" : "s"} failed: ${failed.join(", ")}; rerun those dates (each run replaces its partition)`);
    return 1;
  }
  return 0;
}

/**
 * Runs the plan: a chunk's dates at most `parallel` at a time, the next chunk only when the previous one has
 * finished, with one progress line per finished run. Runs are idempotent, so failed dates are simply rerun.
 */
export async function runBackfill(plan: BackfillPlan, client: ExecutionClient, options: RunBackfillOptions): Promise<{ succeeded: string[]; failed: string[] }> {
  const succeeded: string[] = [];
  const failed: string[] = [];
  const total = plan.chunks.reduce((n, c) => n + c.dates.length, 0);
  let done = 0;
  for (const [index, chunk] of plan.chunks.entries()) {
    options.log(`chunk ${index + 1}/${plan.chunks.length}: ${chunk.from} .. ${chunk.to}`);
    const queue = [...chunk.dates];
    const worker = async () => {
      for (let date = queue.shift(); date !== undefined; date = queue.shift()) {
        const status = await runOne(plan, client, date, options);
        (status === "SUCCEEDED" ? succeeded : failed).push(date);
        done += 1;
        options.log(`  [${done}/${total}] ${date} ${status}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.parallel, chunk.dates.length) }, worker));
  }
  return { succeeded, failed };
}

async function runOne(plan: BackfillPlan, client: ExecutionClient, date: string, options: RunBackfillOptions): Promise<string> {
  const arn = await client.start(plan.stateMachineArn, `backfill-${date}-${options.runId}`, JSON.stringify({ run_date: date }));
  for (;;) {
    const status = await client.status(arn);
    if (status !== "RUNNING" && status !== "PENDING_REDRIVE") return status;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/** Step Functions through the AWS SDK, loaded only when a real backfill starts (it costs a few hundred ms). */
async function sfnExecutions(region: string): Promise<ExecutionClient> {
  const { SFNClient, StartExecutionCommand, DescribeExecutionCommand } = await import("@aws-sdk/client-sfn");
  const client = new SFNClient({ region });
  return {
    start: async (stateMachineArn, name, input) =>
      String((await client.send(new StartExecutionCommand({ stateMachineArn, name, input }))).executionArn),
    status: async (executionArn) => String((await client.send(new DescribeExecutionCommand({ executionArn }))).status),
  };
}
