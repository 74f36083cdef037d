import { AthenaClient } from "@aws-sdk/client-athena";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SNSClient } from "@aws-sdk/client-sns";
import { type Config, loadConfig } from "./config.ts";
import type { Environment } from "./contract.ts";
import { consoleLogger, type Logger } from "./log.ts";
import { realSleep, type Sleep } from "./retry.ts";

export interface Clients {
  readonly athena: AthenaClient;
  readonly secrets: SecretsManagerClient;
  readonly sns: SNSClient;
}

/** Everything one invocation needs; built once per container. */
export interface Runtime {
  readonly config: Config;
  readonly clients: Clients;
  readonly log: Logger;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly now: () => number;
}

/** Seams for tests; production passes nothing. */
export interface RuntimeOptions {
  /** @default process.env, read on the first invocation */
  readonly env?: Environment;
  readonly clients?: Partial<Clients>;
  readonly log?: Logger;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** A memoised runtime; a configuration error is thrown on every call, so a fixed variable takes effect at once. */
export function lazyRuntime(options: RuntimeOptions = {}): () => Runtime {
  let runtime: Runtime | undefined;
  return () => {
    if (runtime) return runtime;
    const config = loadConfig(options.env ?? process.env);
    // The SDK's standard retries (3 attempts) cover Athena's throttling of the frequent GetQueryExecution polls.
    const sdk = { region: config.region, maxAttempts: 5 };
    runtime = {
      config,
      clients: {
        athena: options.clients?.athena ?? new AthenaClient(sdk),
        secrets: options.clients?.secrets ?? new SecretsManagerClient(sdk),
        sns: options.clients?.sns ?? new SNSClient(sdk),
      },
      log: options.log ?? consoleLogger,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    };
    return runtime;
  };
}
