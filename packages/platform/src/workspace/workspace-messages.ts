/** Messages about this checkout's local Terraform set-up, built in one place so tests can import them. */

export const LOCAL_SETTINGS_FILE = ".baikal/local.json";
export const MIRROR_VARIABLE = "BAIKAL_PROVIDER_MIRROR";
export const SETUP_COMMAND = "bash scripts/setup.sh";

export const settingsNotJson = (reason: string): string =>
  `${LOCAL_SETTINGS_FILE}: not valid JSON (${reason}); it holds this checkout's local settings, e.g. {"providerMirror": "/opt/tf-plugins"}: ` +
  `fix it, or delete it and run ${SETUP_COMMAND} to write it again`;

export const settingNotText = (key: string, given: unknown): string =>
  `${LOCAL_SETTINGS_FILE}: "${key}" must be a folder path (a string), but is ${JSON.stringify(given)}; ` +
  `e.g. {"${key}": "/opt/tf-plugins"}, or delete the file and run ${SETUP_COMMAND}`;

export const mirrorWithoutRegistry = (path: string, from: string): string =>
  `${from} names the provider mirror ${path}, which has no registry.terraform.io folder; ` +
  `point it at the folder that contains registry.terraform.io/hashicorp/aws (${SETUP_COMMAND} finds one and records it in ${LOCAL_SETTINGS_FILE})`;

/** Appended to Terraform's own words when it could not download a provider. */
export const registryUnreachableHint = (): string =>
  "hint: Terraform tried to download the provider from registry.terraform.io and could not reach it. To plan offline, " +
  `give Baikal a local provider mirror: run ${SETUP_COMMAND} (it finds one and records it in ${LOCAL_SETTINGS_FILE}), ` +
  `or write {"providerMirror": "<folder containing registry.terraform.io/>"} to ${LOCAL_SETTINGS_FILE}, ` +
  `or set ${MIRROR_VARIABLE}=<that folder> for one shell. Every baikal command and cdktf (through the stack folders) read it.`;
