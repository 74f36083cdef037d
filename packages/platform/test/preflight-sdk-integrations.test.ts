import { describe, expect, it } from "vitest";
import { memberNames, serviceModels, structureOf } from "../src/preflight/aws-models/service-models.ts";
import { pascalCase, sdkExceptionName, sdkServiceName } from "../src/preflight/aws-models/sdk-naming.ts";
import { preflightMessages as m } from "../src/preflight/validators/messages.ts";
import { validateSdkIntegrations } from "../src/preflight/validators/sdk-integrations.ts";
import { machineStack } from "./preflight-support.ts";

const messages = (states: Record<string, Record<string, unknown>>) => validateSdkIntegrations(machineStack(states)).map((f) => `${f.where}: ${f.message}`);
const at = (state: string) => `aws_sfn_state_machine.job States.${state}`;
const s3 = serviceModels().get("s3")!;
const members = (model: typeof s3, shape: string) => memberNames(structureOf(model, shape)!, "sdk");
const done = { Type: "Succeed" };

describe("AWS SDK integrations checked against the @aws-sdk/client-* models", () => {
  it("names members, services and errors as the SDK for Java does, which is what Step Functions takes", () => {
    expect(["DBClusterIdentifier", "DBSnapshots", "S3BucketName", "stateMachineArn", "VarCharValue"].map(pascalCase)).toEqual([
      "DbClusterIdentifier",
      "DbSnapshots",
      "S3BucketName",
      "StateMachineArn",
      "VarCharValue",
    ]);
    // The Step Functions guide's own examples: acmpca's ResourceNotFoundException, S3's BucketAlreadyExists.
    expect(`${sdkServiceName("ACM PCA")}.${sdkExceptionName("ResourceNotFoundException")}`).toBe("AcmPca.ResourceNotFoundException");
    expect(`${sdkServiceName("S3")}.${sdkExceptionName("BucketAlreadyExists")}`).toBe("S3.BucketAlreadyExistsException");
    expect(`${sdkServiceName("RDS")}.${sdkExceptionName("DBSnapshotNotFoundFault")}`).toBe("Rds.DbSnapshotNotFoundException");
  });

  it("passes a call whose action, arguments, results and errors the model has", () => {
    expect(
      messages({
        List: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
          Arguments: { Bucket: "b", Prefix: "{% 'p/' %}" },
          Retry: [{ ErrorEquals: ["S3.NoSuchBucketException", "States.Timeout"] }],
          Output: "{% $states.result.Contents.Key %}",
          Next: "Done",
        },
        Done: done,
      }),
    ).toEqual([]);
  });

  it("fails when an argument is misspelled, saying which and what the input shape has", () => {
    expect(messages({ List: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2", Arguments: { Bucket: "b", Prefx: "p/" }, End: true } })).toEqual([
      `${at("List")}: ${m.unknownArgument("Arguments", "Prefx", "ListObjectsV2Request", members(s3, "ListObjectsV2Request"))}`,
    ]);
    expect(m.unknownArgument("Arguments", "Prefx", "ListObjectsV2Request", ["Bucket", "Prefix"])).toBe(
      'Arguments: "Prefx" is not a member of ListObjectsV2Request; did you mean "Prefix"? (members: Bucket, Prefix)',
    );
  });

  it("fails when a nested argument is not in its structure, or a required one is missing", () => {
    expect(
      messages({ Delete: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:s3:deleteObjects", Arguments: { Bucket: "b", Delete: { Object: "{% [] %}" } }, End: true } }),
    ).toEqual([
      `${at("Delete")}: ${m.unknownArgument("Arguments.Delete", "Object", "Delete", members(s3, "Delete"))}`,
      `${at("Delete")}: ${m.missingArgument("Arguments.Delete", "Objects", "Delete")}`,
    ]);
    expect(m.missingArgument("Arguments.Delete", "Objects", "Delete")).toBe('Arguments.Delete: Delete requires "Objects", which the state does not pass');
  });

  it("spells arguments the SDK's way: DbClusterIdentifier, not the API's DBClusterIdentifier", () => {
    const rds = serviceModels().get("rds")!;
    expect(
      messages({ Find: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:rds:describeDBClusterSnapshots", Arguments: { DBClusterIdentifier: "c" }, End: true } }),
    ).toEqual([`${at("Find")}: ${m.unknownArgument("Arguments", "DBClusterIdentifier", "DescribeDBClusterSnapshotsMessage", members(rds, "DescribeDBClusterSnapshotsMessage"))}`]);
  });

  it("fails when the action does not exist", () => {
    expect(messages({ List: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV3", End: true } })[0]).toBe(
      `${at("List")}: arn:aws:states:::aws-sdk:s3:listObjectsV3: s3 has no action "listObjectsV3"; did you mean "listObjectsV2"?`,
    );
  });

  it("fails when a Retry or Catch names an error the service never raises, or an unknown States error", () => {
    const errors = (resource: string, names: string[]) =>
      validateSdkIntegrations(machineStack({ Call: { Type: "Task", Resource: resource, Retry: [{ ErrorEquals: names }], End: true } })).map((f) => f.message);
    expect(errors("arn:aws:states:::states:startExecution", ["StepFunctions.ExecutionLimitExceededException", "StepFunctions.ExecutionLimitExceeded"])).toEqual([
      expect.stringMatching(/^Retry\[0\]\.ErrorEquals\[0\]: "StepFunctions\.ExecutionLimitExceededException" is not an error of states:startExecution, so it never matches; did you mean "StepFunctions\.ExecutionLimitExceeded"\? \(errors: /),
    ]);
    expect(errors("arn:aws:states:::athena:startQueryExecution.sync", ["Athena.ThrottlingException", "Athena.TooManyRequestsException"])).toEqual([
      expect.stringMatching(/^Retry\[0\]\.ErrorEquals\[0\]: "Athena\.ThrottlingException" is not an error of athena:startQueryExecution/),
    ]);
    // AWS SDK integrations add "Exception" to every error shape (Step Functions Developer Guide).
    expect(errors("arn:aws:states:::aws-sdk:s3:getObject", ["S3.NoSuchKey", "S3.NoSuchKeyException"])).toEqual([expect.stringMatching(/^Retry\[0\]\.ErrorEquals\[0\]: "S3\.NoSuchKey" is not an error of aws-sdk:s3, so it never matches; did you mean "S3\.NoSuchKeyException"\?/)]);
    expect(m.unknownServiceError("Retry[0].ErrorEquals[0]", "Athena.ThrottlingException", "athena:startQueryExecution", ["Athena.TooManyRequestsException"])).toBe(
      'Retry[0].ErrorEquals[0]: "Athena.ThrottlingException" is not an error of athena:startQueryExecution, so it never matches (errors: Athena.TooManyRequestsException)',
    );
    expect(errors("arn:aws:states:::aws-sdk:s3:getObject", ["States.Timout"])).toEqual([m.unknownStatesError("Retry[0].ErrorEquals[0]", "States.Timout", ["States.Timeout"])]);
  });

  it("fails when a state reads a result path the operation's output does not have, its own or the state before's", () => {
    expect(
      messages({
        Write: {
          Type: "Task",
          Resource: "arn:aws:states:::athena:startQueryExecution.sync",
          Arguments: { QueryString: "SELECT 1" },
          Output: "{% $states.result.QueryExecution.QueryExecutonId %}",
          Next: "List",
        },
        List: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2", Arguments: { Bucket: "b" }, Next: "Empty" },
        Empty: { Type: "Choice", Choices: [{ Condition: "{% $count($states.input.Content) = 0 %}", Next: "Done" }], Default: "Done" },
        Done: done,
      }),
    ).toEqual([
      `${at("Write")}: ${m.unknownResultPath("Output", "$states.result.QueryExecution.QueryExecutonId", "QueryExecutonId", "QueryExecution", members(serviceModels().get("athena")!, "QueryExecution"), "athena:GetQueryExecution")}`,
      `${at("Empty")}: ${m.unknownResultPath("Choices[0].Condition", "$states.input.Content", "Content", "ListObjectsV2Output", members(s3, "ListObjectsV2Output"), "s3:ListObjectsV2")}`,
    ]);
  });

  it("cannot decide a service it has no model of, and says so", () => {
    const [finding] = validateSdkIntegrations(machineStack({ Call: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:kafka:listClusters", End: true } }));
    expect(finding).toMatchObject({ undecided: true, message: m.unknownService("arn:aws:states:::aws-sdk:kafka:listClusters", "kafka", [...serviceModels().keys()]) });
  });
});
