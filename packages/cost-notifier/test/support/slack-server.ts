import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedResponse =
  | {
      readonly status: number;
      readonly retryAfter?: string;
      readonly body?: string;
      /** Answer only after this long, as a slow Slack does; the request is recorded when it arrives. */
      readonly delayMs?: number;
    }
  /** Take the request and never answer, as a Slack that hangs past the function's time does. */
  | { readonly hang: true };

export interface RecordedRequest {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly json: unknown;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack's webhook endpoint. Answers come from a script
 * (then `always`, by default 200 "ok"), and every request is recorded. `accepted` lists the requests answered
 * 200, whether or not the client still waited for the answer: the messages that reached the channel.
 */
export async function startSlackServer() {
  const requests: RecordedRequest[] = [];
  const accepted: RecordedRequest[] = [];
  const script: ScriptedResponse[] = [];
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
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
      const request: RecordedRequest = { method: req.method, path: req.url, headers: req.headers, body, json };
      requests.push(request);
      const answer = script.shift() ?? always;
      if ("hang" in answer) {
        held.add(res);
        res.on("close", () => held.delete(res));
        return;
      }
      const send = () => {
        // A client that gave up (aborted) never learns the answer; Slack still posted it, as with a real timeout.
        if (answer.status === 200) accepted.push(request);
        if (res.destroyed) return;
        const headers: Record<string, string> = { "content-type": "text/plain" };
        if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
        res.writeHead(answer.status, headers);
        res.end(answer.body ?? (answer.status === 200 ? "ok" : "error"));
      };
      if (answer.delayMs === undefined) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, answer.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  /** Hung requests never get an answer; pending delayed answers are cancelled. */
  const dropHeld = () => {
    for (const res of held) res.destroy();
    held.clear();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    requests,
    /** Requests answered 200: the messages that appeared in the channel. */
    accepted,
    /** Resolves once `count` messages were accepted, or rejects after `timeoutMs`. */
    waitForAccepted: (count: number, timeoutMs?: number) => waitFor(accepted, count, "accepted", timeoutMs),
    /**
     * Resolves once `count` requests arrived, or rejects after `timeoutMs`. A test whose client gave up on a request
     * waits for it here, so the request cannot arrive late and be counted in the next test.
     */
    waitForRequests: (count: number, timeoutMs?: number) => waitFor(requests, count, "received", timeoutMs),
    /** Queue answers for the next requests, in order. */
    respond(...answers: ScriptedResponse[]) {
      script.push(...answers);
    },
    /** Answer every further request (after the script) with this. */
    respondAlways(answer: ScriptedResponse) {
      always = answer;
    },
    reset() {
      dropHeld();
      requests.length = 0;
      accepted.length = 0;
      script.length = 0;
      always = { status: 200, body: "ok" };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        dropHeld();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function waitFor(list: readonly unknown[], count: number, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (list.length < count) {
    if (Date.now() > until) throw new Error(`Slack ${what} ${list.length} request(s) within ${timeoutMs} ms, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type SlackServer = Awaited<ReturnType<typeof startSlackServer>>;
