/**
 * Sample values of model shapes, to evaluate a state's JSONata against something of the right form: every member
 * present, lists of two elements (so `Rows[1]` exists), numbers 1, strings "1" (so `$number` of a string works),
 * timestamps in ISO form.
 */
import { type ServiceModel, type ShapeRef, structureOf } from "../aws-models/service-models.ts";
import { pascalCase } from "../aws-models/sdk-naming.ts";

export const SAMPLE_TIME = "2024-01-31T04:30:00.000Z";

/** Keys as the integration spells them: the SDK for Java's PascalCase for AWS SDK integrations. */
export function sampleOf(model: ServiceModel, ref: ShapeRef, naming: "sdk" | "model", depth = 0): unknown {
  if (depth > 8) return undefined;
  if (typeof ref === "object") {
    if ("list" in ref) return [sampleOf(model, ref.list, naming, depth + 1), sampleOf(model, ref.list, naming, depth + 1)];
    return { key: sampleOf(model, ref.map, naming, depth + 1) };
  }
  switch (ref) {
    case "string":
      return "1";
    case "number":
      return 1;
    case "boolean":
      return true;
    case "timestamp":
      return SAMPLE_TIME;
    case "blob":
      return "YmxvYg==";
    case "document":
      return {};
  }
  const shape = structureOf(model, ref);
  if (!shape) return undefined;
  const members = Object.entries(shape.members);
  // A union holds one member.
  const chosen = shape.type === "union" ? members.slice(0, 1) : members;
  return Object.fromEntries(chosen.map(([name, member]) => [naming === "sdk" ? pascalCase(name) : name, sampleOf(model, member, naming, depth + 1)]));
}
