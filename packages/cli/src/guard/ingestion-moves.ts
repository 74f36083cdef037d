import { isDeepStrictEqual } from "node:util";
import { dataBearing, isReference } from "./data-bearing.ts";
import { allowHint, type Finding } from "./finding.ts";
import { type Body, blocks, show } from "./in-place/rule.ts";
import { tableShape } from "./in-place/table-shape.ts";
import type { StackJson, Stacks } from "./synthesize-ref.ts";

/** Something an ingestion runs that writes files into the lake under one prefix. */
interface Writer {
  readonly address: string;
  /** The ingestion's name, from its construct id `ingestion_<name>`. */
  readonly ingestion: string;
  /** `s3://<bucket>/<prefix>/` */
  readonly prefix: string;
  /** A state machine's name: its execution history goes with it. */
  readonly stateMachine?: string;
  /** The address of the log group the state machine logs to, which goes with it. */
  readonly logGroup?: string;
}

/** `aws_cloudwatch_log_group.<name>` from a state machine's `logging_configuration` (`${aws_cloudwatch_log_group.<name>.arn}:*`). */
function logGroupOf(body: Body): string | undefined {
  const destination = blocks(body.logging_configuration)[0]?.log_destination;
  const name = typeof destination === "string" ? /^\$\{aws_cloudwatch_log_group\.([\w-]+)\.arn\}/.exec(destination)?.[1] : undefined;
  return name ? `aws_cloudwatch_log_group.${name}` : undefined;
}

const EXPORT_TASK = "arn:aws:states:::aws-sdk:rds:startExportTask";

/** The construct id below the stack (`ingestion_orders_db`), from cdktf's metadata. */
function ingestionOf(body: Body): string | undefined {
  const path = (body["//"] as { metadata?: { path?: unknown } } | undefined)?.metadata?.path;
  const id = typeof path === "string" ? path.split("/")[1] : undefined;
  return id?.startsWith("ingestion_") ? id.slice("ingestion_".length) : undefined;
}

/** Where an RDS snapshot export writes: the literal bucket and prefix of its StartExportTask state. */
function exportPrefix(definition: unknown): string | undefined {
  // The definition may refer to other resources (its failure topic); only the export's own arguments must be literal.
  if (typeof definition !== "string") return undefined;
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found || typeof node !== "object" || node === null) return;
    const state = node as { Resource?: unknown; Arguments?: { S3BucketName?: unknown; S3Prefix?: unknown } };
    const { S3BucketName: bucket, S3Prefix: prefix } = state.Arguments ?? {};
    if (state.Resource === EXPORT_TASK && typeof bucket === "string" && typeof prefix === "string" && !isReference([bucket, prefix])) found = `s3://${bucket}/${prefix.replace(/\/$/, "")}/`;
    else Object.values(node).forEach(visit);
  };
  try {
    visit(JSON.parse(definition));
  } catch {
    return undefined;
  }
  return found;
}

function writersOf(stack: StackJson | undefined): Writer[] {
  const writers: Writer[] = [];
  for (const [name, body] of Object.entries(stack?.resource?.aws_sfn_state_machine ?? {})) {
    const ingestion = ingestionOf(body);
    const prefix = exportPrefix(body.definition);
    if (ingestion && prefix) writers.push({ address: `aws_sfn_state_machine.${name}`, ingestion, prefix, stateMachine: String(body.name), logGroup: logGroupOf(body) });
  }
  for (const [name, body] of Object.entries(stack?.resource?.aws_appflow_flow ?? {})) {
    const ingestion = ingestionOf(body);
    const s3 = blocks(body.destination_flow_config).map((d) => blocks(blocks(d.destination_connector_properties)[0]?.s3)[0]).find(Boolean);
    const bucket = s3?.bucket_name;
    const prefix = s3?.bucket_prefix;
    if (ingestion && typeof bucket === "string" && typeof prefix === "string" && !isReference(bucket) && !isReference(prefix)) {
      writers.push({ address: `aws_appflow_flow.${name}`, ingestion, prefix: `s3://${bucket}/${prefix.replace(/\/$/, "")}/` });
    }
  }
  return writers;
}

interface FilledTable {
  readonly address: string;
  readonly name: string;
  readonly body: Body;
}

/** The stack's tables whose files lie under the writer's prefix. */
function tablesFilledBy(writer: Writer, stack: StackJson | undefined): FilledTable[] {
  return Object.entries(stack?.resource?.aws_glue_catalog_table ?? {})
    .filter(([, body]) => dataBearing("aws_glue_catalog_table", body))
    .filter(([, body]) => {
      const location = tableShape(body).location;
      return typeof location === "string" && `${location.replace(/\/$/, "")}/`.startsWith(writer.prefix);
    })
    .map(([name, body]) => ({ address: `aws_glue_catalog_table.${name}`, name: String(body.name), body }));
}

/** How a table's place changed, in words; undefined when it reads the same files. */
function tableMove(table: FilledTable, head: StackJson): string | undefined {
  const now = head.resource?.aws_glue_catalog_table?.[table.address.split(".")[1]!];
  if (!now) return undefined;
  const [old, next] = [tableShape(table.body), tableShape(now)];
  const parts = [
    !isDeepStrictEqual(old.location, next.location) && `location changes from ${show(old.location)} to ${show(next.location)}`,
    !isDeepStrictEqual(old.template, next.template) && `partition template changes from ${show(old.template)} to ${show(next.template)}`,
  ].filter((p): p is string => typeof p === "string");
  return parts.length > 0 ? `${table.name}: ${parts.join(", ")}` : undefined;
}

/** The head's writer that took over from `writer`: the same address, or a new one filling the same tables. */
function successorOf(writer: Writer, filled: readonly FilledTable[], base: StackJson, head: StackJson): Writer | undefined {
  const heads = writersOf(head);
  const same = heads.find((w) => w.address === writer.address);
  if (same) return same;
  const names = new Set(filled.map((t) => t.name));
  const baseAddresses = new Set(writersOf(base).map((w) => w.address));
  return heads.find((w) => !baseAddresses.has(w.address) && tablesFilledBy(w, head).some((t) => names.has(t.name)));
}

function moveFinding(stack: string, writer: Writer, next: Writer, moves: readonly string[], destroyed: boolean): Finding {
  const renamed = next.ingestion !== writer.ingestion ? `is renamed to ${next.ingestion} (${next.address})` : "changes where it writes";
  const parts = [
    next.prefix !== writer.prefix ? `it now writes under ${next.prefix} instead of ${writer.prefix}` : `it still writes under ${writer.prefix}`,
    moves.length > 0 ? `the files it already wrote stay where they are and its tables no longer read them (${moves.join("; ")})` : undefined,
    destroyed ? `state machine ${writer.stateMachine} is destroyed with its execution history${writer.logGroup ? " and its log group" : ""}` : undefined,
  ].filter(Boolean);
  return {
    stack,
    address: writer.address,
    kind: "change",
    change: "ingestion",
    what: `ingestion ${writer.ingestion} ${renamed}: ${parts.join("; ")}`,
    fix: `keep the ingestion's name and location; if the files already written may stay unread, ${allowHint(stack, writer.address, "ingestion")}`,
  };
}

/**
 * An ingestion renamed, or whose prefix moved: its next runs write elsewhere, the files it already wrote are no
 * longer read by its tables, and an export's state machine goes with its history and its log group. One finding per
 * writer replaces the separate location findings of its tables and the destroy findings of its state machine and log group.
 */
export function ingestionMoves(before: Stacks, after: Stacks, findings: readonly Finding[]): Finding[] {
  const added: Finding[] = [];
  const covered = new Set<string>();
  for (const [stack, base] of before) {
    const head = after.get(stack);
    if (!head) continue;
    for (const writer of writersOf(base)) {
      const filled = tablesFilledBy(writer, base);
      const next = successorOf(writer, filled, base, head);
      if (!next) continue;
      const moves = filled.map((t) => tableMove(t, head)).filter((m): m is string => m !== undefined);
      const destroyed = writer.stateMachine !== undefined && next.stateMachine !== writer.stateMachine;
      if (next.prefix === writer.prefix && moves.length === 0 && !destroyed) continue;
      const finding = moveFinding(stack, writer, next, moves, destroyed);
      const covers = [...filled.filter((t) => tableMove(t, head)).map((t) => t.address), ...(destroyed ? [writer.address, ...(writer.logGroup ? [writer.logGroup] : [])] : [])];
      added.push({ ...finding, covers: covers.filter((a) => a !== writer.address) });
      for (const address of covers) covered.add(`${stack} ${address}`);
    }
  }
  const explained = (f: Finding) =>
    covered.has(`${f.stack} ${f.address}`) && (f.kind === "destroy" || f.kind === "move" || f.change === "location" || f.change === "zone");
  return [...findings.filter((f) => !explained(f)), ...added];
}
