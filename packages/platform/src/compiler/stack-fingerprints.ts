/**
 * A fingerprint per stack: a hash of the props its constructor receives (see stack-inputs.ts) and of the code
 * that turns props into Terraform. Two projects whose stack has the same fingerprint synthesize that stack
 * identically, so `affected` synthesizes and compares only the stacks whose fingerprints differ: a pull request
 * that touches one domain costs that domain and its neighbours, not the organisation.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileGrants } from "../grants/compile-grants.ts";
import { packageDir, packageVersion, sourceHash } from "../caching/source-hash.ts";
import type { Project } from "../loading/project.ts";
import { stackNames } from "../naming/stack-names.ts";
import { DeclarationError } from "../problems/problem.ts";
import { stackInputs } from "./stack-inputs.ts";

/** JSON would print a Map or a Set as `{}`, hiding what it holds from the hash; write their contents instead. */
function visible(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  if (typeof value === "function") throw new Error("stack props must be plain data to be fingerprinted");
  return value;
}

let code: string | undefined;

/** Baikal's stack-building code: the platform, the SQL analysis, the bundled Lambdas, cdktf and the provider bindings. */
function codeVersion(): string {
  code ??= sourceHash(
    [fileURLToPath(new URL("..", import.meta.url)), join(packageDir("@baikal/sql"), "src"), join(packageDir("@baikal/cost-notifier"), "src"), join(packageDir("@baikal/sheets-exporter"), "src")],
    [packageVersion("cdktf"), packageVersion("@cdktf/provider-aws"), packageVersion("constructs")],
  );
  return code;
}

/** Stack name -> fingerprint, for every stack of the project. */
export function stackFingerprints(project: Project): Map<string, string> {
  const { grants, problems } = compileGrants(project);
  if (!grants) throw new DeclarationError(problems);
  const version = codeVersion();
  const fingerprints = new Map<string, string>();
  for (const stack of stackNames(project)) {
    // The target only chooses backend and provider settings, and both sides of a comparison use the same one.
    const { props } = stackInputs(project, stack, { target: "offline", grants });
    fingerprints.set(stack.name, createHash("sha1").update(version).update(JSON.stringify(props, visible)).digest("base64url"));
  }
  return fingerprints;
}
