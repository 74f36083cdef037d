import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT_BYTES, COMMENT_MARKER, type StackPlan, planComment } from "../src/ci/plan-comment.ts";

/** A plan in `terraform show -json` form with these resource changes. */
const planOf = (changes: Record<string, string[]>): StackPlan["plan"] => ({
  resource_changes: Object.entries(changes).map(([address, actions]) => ({ address, change: { actions } })),
});

describe("planComment", () => {
  it("starts with the hidden marker, so the workflow updates one comment in place", () => {
    const body = planComment({ stacks: [{ stack: "domain-ads-staging", plan: planOf({}) }], base: "main" });
    expect(body.split("\n")[0]).toBe(COMMENT_MARKER);
    expect(body).toContain("## Baikal plan: 1 stack against `main`");
  });

  it("tabulates every stack and calls out each delete and replace", () => {
    const body = planComment({
      stacks: [
        {
          stack: "domain-ads-staging",
          plan: planOf({
            "aws_glue_catalog_table.table_clicks": ["delete", "create"],
            "aws_glue_catalog_table.table_views": ["delete"],
            "aws_glue_catalog_table.table_new": ["create"],
            "aws_athena_workgroup.ads": ["update"],
            "aws_kms_key.key": ["no-op"],
          }),
        },
        { stack: "domain-ads-production" },
      ],
    });
    expect(body).toContain("| `domain-ads-staging` | 1 | 1 | **1** | **1** |");
    expect(body).toContain("| `domain-ads-production` | failed to plan: see the job log | | | |");
    expect(body).toContain("### :warning: 2 deletes or replaces");
    expect(body).toContain("- `domain-ads-staging` `aws_glue_catalog_table.table_clicks`: **replace**");
    expect(body).toContain("- `domain-ads-staging` `aws_glue_catalog_table.table_views`: **destroy**");
    expect(body).toContain("| `aws_athena_workgroup.ads` | update |");
    expect(body).not.toContain("aws_kms_key.key");
  });

  it("says there is nothing to plan when no stack changes", () => {
    expect(planComment({ stacks: [] })).toContain("No stack's configuration changes: nothing to plan.");
  });

  it("stays under 60 KB for a huge change, keeping the table and the destructive list and dropping resource lists", () => {
    const stacks = Array.from({ length: 200 }, (_, i) => ({
      stack: `domain-team${i}-production`,
      plan: planOf(
        Object.fromEntries(Array.from({ length: 100 }, (_, j) => [`aws_glue_catalog_table.table_${j}_with_a_long_name`, j === 0 ? ["delete", "create"] : ["create"]])),
      ),
    }));
    const body = planComment({ stacks, runUrl: "https://github.com/acme/lake/actions/runs/1" });
    expect(Buffer.byteLength(body, "utf8")).toBeLessThan(COMMENT_LIMIT_BYTES);
    expect(body).toContain("| `domain-team199-production` | 99 | 0 | 0 | **1** |");
    expect(body).toContain("- `domain-team0-production` `aws_glue_catalog_table.table_0_with_a_long_name`: **replace**");
    expect(body).toMatch(/_Resource lists of \d+ stacks left out to keep this comment under 60 KB\._/);
    expect(body.trimEnd().split("\n").at(-1)).toBe("Full plans: the `plans` artifact of [this run](https://github.com/acme/lake/actions/runs/1).");
  });

  it("cuts a destructive list too long for the comment, and says how many more there are", () => {
    const stacks = [{ stack: "platform-production", plan: planOf(Object.fromEntries(Array.from({ length: 3000 }, (_, j) => [`aws_s3_bucket.bucket_${j}`, ["delete"]]))) }];
    const body = planComment({ stacks });
    expect(Buffer.byteLength(body, "utf8")).toBeLessThan(COMMENT_LIMIT_BYTES);
    expect(body).toContain("### :warning: 3000 deletes or replaces");
    expect(body).toMatch(/- … and \d+ more: see the plans artifact/);
  });
});
