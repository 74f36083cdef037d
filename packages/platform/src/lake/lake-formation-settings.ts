import { DEFAULTS } from "../declarations/defaults.ts";
import { LakeformationDataLakeSettings } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { settingsDefaultsOff } from "./lake-formation-defaults.ts";

export interface LakeFormationSettingsProps {
  /** Role ARNs; the deploy role must be among them or Terraform locks itself out. */
  readonly admins: readonly string[];
  /** @default "4" */
  readonly crossAccountVersion?: string;
  /** The stack's name, for the message that says how to turn the defaults off again. */
  readonly stack: string;
}

/**
 * The account's Lake Formation settings. `PutDataLakeSettings` replaces everything it is given and clears
 * what it is not, so this is a singleton owned by the platform stack alone. Both default-permission blocks are
 * left out on purpose: that is what removes the IAMAllowedPrincipals defaults, making Lake Formation the only gate.
 * A postcondition fails any plan in which the settings read back carry a default (lake-formation-defaults.ts).
 */
export class LakeFormationSettings extends Construct {
  readonly settings: LakeformationDataLakeSettings;

  constructor(scope: Construct, id: string, props: LakeFormationSettingsProps) {
    super(scope, id);
    this.settings = new LakeformationDataLakeSettings(this, MAIN_RESOURCE_ID, {
      admins: [...props.admins],
      parameters: { CROSS_ACCOUNT_VERSION: props.crossAccountVersion ?? DEFAULTS.crossAccountVersion },
      lifecycle: settingsDefaultsOff(props.stack),
    });
  }
}
