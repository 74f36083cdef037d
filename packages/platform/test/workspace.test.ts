import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { providerMirror, readLocalSettings, writeLocalSettings } from "../src/workspace/local-settings.ts";
import { lockFileText, packageHash, requiredProviders, terraformPlatform } from "../src/workspace/provider-lock.ts";
import { prepareStackFolders } from "../src/workspace/stack-folders.ts";
import { LOCAL_SETTINGS_FILE, MIRROR_VARIABLE, mirrorWithoutRegistry, settingNotText, settingsNotJson } from "../src/workspace/workspace-messages.ts";

const AWS = { address: "registry.terraform.io/hashicorp/aws", version: "5.100.0" };
const STACK_CONFIG = { terraform: { required_providers: { aws: { source: "aws", version: "5.100.0" } }, backend: { local: { path: "terraform.tfstate" } } } };

/** A filesystem mirror holding a stand-in hashicorp/aws package (Terraform hashes and links packages; it never runs them to install). */
function fakeMirror(): string {
  const mirror = mkdtempSync(join(tmpdir(), "baikal-mirror-"));
  const dir = join(mirror, AWS.address, AWS.version, terraformPlatform());
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "terraform-provider-aws_v5.100.0_x5"), "#!/bin/sh\necho not a provider\n", { mode: 0o755 });
  writeFileSync(join(dir, "LICENSE.txt"), "license\n");
  return mirror;
}

/** A checkout with one synthesized stack folder. */
function checkout(settings?: object): { root: string; outdir: string } {
  const root = mkdtempSync(join(tmpdir(), "baikal-checkout-"));
  mkdirSync(join(root, ".baikal"));
  if (settings) writeLocalSettings(root, settings);
  const outdir = join(root, "cdktf.out");
  mkdirSync(join(outdir, "stacks", "domain-web-staging"), { recursive: true });
  writeFileSync(join(outdir, "stacks", "domain-web-staging", "cdk.tf.json"), JSON.stringify(STACK_CONFIG));
  return { root, outdir };
}

describe("local settings", () => {
  it("take the provider mirror from BAIKAL_PROVIDER_MIRROR first, then from .baikal/local.json", () => {
    const recorded = fakeMirror();
    const exported = fakeMirror();
    const { root } = checkout({ providerMirror: recorded });
    expect(providerMirror(root, {})).toEqual({ path: recorded, from: LOCAL_SETTINGS_FILE });
    expect(providerMirror(root, { [MIRROR_VARIABLE]: exported })).toEqual({ path: exported, from: MIRROR_VARIABLE });
    expect(providerMirror(checkout().root, {})).toBeUndefined();
  });

  it("keep other settings when one is written", () => {
    const { root } = checkout();
    writeFileSync(join(root, LOCAL_SETTINGS_FILE), '{ "somethingElse": 1 }');
    writeLocalSettings(root, { providerMirror: "/opt/tf-plugins" });
    expect(JSON.parse(readFileSync(join(root, LOCAL_SETTINGS_FILE), "utf8"))).toEqual({ somethingElse: 1, providerMirror: "/opt/tf-plugins" });
  });

  it("say what is wrong with the settings file and how to fix it", () => {
    const { root } = checkout();
    const broken = "{ providerMirror: /opt }";
    writeFileSync(join(root, LOCAL_SETTINGS_FILE), broken);
    const reason = (() => {
      try {
        return JSON.parse(broken) as never;
      } catch (error) {
        return (error as Error).message; // V8's words differ between Node versions
      }
    })();
    expect(() => readLocalSettings(root)).toThrow(settingsNotJson(reason));
    expect(settingsNotJson("x")).toBe(
      '.baikal/local.json: not valid JSON (x); it holds this checkout\'s local settings, e.g. {"providerMirror": "/opt/tf-plugins"}: fix it, or delete it and run bash scripts/setup.sh to write it again',
    );
    writeFileSync(join(root, LOCAL_SETTINGS_FILE), '{ "providerMirror": 7 }');
    expect(() => readLocalSettings(root)).toThrow(settingNotText("providerMirror", 7));
    expect(settingNotText("providerMirror", 7)).toBe(
      '.baikal/local.json: "providerMirror" must be a folder path (a string), but is 7; e.g. {"providerMirror": "/opt/tf-plugins"}, or delete the file and run bash scripts/setup.sh',
    );
  });

  it("refuse a mirror without registry.terraform.io, naming where it was set", () => {
    const { root } = checkout({ providerMirror: "/tmp" });
    expect(() => providerMirror(root, {})).toThrow(mirrorWithoutRegistry("/tmp", LOCAL_SETTINGS_FILE));
    expect(mirrorWithoutRegistry("/tmp", LOCAL_SETTINGS_FILE)).toBe(
      ".baikal/local.json names the provider mirror /tmp, which has no registry.terraform.io folder; point it at the folder that contains registry.terraform.io/hashicorp/aws (bash scripts/setup.sh finds one and records it in .baikal/local.json)",
    );
  });
});

describe("stack folders", () => {
  it("write the lock file `terraform init` writes for a package installed from the mirror", () => {
    const mirror = fakeMirror();
    const dir = mkdtempSync(join(tmpdir(), "baikal-init-"));
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } } }));
    const rc = join(dir, "terraform.rc");
    writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
    const init = spawnSync("terraform", ["init", "-input=false", "-no-color", "-backend=false"], { cwd: dir, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: "1" } });
    expect(init.stderr).toBe("");
    const hash = packageHash(join(mirror, AWS.address, AWS.version, terraformPlatform()));
    expect(lockFileText([{ ...AWS, hash }])).toBe(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8"));
  });

  it("link the mirror as Terraform's implied local mirror and add a lock file, keeping Terraform's own files", () => {
    const mirror = fakeMirror();
    const { root, outdir } = checkout({ providerMirror: mirror });
    const dir = join(outdir, "stacks", "domain-web-staging");
    mkdirSync(join(dir, ".terraform"));
    prepareStackFolders(root, outdir, ["domain-web-staging"], {});
    expect(readlinkSync(join(dir, "terraform.d", "plugins"))).toBe(mirror);
    expect(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8")).toContain('version     = "5.100.0"');
    expect(existsSync(join(dir, ".terraform"))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(root, ".baikal/provider-hashes.json"), "utf8")))).toEqual([join(mirror, AWS.address, AWS.version, terraformPlatform())]);

    // A lock file Terraform wrote for the same version (perhaps with more hashes) stays as it is.
    writeFileSync(join(dir, ".terraform.lock.hcl"), `provider "${AWS.address}" {\n  version     = "5.100.0"\n  hashes = ["zh:abc"]\n}\n`);
    prepareStackFolders(root, outdir, ["domain-web-staging"], {});
    expect(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8")).toContain("zh:abc");

    // Without a mirror, Terraform uses its registry: the link goes.
    writeFileSync(join(root, LOCAL_SETTINGS_FILE), "{}");
    prepareStackFolders(root, outdir, ["domain-web-staging"], {});
    expect(lstatSync(join(dir, "terraform.d"), { throwIfNoEntry: false })).toBeUndefined();
  });

  it("read the exactly pinned providers of a stack with their registry addresses", () => {
    expect(
      requiredProviders({
        terraform: {
          required_providers: {
            aws: { source: "aws", version: "5.100.0" },
            archive: { source: "hashicorp/archive", version: "= 2.7.1" },
            other: { source: "example.com/acme/other", version: "~> 1.0" },
          },
        },
      }),
    ).toEqual([
      { address: "registry.terraform.io/hashicorp/archive", version: "2.7.1" },
      { address: "registry.terraform.io/hashicorp/aws", version: "5.100.0" },
    ]);
  });
});
