import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { AwsProvider } from "../iac/aws.ts";
import { type Construct, LocalBackend, type Node, S3Backend, TerraformElement, TerraformStack } from "../iac/cdktf.ts";
import { environment } from "../naming/names.ts";
import type { DeployTarget } from "./deploy-target.ts";

export type { DeployTarget } from "./deploy-target.ts";

export interface BaikalStackProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** `platform` or the domain's name; every resource is tagged with it. */
  readonly owner: string;
  readonly target: DeployTarget;
  /** The account the stack deploys to, e.g. a consumer account. @default - the environment's account */
  readonly accountId?: string;
}

/**
 * A stack of one owner in one environment. Terraform addresses are the construct path below the stack
 * (`aws_glue_catalog_table.table_article_views`), with no hash: readable in plans and stable as long as the
 * declared names are.
 */
export class BaikalStack extends TerraformStack {
  constructor(scope: Construct, name: string, props: BaikalStackProps) {
    super(scope, name);
    const env = environment(props.organisation, props.environment);
    const offline = props.target === "offline";
    new AwsProvider(this, "aws", {
      region: env.region,
      defaultTags: [
        {
          tags: {
            "baikal:organisation": props.organisation.name,
            "baikal:environment": props.environment,
            "baikal:owner": props.owner,
            "baikal:stack": name,
          },
        },
      ],
      ...(offline
        ? {
            accessKey: "offline-plan",
            secretKey: "offline-plan",
            skipCredentialsValidation: true,
            skipRequestingAccountId: true,
            skipMetadataApiCheck: "true",
            skipRegionValidation: true,
          }
        : { allowedAccountIds: [props.accountId ?? env.accountId] }),
    });
    if (offline) {
      new LocalBackend(this, { path: "terraform.tfstate" });
    } else {
      const backend = new S3Backend(this, {
        bucket: env.state.bucket,
        key: `baikal/${name}.tfstate`,
        region: env.state.region ?? env.region,
        encrypt: true,
      });
      // cdktf 0.21 predates S3-native locking (Terraform >= 1.10); no DynamoDB table needed.
      backend.addOverride("use_lockfile", true);
    }
  }

  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const path = node.scopes
      .slice(node.scopes.indexOf(this) + 1)
      .map((scope) => scope.node.id)
      .filter((id) => id !== MAIN_RESOURCE_ID);
    return path.join("_").replace(/[^A-Za-z0-9_-]/g, "_");
  }
}
