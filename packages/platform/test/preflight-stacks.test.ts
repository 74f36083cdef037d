/**
 * The preflight validators and Baikal's rules over every stack of the bundled examples (whatever domains exist) and
 * of generated fixture organisations: what AWS would refuse at apply or at the first run, found offline.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../src/loading/load-project.ts";
import { stackNames } from "../src/naming/stack-names.ts";
import { applySuppressions, formatRuleFinding, ruleFindings, synthesizedStacks } from "../src/preflight/index.ts";
import { readSuppressions } from "../src/preflight/suppressions.ts";
import { RULES } from "../src/preflight/rules/index.ts";
import { formatFinding, validateStacks } from "../src/preflight/validators/index.ts";
import { writeFixtureOrganisation } from "./preflight-fixtures.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const workdir = () => mkdtempSync(join(tmpdir(), "baikal-preflight-"));

for (const [what, root] of [
  ["the bundled examples", REPO],
  ["a generated organisation of three domains", writeFixtureOrganisation(3)],
] as const) {
  describe(`preflight over ${what}`, async () => {
    const project = await loadProject(root);
    const stacks = await synthesizedStacks(project, workdir());

    it("synthesizes every stack of the project", () => {
      expect(stacks.map((s) => s.name)).toEqual(stackNames(project).map((s) => s.name));
      expect(stacks.filter((s) => (s.json.resource?.aws_sfn_state_machine ?? undefined) !== undefined).length).toBeGreaterThan(0);
    });

    it("finds nothing AWS's models, the States language, JSONata or the IAM catalog would refuse", async () => {
      expect((await validateStacks(stacks)).map(formatFinding)).toEqual([]);
    });

    it("breaks none of Baikal's rules, but for reviewed suppressions", () => {
      const { suppressions, problems } = readSuppressions(root, RULES.map((r) => r.id));
      const results = applySuppressions(stacks.flatMap((s) => ruleFindings(s, { organisation: project.organisation })), suppressions, true);
      expect([...results.findings.filter((f) => f.severity === "error").map(formatRuleFinding), ...results.problems, ...problems]).toEqual([]);
    });
  });
}
