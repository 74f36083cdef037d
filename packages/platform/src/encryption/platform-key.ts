import { DEFAULTS } from "../declarations/defaults.ts";
import { DataAwsIamPolicyDocument, KmsAlias, KmsKey } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { administeredByTheAccount, usedByTheAccountThrough } from "./key-policy.ts";

export interface PlatformKeyProps {
  readonly accountId: string;
  readonly region: string;
  /** `alias/<org>-platform`: domain stacks find the key by it (`KeyLookup`). */
  readonly alias: string;
}

/** Services whose resources the platform key encrypts, and which use it for the account's principals. */
export const PLATFORM_KEY_SERVICES = ["dynamodb", "secretsmanager", "sns", "sqs"] as const;

/**
 * The customer-managed key of the platform's operational data at rest: log groups (transforms, exports, the cost
 * monitor), the transform-failures topics, the cost monitor's dead-letter queue, alert-claims table and webhook
 * secret. The lake key stays for lake data only. Key policy: the account administers it; principals of the
 * account use it only through DynamoDB, Secrets Manager, SNS and SQS; CloudWatch Logs encrypts this account's log
 * groups with it (the encryption context names the group); EventBridge may encrypt the events it sends to a
 * dead-letter queue of this account.
 */
export class PlatformKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: PlatformKeyProps) {
    super(scope, id);
    const { accountId, region } = props;
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        administeredByTheAccount(accountId),
        usedByTheAccountThrough("AccountUsesTheKeyThroughItsServices", accountId, region, PLATFORM_KEY_SERVICES),
        {
          // CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS".
          sid: "CloudWatchLogsEncryptsLogGroupsOfThisAccount",
          principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
          actions: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
          resources: ["*"],
          condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: [`arn:aws:logs:${region}:${accountId}:log-group:*`] }],
        },
        {
          // EventBridge User Guide, "Using dead-letter queues": a queue under a customer-managed key.
          sid: "EventBridgeEncryptsUndeliveredEventsOfThisAccount",
          principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: ["*"],
          condition: [{ test: "ArnLike", variable: "aws:SourceArn", values: [`arn:aws:events:${region}:${accountId}:rule/*`] }],
        },
      ],
    });
    this.key = new KmsKey(this, MAIN_RESOURCE_ID, {
      description: "Encrypts the platform's logs, alert topics, dead-letter queue, alert claims and webhook secret",
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULTS.kmsDeletionWindowDays,
      policy: policy.json,
    });
    new KmsAlias(this, "alias", { name: props.alias, targetKeyId: this.key.keyId });
  }
}
