import { ENVIRONMENT, type Environment } from "./contract.ts";

export interface Config {
  readonly exportId: string;
  readonly query: string;
  readonly database: string;
  readonly workgroup: string;
  readonly spreadsheetId: string;
  readonly sheet: string;
  readonly serviceAccountSecretId: string;
  readonly failureTopicArn: string;
  /** Loopback origin standing in for Google (tests only); undefined in production. */
  readonly googleEndpointOverride: string | undefined;
  readonly region: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

/** Reads and checks every variable at once, so one deploy fixes every mistake. */
export function loadConfig(env: Environment): Config {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required but not set`);
    return value ?? "";
  };
  const override = env[ENVIRONMENT.googleEndpointOverride]?.trim() || undefined;
  if (override !== undefined && !LOOPBACK.test(override)) {
    problems.push(`${ENVIRONMENT.googleEndpointOverride} may only name a loopback origin such as http://127.0.0.1:8080 (tests); got "${override}"`);
  }
  const config: Config = {
    exportId: required(ENVIRONMENT.exportId),
    query: required(ENVIRONMENT.query),
    database: required(ENVIRONMENT.database),
    workgroup: required(ENVIRONMENT.workgroup),
    spreadsheetId: required(ENVIRONMENT.spreadsheetId),
    sheet: required(ENVIRONMENT.sheet),
    serviceAccountSecretId: required(ENVIRONMENT.serviceAccountSecretId),
    failureTopicArn: required(ENVIRONMENT.failureTopicArn),
    googleEndpointOverride: override,
    region: required("AWS_REGION"),
  };
  if (problems.length > 0) throw new ConfigError(`the function is misconfigured: ${problems.join("; ")}`);
  return config;
}
