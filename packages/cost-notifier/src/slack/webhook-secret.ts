import { GetSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/** Long enough to spare Secrets Manager calls on a busy day, short enough that a rotated URL takes effect soon. */
export const WEBHOOK_CACHE_TTL_MS = 5 * 60_000;

export interface WebhookUrlOptions {
  /**
   * Accept `http://` for loopback hosts only (tests run a local Slack stand-in). Production leaves it off, and
   * even when on, a non-loopback http URL is still refused.
   */
  readonly allowLoopbackHttp?: boolean;
}

export type WebhookLookup = { readonly kind: "ready"; readonly url: string } | { readonly kind: "missing"; readonly reason: string };

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** What the log says while the secret has no usable URL: how to set one. */
export function webhookMissingHint(secretId: string): string {
  return `slack webhook secret ${secretId} has no value yet; set it with aws secretsmanager put-secret-value --secret-id ${secretId} --secret-string https://hooks.slack.com/services/...`;
}

/** Returns why `raw` is not a usable webhook URL, or null if it is. */
export function webhookUrlProblem(raw: string, options: WebhookUrlOptions = {}): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "the value is not a URL";
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && options.allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return `the URL must use https (got ${url.protocol})`;
}

/** The secret holds the URL itself, or JSON `{"url": "..."}` / `{"webhookUrl": "..."}` for teams that store objects. */
export function webhookUrlFromSecretString(secretString: string | undefined): string {
  const value = secretString?.trim() ?? "";
  if (!value.startsWith("{")) return value;
  try {
    const parsed = JSON.parse(value) as { url?: unknown; webhookUrl?: unknown };
    const url = parsed.webhookUrl ?? parsed.url;
    return typeof url === "string" ? url.trim() : "";
  } catch {
    return "";
  }
}

/** Module-lifetime cache of the webhook URL; only a usable URL is cached, so a newly set secret is seen at once. */
export class WebhookSecret {
  private cached: { url: string; expiresAt: number } | undefined;

  constructor(
    private readonly secrets: SecretsManagerClient,
    readonly secretId: string,
    private readonly options: WebhookUrlOptions & { readonly ttlMs?: number; readonly clock?: () => number } = {},
  ) {}

  async get(): Promise<WebhookLookup> {
    const now = (this.options.clock ?? Date.now)();
    if (this.cached && this.cached.expiresAt > now) return { kind: "ready", url: this.cached.url };

    let secretString: string | undefined;
    try {
      const response = await this.secrets.send(new GetSecretValueCommand({ SecretId: this.secretId }));
      secretString = response.SecretString;
    } catch (error) {
      // Terraform creates the secret without a version; until someone puts the URL, AWSCURRENT does not exist.
      if ((error as { name?: string }).name === "ResourceNotFoundException") {
        return { kind: "missing", reason: "the secret has no AWSCURRENT version" };
      }
      throw error;
    }
    const url = webhookUrlFromSecretString(secretString);
    if (url === "") return { kind: "missing", reason: "the secret value is empty" };
    const problem = webhookUrlProblem(url, this.options);
    if (problem) return { kind: "missing", reason: problem };

    this.cached = { url, expiresAt: now + (this.options.ttlMs ?? WEBHOOK_CACHE_TTL_MS) };
    return { kind: "ready", url };
  }

  /** Forget the URL after Slack says it is gone (404/410/403), so a replaced secret is picked up by the retry. */
  invalidate(): void {
    this.cached = undefined;
  }
}
