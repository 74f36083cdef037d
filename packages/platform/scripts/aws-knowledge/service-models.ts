/**
 * Reads the service models that `@aws-sdk/client-*` packages ship as schema arrays (`@smithy/core/schema`: an
 * operation is `[9, namespace, name, traits, input, output]`, a structure `[3, namespace, name, traits, memberNames,
 * memberSchemas, requiredCount]`, an error `[-3, ...]` likewise, a union `[4, ...]`, a list `[1, ns, name, traits,
 * member]`, a map `[2, ns, name, traits, key, value]`; a member with traits is `[schema, traits]`; numbers are simple
 * types, 64|n a list and 128|n a map of them) and writes what the preflight checks need: operations, their input and
 * output shapes, the service's error shapes and its serviceId.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServiceModel, ShapeRef, ShapeSchema } from "../../src/preflight/aws-models/service-model-types.ts";

export const PLATFORM_DIR = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const MODELS_DIR = join(PLATFORM_DIR, "src/preflight/aws-models/services");

const SIMPLE: Record<number, ShapeRef> = { 0: "string", 1: "number", 2: "boolean", 4: "timestamp", 5: "timestamp", 6: "timestamp", 7: "timestamp", 15: "document", 17: "number", 19: "number", 21: "blob", 42: "blob" };

type Schema = number | string | unknown[] | (() => unknown);

/** The `@aws-sdk/client-*` packages the platform declares (devDependencies): the services whose models are generated. */
export function clientPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(PLATFORM_DIR, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  return Object.keys(manifest.devDependencies ?? {}).filter((name) => name.startsWith("@aws-sdk/client-")).sort();
}

/** The model of one client package. */
export function readServiceModel(packageName: string): ServiceModel {
  const require = createRequire(join(PLATFORM_DIR, "package.json"));
  const client = require(packageName) as Record<string, unknown>;
  const version = (JSON.parse(readFileSync(require.resolve(`${packageName}/package.json`), "utf8")) as { version: string }).version;
  const ClientClass = Object.entries(client).find(([name, value]) => name.endsWith("Client") && name !== "__Client" && typeof value === "function")?.[1] as
    | (new (config: object) => { config: { serviceId: string }; destroy(): void })
    | undefined;
  if (!ClientClass) throw new Error(`${packageName} exports no client class`);
  const instance = new ClientClass({ region: "us-east-1" });
  const serviceId = instance.config.serviceId;
  instance.destroy();

  const exported = Object.entries(client).filter(([name, value]) => name.endsWith("$") && Array.isArray(value)) as [string, unknown[]][];
  const operations = exported.filter(([, s]) => s[0] === 9);
  if (operations.length === 0) throw new Error(`${packageName} exports no operation schemas; has @smithy/core's schema format changed?`);
  const namespace = operations[0]![1][1] as string;
  const shapes: Record<string, ShapeSchema> = {};

  const unwrap = (schema: Schema): Schema => (typeof schema === "function" ? unwrap(schema() as Schema) : schema);
  const ref = (raw: Schema): ShapeRef => {
    let schema = unwrap(raw);
    // A member with traits: [schema, traits].
    if (Array.isArray(schema) && schema.length === 2 && typeof schema[1] !== "string") schema = unwrap(schema[0] as Schema);
    if (typeof schema === "number") {
      if (schema & 128) return { map: ref(schema & 63) };
      if (schema & 64) return { list: ref(schema & 63) };
      const simple = SIMPLE[schema];
      if (!simple) throw new Error(`${packageName}: unknown simple schema ${schema}`);
      return simple;
    }
    // Smithy's Unit: an operation without input or output.
    if (schema === "unit") {
      shapes.Unit = { type: "structure", members: {}, required: [] };
      return "Unit";
    }
    if (!Array.isArray(schema)) throw new Error(`${packageName}: unknown schema ${String(schema)}`);
    const [kind, , name] = schema as [number, string, string];
    if (kind === 0) return ref(schema[4] as Schema);
    if (kind === 1) return { list: ref(schema[4] as Schema) };
    if (kind === 2) return { map: ref(schema[5] as Schema) };
    if (kind === 3 || kind === -3 || kind === 4) {
      if (!(name in shapes)) {
        const members: Record<string, ShapeRef> = {};
        const placeholder: ShapeSchema = { type: kind === 4 ? "union" : "structure", members, required: [] };
        shapes[name] = placeholder; // before the members: shapes may be recursive
        const names = schema[4] as string[];
        const schemas = schema[5] as Schema[];
        names.forEach((member, i) => (members[member] = ref(schemas[i]!)));
        const required = typeof schema[6] === "number" ? names.slice(0, schema[6]) : [];
        shapes[name] = { ...placeholder, members: sortKeys(members), required };
      }
      return name;
    }
    throw new Error(`${packageName}: unknown schema kind ${kind} (${name})`);
  };

  const ops: Record<string, { input: ShapeRef; output: ShapeRef }> = {};
  for (const [, schema] of operations.sort(([a], [b]) => a.localeCompare(b))) {
    ops[schema[2] as string] = { input: ref(schema[4] as Schema), output: ref(schema[5] as Schema) };
  }
  const errors = exported.filter(([, s]) => s[0] === -3 && s[1] === namespace).map(([, s]) => s[2] as string);
  return {
    package: packageName,
    version,
    serviceId,
    namespace,
    errors: [...new Set(errors)].sort(),
    operations: ops,
    shapes: sortKeys(shapes),
  };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]!]));
}

/** The file a service's model is written to: `services/<package without client->.json`. */
export const modelFile = (packageName: string) => join(MODELS_DIR, `${packageName.replace("@aws-sdk/client-", "")}.json`);

/** One shape per line, so a regeneration's diff reads shape by shape. */
export function formatServiceModel(model: ServiceModel): string {
  const { operations, shapes, ...head } = model;
  const lines = (record: Record<string, unknown>) =>
    Object.entries(record)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(",\n");
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${top.join(",\n")},\n  "operations": {\n${lines(operations)}\n  },\n  "shapes": {\n${lines(shapes)}\n  }\n}\n`;
}
