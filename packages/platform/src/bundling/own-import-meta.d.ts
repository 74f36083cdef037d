import type { Plugin } from "esbuild";

/** The `define` entries the plugin needs; pass them to esbuild's `define` option with the plugin. */
export declare const ownImportMetaDefine: Record<string, string>;
/** Gives each module that mentions `import.meta` its own values (declared on its first line, so lines stay put). */
export declare const ownImportMeta: Plugin;
