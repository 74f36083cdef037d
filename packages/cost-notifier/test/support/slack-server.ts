import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedResponse {
  readonly status: number;
  readonly retryAfter?: string;
  readonly body?: string;
}

export interface RecordedRequest {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly json: unknown;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack's webhook endpoint. Answers come from a script
 * (then `always`, by default 200 "ok"), and every request is recorded.
 */
export async function startSlackServer() {
  const requests: RecordedRequest[] = [];
  const script: ScriptedResponse[] = [];
  let always: ScriptedResponse = { status: 200, body: "ok" };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      requests.push({ method: req.method, path: req.url, headers: req.headers, body, json });
      const answer = script.shift() ?? always;
      const headers: Record<string, string> = { "content-type": "text/plain" };
      if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
      res.writeHead(answer.status, headers);
      res.end(answer.body ?? (answer.status === 200 ? "ok" : "error"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    requests,
    /** Queue answers for the next requests, in order. */
    respond(...answers: ScriptedResponse[]) {
      script.push(...answers);
    },
    /** Answer every further request (after the script) with this. */
    respondAlways(answer: ScriptedResponse) {
      always = answer;
    },
    reset() {
      requests.length = 0;
      script.length = 0;
      always = { status: 200, body: "ok" };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type SlackServer = Awaited<ReturnType<typeof startSlackServer>>;
