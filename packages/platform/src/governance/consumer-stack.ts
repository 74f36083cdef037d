import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { ConsumerAccount, EnvironmentGovernance } from "../grants/grant-model.ts";
import { GlueCatalogDatabase } from "../iac/aws.ts";
import type { Construct } from "../iac/cdktf.ts";
import { BaikalStack, type DeployTarget } from "../stacks/baikal-stack.ts";
import { addGrantChain, type LakeFormationGrant } from "./lake-formation-grant.ts";
import { addDefaultDatabaseAccess } from "./default-database-access.ts";
import { RamShareAcceptance } from "./ram-share-acceptance.ts";
import { environment } from "../naming/names.ts";

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
    const producer = environment(props.organisation, consumer.environment);
    // Grants arrive through an AWS RAM share: accepted here, or known to need no acceptance, or the plan says what to do.
    const ram = new RamShareAcceptance(this, "ram_share", {
      organisation: props.organisation,
      consumerAccount: consumer.accountId,
      producerAccount: producer.accountId,
      region: producer.region,
    });
    const links = new Map<string, GlueCatalogDatabase>();
    for (const link of governance.links.filter((l) => l.stack === consumer.stack)) {
      links.set(
        link.name,
        new GlueCatalogDatabase(this, link.id, {
          name: link.name,
          catalogId: link.catalogId,
          targetDatabase: { catalogId: link.targetCatalogId, databaseName: link.targetDatabase },
          ...(ram.accepter ? { dependsOn: [ram.accepter] } : {}),
          ...(ram.precondition ? { lifecycle: { precondition: [ram.precondition] } } : {}),
        }),
      );
    }
    this.links = links;
    const permissions = governance.permissions.filter((p) => p.stack === consumer.stack);
    this.grants = addGrantChain(this, permissions, consumer.accountId, [...links.values()]);
    // The grantees query in this account, whose Athena describes its own `default` before every query.
    const grantees = [...new Map(permissions.filter((p) => p.principal.accountId === consumer.accountId).map((p) => [p.principal.name, p.principal.principal]))];
    addDefaultDatabaseAccess(this, { principals: grantees.map(([name, principal]) => ({ name, principal })), catalogId: consumer.accountId });
  }
}
