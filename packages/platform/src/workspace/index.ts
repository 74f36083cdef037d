/**
 * This checkout's local Terraform set-up (`@baikal/platform/workspace`): the provider mirror recorded in
 * `.baikal/local.json`, and stack folders that plan offline with baikal, terraform or cdktf alike.
 */
export { type LocalSettings, type ProviderMirror, providerMirror, readLocalSettings, writeLocalSettings } from "./local-settings.ts";
export { PROVIDER_HASHES_FILE, prepareStackFolders } from "./stack-folders.ts";
export { lockFileText, packageHash, requiredProviders, terraformPlatform, unpackedPackageDir } from "./provider-lock.ts";
export * from "./workspace-messages.ts";
