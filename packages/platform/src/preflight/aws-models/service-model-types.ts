/** A shape: a simple type's name, a structure's or union's name (in `shapes`), or a list or map of shapes. */
export type ShapeRef = "string" | "number" | "boolean" | "timestamp" | "blob" | "document" | string | { readonly list: ShapeRef } | { readonly map: ShapeRef };

export interface ShapeSchema {
  readonly type: "structure" | "union";
  readonly members: Readonly<Record<string, ShapeRef>>;
  /** Members the service requires. */
  readonly required: readonly string[];
}

/** What `scripts/generate-service-models.ts` writes per service, from its `@aws-sdk/client-*` package. */
export interface ServiceModel {
  readonly package: string;
  readonly version: string;
  /** The model's serviceId, e.g. "RDS", from which Step Functions derives names ("Rds"). */
  readonly serviceId: string;
  readonly namespace: string;
  /** The service's error shapes, as the model names them. */
  readonly errors: readonly string[];
  /** Operations by their model name (`StartQueryExecution`). */
  readonly operations: Readonly<Record<string, { readonly input: ShapeRef; readonly output: ShapeRef }>>;
  readonly shapes: Readonly<Record<string, ShapeSchema>>;
}
