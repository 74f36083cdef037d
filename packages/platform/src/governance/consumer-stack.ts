import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { ConsumerAccount, EnvironmentGovernance } from "../grants/grant-model.ts";
import { GlueCatalogDatabase } from "../iac/aws.ts";
import type { Construct } from "../iac/cdktf.ts";
import { BaikalStack, type DeployTarget } from "../stacks/baikal-stack.ts";
import { addGrantChain, type LakeFormationGrant } from "./lake-formation-grant.ts";

export interface ConsumerStackProps {
  readonly organisation: OrganisationDeclaration;
  readonly consumer: ConsumerAccount;
  /** The environment's compiled governance; this stack takes its links and grants. */
  readonly governance: EnvironmentGovernance;
  readonly target: DeployTarget;
}

/**
 * `consumer-<account>-<env>`: what an account that reads another account's data needs on its own side. For each
 * shared database a resource link (named like its target, as Athena requires of views read across accounts),
 * DESCRIBE on the link, and, when a whole account was granted, SELECT passed on to the account's grantees on
 * the producer's resources (`catalog_id` = the producer account). Applied with the consumer account's
 * credentials, after the producer's domain stacks; it runs in the environment's region.
 */
export class ConsumerStack extends BaikalStack {
  readonly links: ReadonlyMap<string, GlueCatalogDatabase>;
  readonly grants: readonly LakeFormationGrant[];

  constructor(scope: Construct, props: ConsumerStackProps) {
    const { consumer, governance } = props;
    super(scope, consumer.stack, {
      organisation: props.organisation,
      environment: consumer.environment,
      target: props.target,
      owner: "consumer",
      accountId: consumer.accountId,
    });
    const links = new Map<string, GlueCatalogDatabase>();
    for (const link of governance.links.filter((l) => l.stack === consumer.stack)) {
      links.set(
        link.name,
        new GlueCatalogDatabase(this, link.id, {
          name: link.name,
          catalogId: link.catalogId,
          targetDatabase: { catalogId: link.targetCatalogId, databaseName: link.targetDatabase },
        }),
      );
    }
    this.links = links;
    this.grants = addGrantChain(
      this,
      governance.permissions.filter((p) => p.stack === consumer.stack),
      consumer.accountId,
      [...links.values()],
    );
  }
}
