/**
 * Reads `terraform plan -json`: Terraform's machine-readable UI, one JSON message per line. Its
 * `planned_change` messages carry each resource's address and action, and its `diagnostic` messages the
 * errors, so one plan (one load of the provider) says everything `baikal plan`, the guard and the
 * pull-request comment need; `terraform show -json` is only run where values are needed.
 * https://developer.hashicorp.com/terraform/internals/machine-readable-ui
 */

/** Actions as `terraform plan -json` names them. */
export type StreamAction = "noop" | "create" | "read" | "update" | "replace" | "delete" | "move" | "import" | "remove";

export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly action: StreamAction;
  /** For a move: the address it had. */
  readonly previousAddress?: string;
  /** Why Terraform chose the action, e.g. `cannot_update` for a replace. */
  readonly reason?: string;
}

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  /** `cdk.tf.json line 12`, when Terraform points at the configuration. */
  readonly where?: string;
}

export interface PlanStream {
  readonly terraformVersion?: string;
  readonly changes: readonly PlannedChange[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Message {
  readonly type?: string;
  readonly terraform?: string;
  readonly change?: {
    readonly resource?: { readonly addr?: string; readonly resource_type?: string; readonly resource_name?: string };
    readonly previous_resource?: { readonly addr?: string };
    readonly action?: StreamAction;
    readonly reason?: string;
  };
  readonly diagnostic?: {
    readonly severity?: string;
    readonly summary?: string;
    readonly detail?: string;
    readonly range?: { readonly filename?: string; readonly start?: { readonly line?: number } };
  };
  readonly "@level"?: string;
  readonly "@message"?: string;
}

/** Parses the stream; lines that are not JSON (a crash, a wrapper's output) become error diagnostics, never lost. */
export function parsePlanStream(text: string): PlanStream {
  let terraformVersion: string | undefined;
  const changes: PlannedChange[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      diagnostics.push({ severity: "error", summary: line.trim() });
      continue;
    }
    if (message.type === "version") terraformVersion = message.terraform;
    else if (message.type === "planned_change" && message.change?.resource?.addr && message.change.action) {
      const { resource, previous_resource: previous, action, reason } = message.change;
      changes.push({
        address: resource.addr!,
        type: resource.resource_type ?? "",
        name: resource.resource_name ?? "",
        action,
        ...(previous?.addr && previous.addr !== resource.addr ? { previousAddress: previous.addr } : {}),
        ...(reason ? { reason } : {}),
      });
    } else if (message.type === "diagnostic" && message.diagnostic) {
      const d = message.diagnostic;
      const file = d.range?.filename;
      diagnostics.push({
        severity: d.severity === "warning" ? "warning" : "error",
        summary: d.summary ?? message["@message"] ?? "",
        ...(d.detail ? { detail: d.detail } : {}),
        ...(file ? { where: `${file}${d.range?.start?.line ? ` line ${d.range.start.line}` : ""}` } : {}),
      });
    }
  }
  return { terraformVersion, changes, diagnostics };
}

/** Terraform's own way of printing a diagnostic, without colours or box drawing. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.severity === "error" ? "Error" : "Warning"}: ${d.summary}`;
  return [head, ...(d.where ? [`  on ${d.where}`] : []), ...(d.detail ? ["", d.detail] : [])].join("\n");
}

/** `terraform show -json` names actions as lists; a replace is a delete and a create. */
const SHOW_ACTIONS: Record<StreamAction, readonly string[]> = {
  noop: ["no-op"],
  move: ["no-op"],
  import: ["no-op"],
  create: ["create"],
  read: ["read"],
  update: ["update"],
  replace: ["delete", "create"],
  delete: ["delete"],
  remove: ["forget"],
};

/** What `plan.json` holds after a plan: its changes in the shape `terraform show -json` gives them (address, type, actions). */
export interface ChangesJson {
  readonly source: string;
  readonly terraform_version?: string;
  readonly resource_changes: readonly {
    readonly address: string;
    readonly previous_address?: string;
    readonly type: string;
    readonly name: string;
    readonly change: { readonly actions: readonly string[] };
  }[];
}

export const CHANGES_SOURCE = "terraform plan -json (addresses and actions; `terraform show -json plan.tfplan` in this folder has the values)";

export function changesJson(stream: PlanStream): ChangesJson {
  return {
    source: CHANGES_SOURCE,
    ...(stream.terraformVersion ? { terraform_version: stream.terraformVersion } : {}),
    resource_changes: stream.changes.map((c) => ({
      address: c.address,
      ...(c.previousAddress ? { previous_address: c.previousAddress } : {}),
      type: c.type,
      name: c.name,
      change: { actions: SHOW_ACTIONS[c.action] ?? [c.action] },
    })),
  };
}
