import { type PlanSummary, summarizePlan } from "../terraform/plan-summary.ts";

/** Hidden first line of the comment: the workflow finds the comment by it and updates it in place. */
export const COMMENT_MARKER = "<!-- baikal-plan-comment -->";

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const COMMENT_LIMIT_BYTES = 60_000;

interface ResourceChange {
  readonly address: string;
  readonly change: { readonly actions: readonly string[] };
}

export interface StackPlan {
  readonly stack: string;
  /** `terraform show -json` of the saved plan. @default - the stack failed to plan */
  readonly plan?: { readonly resource_changes?: readonly ResourceChange[] };
}

export interface PlanCommentInput {
  readonly stacks: readonly StackPlan[];
  /** The ref the PR is compared with, for the heading. */
  readonly base?: string;
  /** Link to the workflow run, whose artifacts hold the full plans. */
  readonly runUrl?: string;
  /** @default COMMENT_LIMIT_BYTES */
  readonly limitBytes?: number;
}

const actionOf = (actions: readonly string[]): string =>
  actions.includes("delete") && actions.includes("create") ? "replace" : actions.includes("delete") ? "destroy" : actions.includes("create") ? "create" : actions.includes("update") ? "update" : "";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function stackSection(stack: string, changes: readonly ResourceChange[]): string {
  const rows = changes.map((rc) => [rc.address, actionOf(rc.change.actions)] as const).filter(([, action]) => action);
  if (rows.length === 0) return "";
  const flag = (action: string) => (action === "replace" || action === "destroy" ? `**${action}**` : action);
  return [
    `<details><summary><code>${stack}</code>: ${rows.length} resource${rows.length === 1 ? "" : "s"}</summary>`,
    "",
    "| resource | action |",
    "| --- | --- |",
    ...rows.map(([address, action]) => `| \`${address}\` | ${flag(action)} |`),
    "",
    "</details>",
    "",
  ].join("\n");
}

/**
 * The body of the one PR comment per run: a table of every planned stack, every delete and replace called
 * out, then each stack's resources as long as the body stays under the limit. The full plans are artifacts.
 */
export function planComment(input: PlanCommentInput): string {
  const limit = input.limitBytes ?? COMMENT_LIMIT_BYTES;
  const summaries = input.stacks.map((s) => ({ ...s, summary: s.plan ? summarizePlan(s.plan as Parameters<typeof summarizePlan>[0]) : undefined }));
  const cell = (summary: PlanSummary | undefined, key: "add" | "change" | "destroy" | "replace") => {
    if (!summary) return "";
    const n = summary[key];
    return (key === "destroy" || key === "replace") && n > 0 ? `**${n}**` : String(n);
  };
  const against = input.base ? ` against \`${input.base}\`` : "";
  const head = [
    COMMENT_MARKER,
    `## Baikal plan: ${input.stacks.length} stack${input.stacks.length === 1 ? "" : "s"}${against}`,
    "",
  ];
  if (input.stacks.length === 0) head.push("No stack's configuration changes: nothing to plan.", "");
  else {
    head.push("| stack | add | change | destroy | replace |", "| --- | ---: | ---: | ---: | ---: |");
    for (const s of summaries) {
      head.push(
        s.summary
          ? `| \`${s.stack}\` | ${cell(s.summary, "add")} | ${cell(s.summary, "change")} | ${cell(s.summary, "destroy")} | ${cell(s.summary, "replace")} |`
          : `| \`${s.stack}\` | failed to plan: see the job log | | | |`,
      );
    }
    head.push("");
  }
  const destructive = summaries.flatMap((s) =>
    (s.summary?.destructive ?? []).map((d) => {
      const [, address, action] = /^(.*) \((\w+)\)$/.exec(d) ?? [d, d, "destroy"];
      return `- \`${s.stack}\` \`${address}\`: **${action}**`;
    }),
  );
  const footer = [input.runUrl ? `Full plans: the \`plans\` artifact of [this run](${input.runUrl}).` : "Full plans: the `plans` artifact of this run.", ""];
  const parts = [...head];
  if (destructive.length > 0) {
    parts.push(`### :warning: ${destructive.length} delete${destructive.length === 1 ? "" : "s"} or replace${destructive.length === 1 ? "" : "s"}`, "");
    // The destructive list is what reviewers must see: it keeps room before any detail, and is cut last.
    const budget = Math.floor(limit / 2) - bytes(parts.join("\n"));
    let used = 0;
    let shown = 0;
    for (const line of destructive) {
      if (used + bytes(line) + 1 > budget) break;
      parts.push(line);
      used += bytes(line) + 1;
      shown++;
    }
    if (shown < destructive.length) parts.push(`- … and ${destructive.length - shown} more: see the plans artifact`);
    parts.push("");
  }
  let body = parts.join("\n");
  const reserve = bytes(footer.join("\n")) + 200;
  const omitted: string[] = [];
  for (const s of summaries) {
    const section = stackSection(s.stack, s.plan?.resource_changes ?? []);
    if (!section) continue;
    if (omitted.length > 0 || bytes(body) + bytes(section) + reserve > limit) omitted.push(s.stack);
    else body += section;
  }
  if (omitted.length > 0) body += `\n_Resource lists of ${omitted.length} stack${omitted.length === 1 ? "" : "s"} left out to keep this comment under ${Math.round(limit / 1000)} KB._\n\n`;
  return body + footer.join("\n");
}
