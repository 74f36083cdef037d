import {
  type KmsKey,
  CloudwatchLogGroup,
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
  IamRole,
  IamRolePolicy,
  LambdaFunction,
  LambdaFunctionEventInvokeConfig,
  type SqsQueue,
} from "../iac/aws.ts";
import { Construct, type TerraformAsset } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { LAMBDA_RUNTIME } from "./notifier-package.ts";

export interface CostMonitorFunctionProps {
  readonly functionName: string;
  /** @default - the function's name */
  readonly roleName?: string;
  readonly description: string;
  /** One of `LAMBDA_HANDLERS`. */
  readonly handler: string;
  /** The zipped bundle; every function ships the same one and differs only in the handler. */
  readonly code: TerraformAsset;
  readonly environment: Readonly<Record<string, string>>;
  /** What the function may do besides writing its own logs. */
  readonly statements: readonly DataAwsIamPolicyDocumentStatement[];
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** Executions reserved for the function (`costMonitor.reservedConcurrency`). @default - none: the account's unreserved pool */
  readonly reservedConcurrency?: number;
  readonly logRetentionDays: number;
  /** Asynchronous invocations that still fail after Lambda's retries go here. */
  readonly deadLetterQueue: SqsQueue;
  /** Lambda's own retries of a failed asynchronous invocation (0-2). */
  readonly retryAttempts: number;
  /** The platform key: it encrypts the log group, the dead-letter queue and the webhook secret. */
  readonly key: KmsKey;
  /** The key's region, for `kms:ViaService`. */
  readonly region: string;
}

/**
 * One Lambda function of the cost notifier with its own role, its own log group and an on-failure destination.
 * The role may write only to this function's log group and its dead-letter queue; everything else comes in
 * `statements`.
 */
export class CostMonitorFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: CostMonitorFunctionProps) {
    super(scope, id);
    // Lambda writes to /aws/lambda/<name>; creating the group first sets its retention and keeps Lambda from
    // creating one that never expires. The platform key's policy lets CloudWatch Logs encrypt it.
    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.key.arn,
    });

    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }] }],
    });
    this.role = new IamRole(this, "role", {
      name: props.roleName ?? props.functionName,
      description: props.description,
      assumeRolePolicy: trust.json,
    });
    const access = new DataAwsIamPolicyDocument(this, "access", {
      statement: [
        {
          sid: "WriteOwnLogs",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${this.logGroup.arn}:*`],
        },
        {
          // Lambda delivers to the on-failure destination with the function's own role.
          sid: "SendFailedInvocationsToDeadLetterQueue",
          actions: ["sqs:SendMessage"],
          resources: [props.deadLetterQueue.arn],
        },
        {
          // The queue and the webhook secret are encrypted with the platform key; SQS and Secrets Manager use it on
          // the function's behalf, and only they may.
          sid: "UseThePlatformKeyThroughSqsAndSecretsManager",
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: [props.key.arn],
          condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`sqs.${props.region}.amazonaws.com`, `secretsmanager.${props.region}.amazonaws.com`] }],
        },
        ...props.statements,
      ],
    });
    const policy = new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "cost-monitor", policy: access.json });

    this.function = new LambdaFunction(this, MAIN_RESOURCE_ID, {
      functionName: props.functionName,
      description: props.description,
      role: this.role.arn,
      handler: props.handler,
      runtime: LAMBDA_RUNTIME,
      architectures: ["arm64"],
      filename: props.code.path,
      // The asset's content hash, not filebase64sha256 of the zip: the zip embeds file times, so it changes on
      // every synth, while this changes only when the bundle does (provider 5.x stores the value as given).
      sourceCodeHash: props.code.assetHash,
      timeout: props.timeoutSeconds,
      memorySize: props.memoryMb,
      ...(props.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrency }),
      environment: { variables: { ...props.environment } },
      // Referencing the group orders creation: the group exists before the first invocation can log.
      loggingConfig: { logFormat: "Text", logGroup: this.logGroup.name },
      // Without the policy in place, the first invocations would fail on AccessDenied.
      dependsOn: [policy],
    });

    new LambdaFunctionEventInvokeConfig(this, "async_invoke", {
      functionName: this.function.functionName,
      maximumRetryAttempts: props.retryAttempts,
      destinationConfig: { onFailure: { destination: props.deadLetterQueue.arn } },
    });
  }
}
