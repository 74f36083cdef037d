import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { LOCAL_SETTINGS_FILE, MIRROR_VARIABLE, mirrorWithoutRegistry, settingNotText, settingsNotJson } from "./workspace-messages.ts";

/**
 * Settings of this checkout on this machine, never committed (`.baikal/` is ignored): what differs between
 * laptops and CI runners, such as where a mirror of the Terraform providers lives. `scripts/setup.sh` writes
 * them once, so that a new shell needs nothing exported.
 */
export interface LocalSettings {
  /** Folder holding `registry.terraform.io/<namespace>/<type>/<version>/<os_arch>/`. */
  readonly providerMirror?: string;
}

export interface ProviderMirror {
  /** Absolute path of the folder that contains `registry.terraform.io/`. */
  readonly path: string;
  /** Where it was set: the environment variable or the settings file, for messages. */
  readonly from: string;
}

export function readLocalSettings(root: string): LocalSettings {
  const file = join(root, LOCAL_SETTINGS_FILE);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(settingsNotJson(error instanceof Error ? error.message : String(error)));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(settingsNotJson("expected an object"));
  const mirror = (parsed as Record<string, unknown>).providerMirror;
  if (mirror !== undefined && typeof mirror !== "string") throw new Error(settingNotText("providerMirror", mirror));
  return mirror === undefined ? {} : { providerMirror: mirror };
}

/** Merges `settings` into the file, keeping what else it holds. */
export function writeLocalSettings(root: string, settings: LocalSettings): void {
  const file = join(root, LOCAL_SETTINGS_FILE);
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...current, ...settings }, null, 2)}\n`);
}

/**
 * The provider mirror Terraform installs from: `BAIKAL_PROVIDER_MIRROR` for one shell, else the one recorded in
 * `.baikal/local.json`; none means Terraform's registry. A mirror without `registry.terraform.io/` is an error.
 */
export function providerMirror(root: string, env: NodeJS.ProcessEnv = process.env): ProviderMirror | undefined {
  const fromEnv = env[MIRROR_VARIABLE];
  const chosen = fromEnv
    ? { path: resolve(fromEnv), from: MIRROR_VARIABLE }
    : (() => {
        const recorded = readLocalSettings(root).providerMirror;
        return recorded ? { path: resolve(root, recorded), from: LOCAL_SETTINGS_FILE } : undefined;
      })();
  if (chosen && !existsSync(join(chosen.path, "registry.terraform.io"))) throw new Error(mirrorWithoutRegistry(chosen.path, chosen.from));
  return chosen;
}
