// An esbuild plugin (plain JavaScript: the CLI's own compiler uses it before anything is compiled).
//
// A bundle puts many modules in one file, so `import.meta.url` would be the bundle's URL, not the module's.
// Baikal's code finds files next to its sources (workers, SQL, the loader child) and declaration files may
// do the same; with this plugin each module keeps its own `import.meta.url`, `.filename` and `.dirname`, as
// if it ran where it lies.
import { readFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { pathToFileURL } from "node:url";

const NAMES = { url: "__baikalImportMetaUrl", filename: "__baikalImportMetaFilename", dirname: "__baikalImportMetaDirname" };
const LOADERS = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" };

/** The `define` entries the plugin needs; pass them to esbuild's `define` option with the plugin. */
export const ownImportMetaDefine = Object.fromEntries(Object.entries(NAMES).map(([key, name]) => [`import.meta.${key}`, name]));

/** Gives each module that mentions `import.meta` its own values (declared on its first line, so lines stay put). */
export const ownImportMeta = {
  name: "baikal-own-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (!text.includes("import.meta")) return undefined;
      const values = { url: pathToFileURL(path).href, filename: path, dirname: dirname(path) };
      const declarations = Object.entries(NAMES).map(([key, name]) => `const ${name} = ${JSON.stringify(values[key])};`);
      return { contents: `${declarations.join(" ")} ${text}`, loader: LOADERS[extname(path)] ?? "js" };
    });
  },
};
