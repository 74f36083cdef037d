import { GetSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/** The two fields of a Google service account's JSON key that signing in needs. */
export interface ServiceAccountKey {
  readonly clientEmail: string;
  readonly privateKey: string;
}

export class ServiceAccountKeyMissing extends Error {
  override readonly name = "ServiceAccountKeyMissing";
}

/** What to do while the secret has no usable key. */
export const keyMissingHint = (secretId: string, reason: string) =>
  `the Google service-account key in ${secretId} is not usable (${reason}); create a JSON key for the domain's service account and set it with aws secretsmanager put-secret-value --secret-id ${secretId} --secret-string file://key.json`;

/**
 * Reads the service account's JSON key (as Google's console downloads it) from Secrets Manager. Terraform creates the
 * secret without a value, so until someone puts the key there is no AWSCURRENT version: that, an empty value, or JSON
 * without `client_email` and `private_key` is a clear failure, never a half-configured sign-in.
 */
export async function readServiceAccountKey(secrets: SecretsManagerClient, secretId: string): Promise<ServiceAccountKey> {
  let text: string | undefined;
  try {
    text = (await secrets.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") throw new ServiceAccountKeyMissing(keyMissingHint(secretId, "the secret has no value yet"));
    throw error;
  }
  if (!text?.trim()) throw new ServiceAccountKeyMissing(keyMissingHint(secretId, "the value is empty"));
  let parsed: { client_email?: unknown; private_key?: unknown; type?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new ServiceAccountKeyMissing(keyMissingHint(secretId, "the value is not JSON"));
  }
  if (typeof parsed.client_email !== "string" || typeof parsed.private_key !== "string") {
    throw new ServiceAccountKeyMissing(keyMissingHint(secretId, "the JSON has no client_email and private_key; it must be a service account key"));
  }
  return { clientEmail: parsed.client_email, privateKey: parsed.private_key };
}
