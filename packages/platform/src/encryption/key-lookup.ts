import { DataAwsKmsAlias } from "../iac/aws.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";

export interface KeyLookupProps {
  /** `alias/<name>`, as the platform stack names the key. */
  readonly alias: string;
  /**
   * A resource of this stack to read after. While it is still to be created (always, in an offline plan) Terraform
   * reads the alias at apply time instead of at plan time, so a plan never calls KMS without credentials.
   */
  readonly after: TerraformResource;
}

/**
 * The ARN of a key the platform stack owns, read from its alias. Services that create grants on a key, or that take
 * only key ARNs (AppFlow's `kmsArn`, Athena's result encryption, CloudWatch Logs' `kmsKeyId`), are given the key's
 * own ARN rather than its alias ARN, which KMS does not accept there. Stacks still share names through config, never
 * state: the alias is the name, and KMS answers with the key it points at.
 */
export class KeyLookup extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: KeyLookupProps) {
    super(scope, id);
    const alias = new DataAwsKmsAlias(this, MAIN_RESOURCE_ID, { name: props.alias, dependsOn: [props.after] });
    this.arn = alias.targetKeyArn;
  }
}
