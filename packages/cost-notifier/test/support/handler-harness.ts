import { afterAll, beforeAll, beforeEach } from "vitest";
import { createHandler } from "../../src/handler.ts";
import { createSweepHandler } from "../../src/sweep.ts";
import { createTransformFailureHandler } from "../../src/transform-failure-handler.ts";
import { mockAws } from "./aws.ts";
import { testRuntime } from "./fixtures.ts";
import { type SlackServer, startSlackServer } from "./slack-server.ts";

/**
 * What every handler test file needs: mocked AWS clients, a real loopback Slack stand-in whose URL is the
 * webhook secret's value, both reset before each test, and fresh handlers (fresh webhook cache) per call.
 */
export function useHandlerHarness() {
  const aws = mockAws();
  let server: SlackServer | undefined;
  beforeAll(async () => {
    server = await startSlackServer();
    // Node loads its fetch implementation on first use (a few hundred ms); tests that time a post must not pay it.
    await (await fetch(server.url, { method: "POST", body: "{}" })).text();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    aws.reset();
    server!.reset();
    aws.state.secret = server!.url;
  });
  const setup = (overrides: Parameters<typeof testRuntime>[0] = {}) => {
    const rt = testRuntime(overrides);
    return {
      ...rt,
      handler: createHandler(rt.options),
      sweep: createSweepHandler(rt.options),
      transformFailureHandler: createTransformFailureHandler(rt.options),
    };
  };
  // The server starts in beforeAll; tests reach it through this stand-in, which forwards to it.
  const slack = new Proxy({} as SlackServer, {
    get: (_, key) => {
      const value = Reflect.get(server!, key);
      return typeof value === "function" ? value.bind(server) : value;
    },
  });
  return { aws, slack, setup };
}
