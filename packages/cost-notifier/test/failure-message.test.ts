import { describe, expect, it } from "vitest";
import { buildTransformFailureMessage, executionConsoleLink, SLACK_CAUSE_CHARS } from "../src/slack/failure-message.ts";
import { parseMessage } from "../src/transform-failure.ts";
import { EXECUTION_ARN, transformFailureMessage } from "./support/fixtures.ts";

describe("parseMessage", () => {
  it("reads a transform failure, leaving out fields the run did not know", () => {
    expect(parseMessage(transformFailureMessage({ runDate: "", error: undefined }), "Transform web.daily_users failed")).toEqual({
      kind: "transform-failure",
      failure: {
        domain: "web",
        transform: "web.daily_users",
        target: "web.daily_users",
        cause: "data test failed on web.daily_users: user_id is null in some rows (3 bad rows)",
        execution: EXECUTION_ARN,
      },
    });
  });

  it("passes on as text what is not a transform failure: plain text, other JSON, broken JSON", () => {
    for (const message of ["Ingestion failed", '{"kind":"something-else","transform":"x"}', '{"kind":"baikal.transform-failure"']) {
      expect(parseMessage(message, "Subject")).toEqual({ kind: "text", subject: "Subject", text: message });
    }
  });
});

describe("buildTransformFailureMessage", () => {
  it("says unknown for what the run did not know, and names an execution it cannot link to", () => {
    const message = buildTransformFailureMessage({ transform: "web.daily_users", execution: "arn:aws:states:eu-west-1:111111111111:express:x:y:z" });
    expect(message.text).toBe("Transform web.daily_users failed for run date unknown: unknown error");
    expect(JSON.stringify(message.blocks)).toContain("*Domain*\\nunknown");
    expect(message.blocks[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: "```(no cause given)```" } });
    expect(message.blocks[3]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "Execution arn:aws:states:eu-west-1:111111111111:express:x:y:z" }] });
  });

  it("escapes mrkdwn, keeps a ``` in the cause from closing the block, and cuts a long cause", () => {
    const cause = `line 1:8: mismatched input '<' near \`\`\`a\`\`\` & more ${"x".repeat(2 * SLACK_CAUSE_CHARS)}`;
    const text = (buildTransformFailureMessage({ transform: "web.t", cause }).blocks[2] as { text: { text: string } }).text.text;
    expect(text.startsWith("```line 1:8: mismatched input '&lt;' near `\u200b`\u200b`a`\u200b`\u200b` &amp; more xxx")).toBe(true);
    expect(text.endsWith("x…```")).toBe(true);
    expect(text.match(/```/g)).toHaveLength(2);
  });

  it("links only standard executions' ARNs to the console", () => {
    expect(executionConsoleLink(EXECUTION_ARN)).toBe(`https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/${EXECUTION_ARN}`);
    expect(executionConsoleLink("arn:aws:states:eu-west-1:111111111111:execution:m:x|<evil>")).toBeUndefined();
    expect(executionConsoleLink("not an arn")).toBeUndefined();
  });
});
