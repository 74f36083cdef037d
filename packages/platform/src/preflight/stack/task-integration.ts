import { OPTIMIZED_INTEGRATIONS, operationOf, type OptimizedIntegration, type ServiceModel, serviceModels } from "../aws-models/service-models.ts";
import { sdkServiceName } from "../aws-models/sdk-naming.ts";

/** What a Task's Resource calls, read against the service models. */
export type TaskIntegration =
  | {
      readonly kind: "sdk" | "optimized";
      readonly resource: string;
      /** The service as the Resource names it (`s3`, `states`) and the action (`listObjectsV2`), without the pattern. */
      readonly service: string;
      readonly action: string;
      /** `""`, `.sync`, `.sync:2`, `.waitForTaskToken`. */
      readonly pattern: string;
      readonly model?: ServiceModel;
      /** The operation called, if the model has it. */
      readonly operation?: string;
      /** The operation whose output the Task returns (`.sync` returns the job's description). */
      readonly resultOperation?: string;
      /** How argument and result names are spelled: the SDK for Java's PascalCase (every integration Baikal uses). */
      readonly naming: "sdk" | "model";
      /** The prefix of the service's errors in Retry and Catch, when known. */
      readonly errorPrefix?: string;
      readonly optimized?: OptimizedIntegration;
    }
  | { readonly kind: "other"; readonly resource: string };

const PATTERN = /^(.*?)((?:\.sync(?::2)?|\.waitForTaskToken)?)$/;

/** Reads `arn:aws:states:::aws-sdk:<service>:<action>[.pattern]` and `arn:aws:states:::<service>:<action>[.pattern]`. */
export function taskIntegration(resource: string): TaskIntegration {
  const sdk = /^arn:aws[a-z-]*:states:::aws-sdk:([a-z0-9]+):(.+)$/.exec(resource);
  if (sdk) {
    const [, service, rest] = sdk as unknown as [string, string, string];
    const [, action, pattern] = PATTERN.exec(rest) as unknown as [string, string, string];
    const model = serviceModels().get(service);
    const operation = model && operationOf(model, action);
    return {
      kind: "sdk",
      resource,
      service,
      action,
      pattern,
      naming: "sdk",
      ...(model ? { model, errorPrefix: sdkServiceName(model.serviceId) } : {}),
      ...(operation ? { operation, resultOperation: operation } : {}),
    };
  }
  const optimized = /^arn:aws[a-z-]*:states:::([a-z0-9-]+):(.+)$/.exec(resource);
  if (optimized) {
    const [, service, rest] = optimized as unknown as [string, string, string];
    const [, action, pattern] = PATTERN.exec(rest) as unknown as [string, string, string];
    const known = OPTIMIZED_INTEGRATIONS[`${service}:${action}`];
    const model = known && serviceModels().get(known.service);
    return {
      kind: "optimized",
      resource,
      service,
      action,
      pattern,
      // Step Functions spells optimized integrations' parameters in PascalCase too, as for AWS SDK integrations:
      // `StateMachineArn` for the Step Functions API's `stateMachineArn`.
      naming: "sdk",
      ...(known ? { optimized: known, ...(known.errorPrefix ? { errorPrefix: known.errorPrefix } : {}) } : {}),
      ...(model ? { model } : {}),
      ...(known && model?.operations[known.operation] ? { operation: known.operation } : {}),
      ...(known?.results[pattern] ? { resultOperation: known.results[pattern] } : {}),
    };
  }
  return { kind: "other", resource };
}
