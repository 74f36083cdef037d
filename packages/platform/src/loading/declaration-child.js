// The child process that evaluates declaration files (`domain.ts`, `baikal.config.ts`, ...) for
// `evaluate-declarations.ts`. Plain JavaScript run by plain Node: it must start in milliseconds and needs
// nothing compiled. The parent sends the files already bundled by esbuild; this process runs each one, in
// order, and sends back its default export as plain data, one message per file, then `done`.
//
// Everything the parent learns comes through the IPC channel, and only in the shape below; whatever a
// declaration does (exit, loop, throw, print), the parent decides from these messages and the exit code.

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { compileFunction } from "node:vm";

// Saved before any declaration runs: a declaration may replace process.exit or process.send.
const send = process.send.bind(process);
const exit = process.exit.bind(process);

/** Resolves once the message has left this process, so that a later exit cannot lose it. */
const deliver = (message) => new Promise((resolve, reject) => send(message, (error) => (error ? reject(error) : resolve())));

class NotData extends Error {
  constructor(path, what) {
    super(what);
    this.path = path;
    this.what = what;
  }
}

const describe = (value) => {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "bigint") return "a bigint";
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name ? `a ${name}` : "an object with a custom prototype";
};

/**
 * A copy of `value` made of plain data only (strings, numbers, booleans, null, undefined, arrays and plain
 * objects), or a NotData error with the path of the first value that is not. Registered symbol keys
 * (`Symbol.for(...)`, how `defineDomain` marks its result) are returned separately, since they cannot travel.
 * Shared objects are copied once; an object that contains itself is not data.
 */
function toData(value) {
  const brands = [];
  const copies = new Map();
  const ancestors = new Set();
  const walk = (item, path) => {
    if (item === null || item === undefined || typeof item === "string" || typeof item === "boolean" || typeof item === "number") return item;
    if (typeof item !== "object") throw new NotData(path, describe(item));
    if (ancestors.has(item)) throw new NotData(path, "the object that contains it (a cycle)");
    const known = copies.get(item);
    if (known !== undefined) return known;
    const prototype = Object.getPrototypeOf(item);
    const isArray = Array.isArray(item);
    if (!isArray && prototype !== Object.prototype && prototype !== null) throw new NotData(path, describe(item));
    ancestors.add(item);
    let copy;
    if (isArray) {
      copy = [];
      copies.set(item, copy);
      for (let i = 0; i < item.length; i++) copy.push(walk(item[i], [...path, i]));
    } else {
      copy = {};
      copies.set(item, copy);
      for (const key of Object.keys(item)) copy[key] = walk(item[key], [...path, key]);
      for (const symbol of Object.getOwnPropertySymbols(item)) {
        const key = Symbol.keyFor(symbol);
        const mark = item[symbol];
        if (key !== undefined && (mark === null || ["string", "number", "boolean"].includes(typeof mark))) brands.push({ path, key, value: mark });
      }
    }
    ancestors.delete(item);
    return copy;
  };
  return { value: walk(value, []), brands };
}

/** Where in the bundle an error was thrown: the first stack frame in the bundle (`name`), as 1-based line:column. */
function thrownAt(error, name) {
  const stack = typeof error?.stack === "string" ? error.stack : "";
  for (const line of stack.split("\n")) {
    const at = line.lastIndexOf(`${name}:`);
    const frame = at >= 0 ? /^:(\d+):(\d+)\)?$/.exec(line.slice(at + name.length).trim()) : null;
    if (frame) return { line: Number(frame[1]), column: Number(frame[2]) };
  }
  return undefined;
}

/** What stack frames call the bundle of `file`: a data: URL for an ES module, the file's path marked as bundled otherwise. */
const bundleName = (root, { file, code, format }) =>
  format === "esm" ? `data:text/javascript;base64,${Buffer.from(code).toString("base64")}` : `${join(root, file)} (bundled by baikal)`;

/**
 * The exports of a bundle. CommonJS bundles run as a function (far cheaper for Node than an ES module);
 * ES module bundles (files with top-level await) are imported from their data: URL.
 */
async function run(root, bundle, name) {
  if (bundle.format === "esm") return import(name);
  const path = join(root, bundle.file);
  const module = { exports: {} };
  const body = compileFunction(bundle.code, ["exports", "require", "module", "__filename", "__dirname"], { filename: name });
  body(module.exports, createRequire(path), module, path, dirname(path));
  return module.exports;
}

const reasonOf = (error) => {
  const text = error instanceof Error ? `${error.message}` : String(error);
  return text.split("\n")[0];
};

async function evaluate(root, files) {
  for (const bundle of files) {
    const { file } = bundle;
    const name = bundleName(root, bundle);
    let result;
    try {
      const exports = await run(root, bundle, name);
      try {
        const { value, brands } = toData(exports.default);
        result = { file, value, brands };
      } catch (error) {
        if (!(error instanceof NotData)) throw error;
        result = { file, failure: { kind: "not-data", path: error.path, what: error.what } };
      }
    } catch (error) {
      result = { file, failure: { kind: "threw", reason: reasonOf(error), at: thrownAt(error, name) } };
    }
    await deliver(result);
  }
  await deliver({ done: true });
  // Timers or handles a declaration left behind must not keep the process (and the command) waiting.
  if (!serve) exit(0);
}

// Kept (`--serve`, `check --watch`): a batch per message until the parent goes; otherwise one batch.
const serve = process.argv.includes("--serve");
if (serve) {
  process.on("message", (message) => void evaluate(message.root, message.files));
  process.on("disconnect", () => exit(0));
} else {
  process.once("message", (message) => void evaluate(message.root, message.files));
}
// The parent's time limit starts now, not while Node itself was starting (slow on a busy machine).
void deliver({ ready: true });
