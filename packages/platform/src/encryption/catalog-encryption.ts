import { DEFAULTS } from "../declarations/defaults.ts";
import { DataAwsIamPolicyDocument, GlueDataCatalogEncryptionSettings, KmsAlias, KmsKey } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import { administeredByTheAccount, KEY_USE_ACTIONS } from "./key-policy.ts";

export interface CatalogEncryptionProps {
  readonly accountId: string;
  readonly region: string;
  /** `alias/<org>-catalog`. */
  readonly alias: string;
  /** Accounts that read this catalog through Lake Formation shares (the consumer stacks' accounts). @default [] */
  readonly consumerAccounts?: readonly string[];
  /** The catalog is encrypted only once Lake Formation's settings exist, like everything else in it. */
  readonly after?: readonly TerraformResource[];
}

/**
 * Encrypts the Glue Data Catalog's metadata (databases, tables, the views' SQL) and connection passwords with a key
 * of its own (`aws_glue_data_catalog_encryption_settings`, one per account and region).
 *
 * Every principal that reads the catalog, in this account and in the accounts it shares with, needs the key
 * (Glue Developer Guide, "Encrypting your Data Catalog" and "Cross-account access to an encrypted catalog"). Its
 * policy therefore lets any principal of those accounts use it, but only through Glue: who reads which table is
 * still decided by Glue's IAM permissions and Lake Formation. That is the shape of the AWS-managed `aws/glue` key's
 * policy, with the consumers added, and it keeps roles Baikal does not manage (analysts', QuickSight's) working.
 */
export class CatalogEncryption extends Construct {
  readonly key: KmsKey;
  readonly settings: GlueDataCatalogEncryptionSettings;

  constructor(scope: Construct, id: string, props: CatalogEncryptionProps) {
    super(scope, id);
    const { accountId, region } = props;
    const callers = [...new Set([accountId, ...(props.consumerAccounts ?? [])])];
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        administeredByTheAccount(accountId),
        {
          sid: "CatalogReadersUseTheKeyThroughGlue",
          principals: [{ type: "AWS", identifiers: ["*"] }],
          actions: KEY_USE_ACTIONS,
          resources: ["*"],
          condition: [
            { test: "StringEquals", variable: "kms:ViaService", values: [`glue.${region}.amazonaws.com`] },
            { test: "StringEquals", variable: "kms:CallerAccount", values: callers },
          ],
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: "Encrypts the Glue Data Catalog's metadata and connection passwords",
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULTS.kmsDeletionWindowDays,
      policy: policy.json,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "alias", { name: props.alias, targetKeyId: this.key.keyId });
    this.settings = new GlueDataCatalogEncryptionSettings(this, "settings", {
      catalogId: accountId,
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: this.key.arn },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: this.key.arn },
      },
      dependsOn: props.after ? [...props.after] : undefined,
    });
  }
}
