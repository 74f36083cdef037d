import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { Construct } from "../iac/cdktf.ts";
import { TeamWorkgroup } from "./team-workgroup.ts";
import { PLATFORM_WORKGROUPS } from "./workgroup-names.ts";

export interface PlatformWorkgroupsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** The lake key's ARN: results are encrypted with it. */
  readonly resultsKeyArn: string;
}

const DESCRIPTIONS: Readonly<Record<(typeof PLATFORM_WORKGROUPS)[number], string>> = {
  analysts: "Ad-hoc queries of analysts in the Athena console.",
  redash: "Queries Redash runs on behalf of its users.",
  quicksight: "Queries QuickSight runs for dashboards and SPICE refreshes.",
  etl: "Platform-run jobs that are not a domain's own transforms.",
};

/** The workgroups of shared consumers, one each, so cost and limits can be told apart. */
export class PlatformWorkgroups extends Construct {
  readonly workgroups: ReadonlyMap<string, TeamWorkgroup>;

  constructor(scope: Construct, id: string, props: PlatformWorkgroupsProps) {
    super(scope, id);
    this.workgroups = new Map(
      PLATFORM_WORKGROUPS.map((name) => [
        name,
        new TeamWorkgroup(this, name, { ...props, name, description: DESCRIPTIONS[name] }),
      ]),
    );
  }
}
