import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateLimits, LIMIT_SOURCES, LIMITS_FILE } from "../scripts/aws-knowledge/limits.ts";

const sources = JSON.parse(readFileSync(LIMIT_SOURCES, "utf8")) as { models: Record<string, string>; fromModels: Record<string, { member?: string; shape?: string }> };

/** A repository laid out as aws/api-models-aws, whose models hold exactly the members limit-sources.json names. */
function modelsRepository(max: (id: string) => number | undefined): string {
  const root = mkdtempSync(join(tmpdir(), "baikal-api-models-"));
  const models = new Map<string, Record<string, unknown>>();
  for (const [id, source] of Object.entries(sources.fromModels)) {
    const service = Object.keys(sources.models).find((s) => (source.member ?? source.shape)!.startsWith(`com.amazonaws.${s}#`))!;
    const shapes = models.get(service) ?? {};
    const target = `com.amazonaws.${service}#Limit_${id.replace(/-/g, "_")}`;
    shapes[target] = { type: "string", ...(max(id) === undefined ? {} : { traits: { "smithy.api#length": { min: 1, max: max(id) } } }) };
    if (source.member) {
      const [shape, member] = source.member.split("$") as [string, string];
      const s = (shapes[shape] ?? { type: "structure", members: {} }) as { members: Record<string, unknown> };
      s.members[member] = { target };
      shapes[shape] = s;
    } else {
      shapes[source.shape!] = shapes[target];
    }
    models.set(service, shapes);
  }
  for (const [service, shapes] of models) {
    const file = join(root, sources.models[service]!);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ smithy: "2.0", shapes }));
  }
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "models");
  return root;
}

describe("scripts/generate-aws-limits.ts", () => {
  it("takes each limit from the member's length trait in AWS's models, with its source", () => {
    const { text, problems } = generateLimits(modelsRepository(() => 42));
    expect(problems).toEqual([]);
    const limits = (JSON.parse(text) as { limits: Record<string, { max?: number; source: string }> }).limits;
    for (const id of Object.keys(sources.fromModels)) expect([id, limits[id]!.max, limits[id]!.source.startsWith("aws/api-models-aws ")]).toEqual([id, 42, true]);
    expect(limits["s3-bucket-name"]).toMatchObject({ max: 63, source: "documented" });
  });

  it("fails, naming each, when a member carries no length or pattern", () => {
    const { problems } = generateLimits(modelsRepository((id) => (id === "glue-view-text" ? undefined : 1)));
    expect(problems).toEqual([expect.stringMatching(/^glue-view-text: com\.amazonaws\.glue#Limit_glue_view_text has no length or pattern trait$/)]);
  });

  it("wrote the checked-in limits from aws/api-models-aws", () => {
    const checkedIn = JSON.parse(readFileSync(LIMITS_FILE, "utf8")) as { repository: string; commit: string; limits: Record<string, unknown> };
    expect(checkedIn.repository).toBe("aws/api-models-aws");
    expect(checkedIn.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(checkedIn.limits).sort()).toEqual([...Object.keys(sources.fromModels), ...Object.keys(JSON.parse(readFileSync(LIMIT_SOURCES, "utf8")).documented)].sort());
  });
});
