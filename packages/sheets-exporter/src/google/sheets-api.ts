import { sheets, type sheets_v4 } from "@googleapis/sheets";
import { gaxios, JWT } from "google-auth-library";
import type { Attempted } from "../retry.ts";
import type { ServiceAccountKey } from "./service-account.ts";

/** Writing cells needs this scope only: no Drive access, so the key can reach nothing but spreadsheets shared with it. */
export const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
const GOOGLE_HOSTS = new Set(["oauth2.googleapis.com", "sheets.googleapis.com"]);

/**
 * A Sheets API client signed in as the service account (JWT bearer grant, Google's token endpoint). Requests go
 * through one transport with the library's own retries off: `withRetries` retries 429 and 5xx, honouring Retry-After,
 * for the token request and the Sheets calls alike. `endpointOverride` (a loopback origin, tests only) sends both to a
 * stand-in; the signed assertion still names Google's token endpoint as its audience.
 */
export function sheetsClient(key: ServiceAccountKey, endpointOverride?: string): sheets_v4.Sheets {
  const transporter = new gaxios.Gaxios({ retry: false, retryConfig: { retry: 0 } });
  if (endpointOverride) {
    const origin = new URL(endpointOverride);
    transporter.interceptors.request.add({
      resolved: async (options) => {
        const url = new URL(options.url);
        if (GOOGLE_HOSTS.has(url.hostname)) {
          url.protocol = origin.protocol;
          url.host = origin.host;
          options.url = url;
        }
        return options;
      },
    });
  }
  const auth = new JWT({ email: key.clientEmail, key: key.privateKey, scopes: [SHEETS_SCOPE], transporter });
  return sheets({ version: "v4", auth });
}

/** Per call: the library's retries off (ours honour Retry-After), and a time limit per request. */
export const CALL_OPTIONS = { retry: false, timeout: 120_000 } as const;

/** Status and Retry-After of a failed Google call; undefined status for a network failure. */
export function classifyGoogleError(error: unknown): Attempted {
  const response = (error as { response?: { status?: number; headers?: { get?: (name: string) => string | null } & Record<string, unknown> } }).response;
  const headers = response?.headers;
  // A fetch Headers (global or node-fetch's, whichever gaxios used) or a plain object.
  const retryAfter = typeof headers?.get === "function" ? headers.get("retry-after") : typeof headers?.["retry-after"] === "string" ? (headers["retry-after"] as string) : null;
  return { status: response?.status, retryAfter };
}

/** Google's explanation of a failed call, for the failure message (never the request, which holds data). */
export function googleErrorText(error: unknown): string {
  const response = (error as { response?: { status?: number; data?: { error?: { message?: string; status?: string } } } }).response;
  const detail = response?.data?.error;
  if (response?.status) return `HTTP ${response.status}${detail?.status ? ` ${detail.status}` : ""}: ${detail?.message ?? (error as Error).message}`;
  return error instanceof Error ? error.message : String(error);
}
