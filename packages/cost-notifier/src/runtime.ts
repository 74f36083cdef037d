import { AthenaClient } from "@aws-sdk/client-athena";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type Config, type Environment, loadConfig } from "./config.ts";
import { consoleLogger, type Logger } from "./log.ts";
import { realSleep, type Sleep } from "./slack/post.ts";
import { WebhookSecret } from "./slack/webhook-secret.ts";

export interface Clients {
  readonly athena: AthenaClient;
  readonly cloudTrail: CloudTrailClient;
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly secrets: SecretsManagerClient;
}

/** Everything one invocation needs; built once per container and reused, like the SDK clients in it. */
export interface Runtime {
  readonly config: Config;
  readonly clients: Clients;
  readonly webhook: WebhookSecret;
  readonly log: Logger;
  readonly fetch: typeof fetch;
  readonly sleep: Sleep;
  readonly now: () => Date;
}

/** Seams for tests; production passes nothing. */
export interface RuntimeOptions {
  /** @default process.env, read on first invocation (not at import, so the bundle loads without any env). */
  readonly env?: Environment;
  readonly clients?: Partial<Clients>;
  readonly log?: Logger;
  readonly fetch?: typeof fetch;
  readonly sleep?: Sleep;
  readonly now?: () => Date;
  /** See `WebhookUrlOptions.allowLoopbackHttp`. */
  readonly allowLoopbackHttp?: boolean;
}

/**
 * Returns a memoised getter. Config errors are thrown on every call (not cached), so fixing an env var and
 * re-invoking works, and the error names the variable in each failed invocation's log.
 */
export function lazyRuntime(options: RuntimeOptions = {}): () => Runtime {
  let runtime: Runtime | undefined;
  return () => {
    runtime ??= createRuntime(options);
    return runtime;
  };
}

function createRuntime(options: RuntimeOptions): Runtime {
  const config = loadConfig(options.env ?? process.env);
  const region = config.region;
  const clients: Clients = {
    athena: options.clients?.athena ?? new AthenaClient({ region }),
    cloudTrail: options.clients?.cloudTrail ?? new CloudTrailClient({ region }),
    s3: options.clients?.s3 ?? new S3Client({ region }),
    dynamodb: options.clients?.dynamodb ?? new DynamoDBClient({ region }),
    secrets: options.clients?.secrets ?? new SecretsManagerClient({ region }),
  };
  const now = options.now ?? (() => new Date());
  return {
    config,
    clients,
    webhook: new WebhookSecret(clients.secrets, config.slackWebhookSecretId, {
      allowLoopbackHttp: options.allowLoopbackHttp ?? false,
      clock: () => now().getTime(),
    }),
    log: options.log ?? consoleLogger,
    // Looked up per call rather than captured, so the Node global is used even if patched after import.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? realSleep,
    now,
  };
}

/** Shared by `handler` and `sweepHandler`: one set of clients and one webhook cache per container. */
export const defaultRuntime = lazyRuntime();
