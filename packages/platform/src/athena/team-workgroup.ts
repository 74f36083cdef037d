import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { AthenaWorkgroup } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { environment } from "../naming/names.ts";
import { workgroupResultsLocation } from "./workgroup-names.ts";

export interface TeamWorkgroupProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** The workgroup's name: a domain's name, or one of PLATFORM_WORKGROUPS. */
  readonly name: string;
  readonly description: string;
  /**
   * The lake key's ARN, which encrypts the results. Athena takes a key ARN or id here, not an alias (API Reference,
   * `EncryptionConfiguration.KmsKey`): the platform stack passes its key, domain stacks the key their `KeyLookup` read.
   */
  readonly resultsKeyArn: string;
}

/**
 * An Athena workgroup whose settings no client can override (`enforce_workgroup_configuration`): a per-query
 * scan cutoff, engine version 3, results under its own prefix of the query-results bucket encrypted with the
 * lake key, and CloudWatch metrics per workgroup (what the cost monitor and usage alarms read).
 */
export class TeamWorkgroup extends Construct {
  readonly workgroup: AthenaWorkgroup;

  constructor(scope: Construct, id: string, props: TeamWorkgroupProps) {
    super(scope, id);
    const { organisation: org, environment: env, name } = props;
    const athena = org.athena ?? {};
    this.workgroup = new AthenaWorkgroup(this, MAIN_RESOURCE_ID, {
      name,
      description: terraformLiteral(props.description),
      state: "ENABLED",
      // Deleting a workgroup with saved queries must be a deliberate act, not a side effect of a rename.
      forceDestroy: false,
      configuration: {
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: scanLimitBytes(org, name),
        engineVersion: { selectedEngineVersion: athena.engineVersion ?? DEFAULTS.engineVersion },
        resultConfiguration: {
          outputLocation: workgroupResultsLocation(org, env, name),
          expectedBucketOwner: environment(org, env).accountId,
          encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: props.resultsKeyArn },
        },
      },
    });
  }
}

/** The workgroup's own limit from `athena.workgroupScanLimitBytes`, else the organisation's, else DEFAULTS. */
export function scanLimitBytes(org: OrganisationDeclaration, workgroup: string): number {
  return org.athena?.workgroupScanLimitBytes?.[workgroup] ?? org.athena?.scanLimitBytes ?? DEFAULTS.scanLimitBytes;
}
