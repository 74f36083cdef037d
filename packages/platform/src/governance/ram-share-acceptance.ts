import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { RamResourceShareAccepter } from "../iac/aws.ts";
import { Construct, Op, TerraformLocal } from "../iac/cdktf.ts";

/** How a consumer account receives the shares (`crossAccountSharing` in baikal.config.ts), or undefined when undeclared. */
export type ShareReception = NonNullable<OrganisationDeclaration["crossAccountSharing"]>[string];

/** The messages of cross-account sharing, kept together so tests and the preflight rule quote the same text. */
export const sharingMessages = {
  notDeclared: (consumer: string, producer: string, region: string) =>
    `account ${consumer} receives account ${producer}'s Lake Formation grants through an AWS RAM share, which it must accept ` +
    `unless both accounts are in one AWS Organization with RAM sharing enabled; until then its resource links and grants fail. ` +
    `Declare crossAccountSharing["${consumer}"] in baikal.config.ts: { sameOrganization: true }, or { ramShareArn: "<arn>" } ` +
    `once the producer's domain stacks are applied (aws ram get-resource-share-invitations --region ${region}, in account ${consumer}, lists it) ` +
    `and this stack accepts it`,
};

export interface RamShareAcceptanceProps {
  readonly organisation: OrganisationDeclaration;
  readonly consumerAccount: string;
  readonly producerAccount: string;
  readonly region: string;
}

/**
 * What a consumer stack does about the RAM share its grants arrive through. Declared in the same Organization:
 * nothing. Declared with the share's ARN: accepts the invitation (`aws_ram_resource_share_accepter`), and the
 * stack's resource links wait for it. Undeclared: `precondition` is a lifecycle precondition that fails this stack's
 * plan with the step to take, since Terraform cannot know the share's ARN before the producer created it.
 */
export class RamShareAcceptance extends Construct {
  readonly accepter?: RamResourceShareAccepter;
  readonly precondition?: { readonly condition: unknown; readonly errorMessage: string };

  constructor(scope: Construct, id: string, props: RamShareAcceptanceProps) {
    super(scope, id);
    const reception: ShareReception | undefined = props.organisation.crossAccountSharing?.[props.consumerAccount];
    if (reception && "ramShareArn" in reception) {
      this.accepter = new RamResourceShareAccepter(this, "accepter", { shareArn: reception.ramShareArn });
    } else if (!reception) {
      // Terraform takes a precondition only if it refers to something of the configuration: the state as a local.
      const state = new TerraformLocal(this, "ram_share_state", "not declared in baikal.config.ts");
      this.precondition = {
        condition: Op.eq(state.asString, "accepted"),
        errorMessage: sharingMessages.notDeclared(props.consumerAccount, props.producerAccount, props.region),
      };
    }
  }
}
