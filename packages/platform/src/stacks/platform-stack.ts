import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { LakeFormationSettings } from "../lake/lake-formation-settings.ts";
import { LakeLocations } from "../lake/lake-locations.ts";
import { LakeStorage } from "../lake/lake-storage.ts";
import type { Construct } from "../iac/cdktf.ts";
import { lakeFormationAdmins, lakeLocationRoleName, platformStackName } from "../naming/names.ts";
import { BaikalStack, type DeployTarget } from "./baikal-stack.ts";

export interface PlatformStackProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly target: DeployTarget;
}

/** `platform-<env>`: the lake's storage and Lake Formation's account settings; owned by the platform team. */
export class PlatformStack extends BaikalStack {
  readonly storage: LakeStorage;
  readonly lakeFormation: LakeFormationSettings;

  constructor(scope: Construct, props: PlatformStackProps) {
    const { organisation, environment, target } = props;
    super(scope, platformStackName(environment), { organisation, environment, target, owner: "platform" });
    this.lakeFormation = new LakeFormationSettings(this, "lake_formation", { admins: lakeFormationAdmins(organisation, environment) });
    this.storage = new LakeStorage(this, "lake", { organisation, environment });
    new LakeLocations(this, "lake_locations", {
      roleName: lakeLocationRoleName(organisation),
      buckets: [this.storage.buckets.raw, this.storage.buckets.curated],
      key: this.storage.key,
      after: this.lakeFormation.settings,
    });
  }
}
