import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE, bundleSheetsExporter, LAMBDA_HANDLER } from "../src/bundle.ts";
import { ENVIRONMENT } from "../src/contract.ts";
import { type GoogleServer, startGoogleServer, testServiceAccount } from "./support/google-server.ts";

const run = promisify(execFile);
const SPREADSHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

/**
 * Athena and Secrets Manager on loopback, speaking their JSON 1.1 protocol, for the bundle's own SDK clients (which
 * aws-sdk-client-mock cannot reach in another process): the SDK is pointed at it with AWS_ENDPOINT_URL_<SERVICE>.
 */
async function startAwsServer(secret: string) {
  const targets: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"]);
      targets.push(target);
      const answers: Record<string, unknown> = {
        "AmazonAthena.StartQueryExecution": { QueryExecutionId: "q-9" },
        "AmazonAthena.GetQueryExecution": { QueryExecution: { QueryExecutionId: "q-9", Status: { State: "SUCCEEDED" } } },
        "AmazonAthena.GetQueryResults": {
          ResultSet: {
            ResultSetMetadata: { ColumnInfo: [{ Name: "stage", Type: "varchar" }, { Name: "amount_jpy", Type: "decimal" }] },
            Rows: [{ Data: [{ VarCharValue: "stage" }, { VarCharValue: "amount_jpy" }] }, { Data: [{ VarCharValue: "negotiation" }, { VarCharValue: "1200000" }] }],
          },
        },
        "secretsmanager.GetSecretValue": { SecretString: secret },
      };
      res.writeHead(target in answers ? 200 : 400, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify(answers[target] ?? { __type: "UnknownOperationException" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, targets, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("the bundled Google Sheets exporter", () => {
  const root = mkdtempSync(join(tmpdir(), "sheets-exporter-"));
  const outdir = join(root, "lambda");
  const account = testServiceAccount();
  let google: GoogleServer;
  let aws: Awaited<ReturnType<typeof startAwsServer>>;
  beforeAll(async () => {
    google = await startGoogleServer(account, SPREADSHEET);
    aws = await startAwsServer(account.json);
  });
  afterAll(async () => {
    await google.close();
    await aws.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("is one index.mjs that a bare node process loads without env or credentials", async () => {
    expect(await bundleSheetsExporter(outdir)).toBe(outdir);
    expect(readdirSync(outdir)).toEqual([BUNDLE_FILE]);
    expect(LAMBDA_HANDLER).toBe("index.handler");
    const size = statSync(join(outdir, BUNDLE_FILE)).size;
    expect(size).toBeGreaterThan(300_000);
    expect(size).toBeLessThan(3_000_000);
    const file = pathToFileURL(join(outdir, BUNDLE_FILE)).href;
    await run(process.execPath, ["-e", `import(${JSON.stringify(file)}).then(m => { if (typeof m.handler !== 'function') process.exit(3) })`], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? "" },
    });
  });

  it("runs a whole export inside the bundle: the view from Athena, the key from Secrets Manager, the tab replaced at Google", async () => {
    const file = pathToFileURL(join(outdir, BUNDLE_FILE)).href;
    const env = {
      PATH: process.env.PATH ?? "",
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_ENDPOINT_URL_ATHENA: aws.origin,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.origin,
      [ENVIRONMENT.exportId]: "sales.pipeline_sheet",
      [ENVIRONMENT.query]: 'SELECT "stage", "amount_jpy" FROM "sales"."open_pipeline"',
      [ENVIRONMENT.database]: "sales",
      [ENVIRONMENT.workgroup]: "sales",
      [ENVIRONMENT.spreadsheetId]: SPREADSHEET,
      [ENVIRONMENT.sheet]: "Pipeline",
      [ENVIRONMENT.serviceAccountSecretId]: "acme/sales/google-sheets-service-account",
      [ENVIRONMENT.failureTopicArn]: "arn:aws:sns:eu-west-1:111111111111:acme-sales-transform-failures",
      [ENVIRONMENT.googleEndpointOverride]: google.origin,
    };
    const script = `import(${JSON.stringify(file)}).then(async m => { const r = await m.handler({ scheduled_time: "2024-05-01T08:00:00Z" }); process.stderr.write(JSON.stringify(r)) })`;
    const { stderr } = await run(process.execPath, ["-e", script], { cwd: tmpdir(), env });
    expect(JSON.parse(stderr.split("\n").filter((l) => l.startsWith("{")).at(-1)!)).toMatchObject({ outcome: "written", rows: 1, calls: 2, mode: "single", createdTab: true });
    expect(aws.targets).toEqual(["secretsmanager.GetSecretValue", "AmazonAthena.StartQueryExecution", "AmazonAthena.GetQueryExecution", "AmazonAthena.GetQueryResults"]);
    expect(google.assertions[0]).toMatchObject({ iss: account.email, aud: "https://oauth2.googleapis.com/token" });
    expect(google.values("Pipeline")).toEqual([
      ["stage", "amount_jpy"],
      ["negotiation", 1200000],
    ]);
  });
});
