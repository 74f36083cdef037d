import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientPackages, formatServiceModel, modelFile, readServiceModel } from "../scripts/aws-knowledge/service-models.ts";
import { OPTIMIZED_INTEGRATIONS, serviceModels } from "../src/preflight/aws-models/service-models.ts";

describe("the service models generated from the @aws-sdk/client-* packages", () => {
  it("are what the installed clients generate (run scripts/generate-service-models.ts after updating one)", () => {
    for (const name of clientPackages()) {
      expect([name, readFileSync(modelFile(name), "utf8") === formatServiceModel(readServiceModel(name))]).toEqual([name, true]);
    }
  });

  it("read operations, shapes and errors from the client's schemas", () => {
    const athena = serviceModels().get("athena")!;
    expect(athena.operations.StartQueryExecution).toEqual({ input: "StartQueryExecutionInput", output: "StartQueryExecutionOutput" });
    expect(athena.shapes.StartQueryExecutionInput!.required).toEqual(["QueryString"]);
    expect(athena.errors).toContain("TooManyRequestsException");
    expect(athena.errors).not.toContain("ThrottlingException");
    expect(serviceModels().get("sfn")!.errors).toContain("ExecutionLimitExceeded");
    expect([...serviceModels().keys()].sort()).toEqual(clientPackages().map((p) => p.replace("@aws-sdk/client-", "")).sort());
  });

  it("describe every optimized integration with a model, an operation and the operation each pattern returns", () => {
    for (const [name, integration] of Object.entries(OPTIMIZED_INTEGRATIONS)) {
      const model = serviceModels().get(integration.service);
      expect([name, model !== undefined, ...Object.values(integration.results).map((op) => op in (model?.operations ?? {}))]).toEqual([name, true, ...Object.values(integration.results).map(() => true)]);
      expect(integration.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/step-functions\//);
    }
  });
});
