/**
 * The service models generated from the `@aws-sdk/client-*` packages (services/*.json, see
 * scripts/generate-service-models.ts), looked up as Step Functions names them, and the optimized integrations.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import optimized from "./optimized-integrations.json" with { type: "json" };
import type { ServiceModel, ShapeRef, ShapeSchema } from "./service-model-types.ts";
import { actionName, pascalCase, sdkServiceName } from "./sdk-naming.ts";

export type { ServiceModel, ShapeRef, ShapeSchema } from "./service-model-types.ts";

const SERVICES_DIR = fileURLToPath(new URL("./services/", import.meta.url));

let loaded: Map<string, ServiceModel> | undefined;

/** Every generated model, by the name AWS SDK integrations give the service (`rds`, `s3`, `sfn`). */
export function serviceModels(): ReadonlyMap<string, ServiceModel> {
  loaded ??= new Map(
    readdirSync(SERVICES_DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(join(SERVICES_DIR, f), "utf8")) as ServiceModel)
      .map((m) => [sdkServiceName(m.serviceId).toLowerCase(), m]),
  );
  return loaded;
}

/** The operation an action of a Task's Resource names (`describeDBSnapshots`), if the model has it. */
export function operationOf(model: ServiceModel, action: string): string | undefined {
  return Object.keys(model.operations).find((op) => actionName(op) === action);
}

export interface OptimizedIntegration {
  readonly service: string;
  readonly operation: string;
  /** Pattern suffix (`""`, `.sync`) -> the operation whose output the Task returns. */
  readonly results: Readonly<Record<string, string>>;
  readonly errorPrefix?: string;
  readonly source: string;
}

export const OPTIMIZED_INTEGRATIONS: Readonly<Record<string, OptimizedIntegration>> = optimized.integrations;

/** The structure a ref names, or undefined for simple types, lists and maps. */
export function structureOf(model: ServiceModel, ref: ShapeRef | undefined): ShapeSchema | undefined {
  return typeof ref === "string" ? model.shapes[ref] : undefined;
}

/** What a list or map holds, for JSONata's walking through arrays; the ref itself otherwise. */
export function elementOf(ref: ShapeRef): ShapeRef {
  if (typeof ref === "object" && "list" in ref) return elementOf(ref.list);
  return ref;
}

/**
 * The member of a structure by the name a state uses: the model's own for optimized integrations, the SDK for
 * Java's PascalCase for AWS SDK integrations. Returns the member's model name and shape.
 */
export function memberOf(shape: ShapeSchema, name: string, naming: "model" | "sdk"): { readonly name: string; readonly ref: ShapeRef } | undefined {
  for (const [member, ref] of Object.entries(shape.members)) {
    if ((naming === "sdk" ? pascalCase(member) : member) === name) return { name: member, ref };
  }
  return undefined;
}

/** The names a state may use for a structure's members, for "did you mean". */
export function memberNames(shape: ShapeSchema, naming: "model" | "sdk"): string[] {
  return Object.keys(shape.members).map((m) => (naming === "sdk" ? pascalCase(m) : m));
}
