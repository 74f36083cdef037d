import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A service account key made for the tests: the stand-in verifies assertions with its public half. */
export function testServiceAccount(email = "exports@acme-test.iam.gserviceaccount.com") {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { email, pem, publicKey: createPublicKey(privateKey), json: JSON.stringify({ type: "service_account", client_email: email, private_key: pem, token_uri: "https://oauth2.googleapis.com/token" }) };
}

type Value = { stringValue?: string; numberValue?: number; boolValue?: boolean };
interface Tab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  hidden?: boolean;
  frozenRowCount?: number;
  cells: Map<string, Value>;
}
export interface Scripted {
  readonly status: number;
  readonly retryAfter?: string;
  readonly body?: unknown;
}
export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly json: unknown;
}

const MAX_CELLS = 10_000_000;
const clone = (tabs: Tab[]) => tabs.map((t) => ({ ...t, cells: new Map(t.cells) }));

class SheetsError extends Error {}

/** Applies one batchUpdate request to the tabs, as the Sheets API would; refuses what it would refuse. */
function apply(tabs: Tab[], request: Record<string, any>): void {
  const tab = (sheetId: number) => tabs.find((t) => t.sheetId === sheetId) ?? fail(`No grid with id: ${sheetId}`);
  const fail = (message: string): never => {
    throw new SheetsError(message);
  };
  const [kind, r] = Object.entries(request)[0]!;
  switch (kind) {
    case "addSheet": {
      const p = r.properties;
      if (tabs.some((t) => t.title === p.title)) fail(`A sheet with the name "${p.title}" already exists.`);
      if (tabs.some((t) => t.sheetId === p.sheetId)) fail(`Duplicate sheet id ${p.sheetId}`);
      tabs.push({ sheetId: p.sheetId, title: p.title, rowCount: p.gridProperties?.rowCount ?? 1000, columnCount: p.gridProperties?.columnCount ?? 26, hidden: p.hidden, cells: new Map() });
      break;
    }
    case "deleteSheet":
      tabs.splice(tabs.indexOf(tab(r.sheetId)), 1);
      if (tabs.length === 0) fail("You can't remove all the sheets in a document.");
      break;
    case "updateSheetProperties": {
      const t = tab(r.properties.sheetId);
      const g = r.properties.gridProperties;
      if (g.rowCount <= (t.frozenRowCount ?? 0)) fail("You can't freeze all visible rows on the sheet.");
      t.rowCount = g.rowCount;
      t.columnCount = g.columnCount;
      for (const key of [...t.cells.keys()]) {
        const [row, column] = key.split(":").map(Number) as [number, number];
        if (row >= t.rowCount || column >= t.columnCount) t.cells.delete(key);
      }
      break;
    }
    case "updateCells": {
      if (r.fields !== "userEnteredValue") fail(`unexpected fields ${r.fields}`);
      const t = tab((r.range ?? r.start).sheetId);
      const rowStart = r.start?.rowIndex ?? r.range?.startRowIndex ?? 0;
      const columnStart = r.start?.columnIndex ?? r.range?.startColumnIndex ?? 0;
      if (r.range) {
        const rowEnd = r.range.endRowIndex ?? t.rowCount;
        const columnEnd = r.range.endColumnIndex ?? t.columnCount;
        for (const key of [...t.cells.keys()]) {
          const [row, column] = key.split(":").map(Number) as [number, number];
          if (row >= rowStart && row < rowEnd && column >= columnStart && column < columnEnd) t.cells.delete(key);
        }
      }
      (r.rows ?? []).forEach((row: { values?: { userEnteredValue?: Value }[] }, i: number) => {
        (row.values ?? []).forEach((c, j) => {
          const at = [rowStart + i, columnStart + j] as const;
          if (at[0] >= t.rowCount || at[1] >= t.columnCount) fail(`Range (${t.title}!R${at[0] + 1}C${at[1] + 1}) exceeds grid limits. Max rows: ${t.rowCount}, max columns: ${t.columnCount}`);
          if (c.userEnteredValue) t.cells.set(`${at[0]}:${at[1]}`, c.userEnteredValue);
        });
      });
      break;
    }
    case "copyPaste": {
      if (r.pasteType !== "PASTE_VALUES") fail("unexpected paste type");
      const from = tab(r.source.sheetId);
      const to = tab(r.destination.sheetId);
      for (let row = r.source.startRowIndex; row < r.source.endRowIndex; row++) {
        for (let column = r.source.startColumnIndex; column < r.source.endColumnIndex; column++) {
          if (row >= to.rowCount || column >= to.columnCount) fail("Range exceeds grid limits.");
          const value = from.cells.get(`${row}:${column}`);
          if (value) to.cells.set(`${row}:${column}`, value);
          else to.cells.delete(`${row}:${column}`);
        }
      }
      break;
    }
    default:
      fail(`unsupported request ${kind}`);
  }
  if (tabs.reduce((sum, t) => sum + t.rowCount * t.columnCount, 0) > MAX_CELLS) fail("This action would increase the number of cells in the workbook above the limit of 10000000 cells.");
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Google: the OAuth token endpoint, which verifies the JWT bearer
 * assertion (RS256 signature with the service account's public key, issuer, scope, audience, expiry) before handing
 * out a token, and the two Sheets API methods the exporter uses, which check that token and keep the spreadsheet in
 * memory. `batchUpdate` is atomic like Google's: a request it refuses leaves every tab as it was.
 */
export async function startGoogleServer(account: ReturnType<typeof testServiceAccount>, spreadsheetId: string) {
  let tabs: Tab[] = [{ sheetId: 0, title: "Sheet1", rowCount: 1000, columnCount: 26, cells: new Map() }];
  const requests: Recorded[] = [];
  const scripts = new Map<string, Scripted[]>();
  const tokens = new Set<string>();
  const assertions: Record<string, unknown>[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://localhost");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      requests.push({ method: req.method ?? "", path: url.pathname, body, json });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      };
      const route = url.pathname === "/token" ? "token" : url.pathname.endsWith(":batchUpdate") ? "batchUpdate" : "get";
      const scripted = scripts.get(route)?.shift();
      if (scripted) {
        return send(scripted.status, scripted.body ?? { error: { code: scripted.status, message: "scripted", status: "UNAVAILABLE" } }, scripted.retryAfter ? { "retry-after": scripted.retryAfter } : {});
      }
      if (route === "token") {
        const form = new URLSearchParams(body);
        const [header, payload, signature] = (form.get("assertion") ?? "").split(".");
        const valid =
          form.get("grant_type") === "urn:ietf:params:oauth:grant-type:jwt-bearer" &&
          header !== undefined &&
          signature !== undefined &&
          verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), account.publicKey, Buffer.from(signature, "base64url"));
        const claims = valid ? (JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, any>) : {};
        const now = Date.now() / 1000;
        if (!valid || claims.iss !== account.email || claims.aud !== "https://oauth2.googleapis.com/token" || !(claims.exp > now) || !String(claims.scope).includes("spreadsheets")) {
          return send(400, { error: "invalid_grant", error_description: "Invalid JWT Signature." });
        }
        assertions.push(claims);
        const token = `ya29.test-${tokens.size + 1}`;
        tokens.add(token);
        return send(200, { access_token: token, expires_in: 3599, token_type: "Bearer" });
      }
      if (!tokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""))) {
        return send(401, { error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" } });
      }
      if (!url.pathname.startsWith(`/v4/spreadsheets/${spreadsheetId}`)) return send(404, { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } });
      if (route === "get") {
        return send(200, {
          sheets: tabs.map((t) => ({
            properties: { sheetId: t.sheetId, title: t.title, sheetType: "GRID", gridProperties: { rowCount: t.rowCount, columnCount: t.columnCount, ...(t.frozenRowCount ? { frozenRowCount: t.frozenRowCount } : {}) } },
          })),
        });
      }
      const next = clone(tabs);
      try {
        for (const request of (json as { requests: Record<string, unknown>[] }).requests) apply(next, request);
      } catch (error) {
        return send(400, { error: { code: 400, message: `Invalid requests: ${(error as Error).message}`, status: "INVALID_ARGUMENT" } });
      }
      tabs = next;
      return send(200, { spreadsheetId, replies: [] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    assertions,
    /** Answer the next requests to `route` with these, in order, before behaving normally again. */
    script(route: "token" | "get" | "batchUpdate", ...answers: Scripted[]) {
      scripts.set(route, [...(scripts.get(route) ?? []), ...answers]);
    },
    /** Replace the spreadsheet's tabs; values are given as rows of plain values. */
    setTabs(next: { sheetId: number; title: string; rowCount: number; columnCount: number; frozenRowCount?: number; values?: (string | number)[][] }[]) {
      tabs = next.map((t) => {
        const cells = new Map<string, Value>();
        (t.values ?? []).forEach((row, r) => row.forEach((v, c) => cells.set(`${r}:${c}`, typeof v === "number" ? { numberValue: v } : { stringValue: v })));
        return { sheetId: t.sheetId, title: t.title, rowCount: t.rowCount, columnCount: t.columnCount, frozenRowCount: t.frozenRowCount, cells };
      });
    },
    tabs: () => tabs.map((t) => ({ sheetId: t.sheetId, title: t.title, rowCount: t.rowCount, columnCount: t.columnCount, hidden: t.hidden ?? false })),
    /** The tab's values as a grid of plain values (undefined for empty cells), trimmed to its grid. */
    values(title: string): (string | number | boolean | undefined)[][] {
      const t = tabs.find((x) => x.title === title)!;
      return Array.from({ length: t.rowCount }, (_, r) =>
        Array.from({ length: t.columnCount }, (_, c) => {
          const v = t.cells.get(`${r}:${c}`);
          return v?.stringValue ?? v?.numberValue ?? v?.boolValue;
        }),
      );
    },
    calls: (route: "get" | "batchUpdate" | "token") =>
      requests.filter((r) => (route === "token" ? r.path === "/token" : route === "batchUpdate" ? r.path.endsWith(":batchUpdate") : r.method === "GET")).length,
    reset() {
      requests.length = 0;
      scripts.clear();
      assertions.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type GoogleServer = Awaited<ReturnType<typeof startGoogleServer>>;
