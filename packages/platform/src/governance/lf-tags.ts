import { LakeformationLfTag, type LakeformationDataLakeSettings } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";

export interface LfTagsProps {
  /** Every key and its allowed values, Baikal's `domain` key included. */
  readonly tags: Readonly<Record<string, readonly string[]>>;
  readonly catalogId: string;
  /** Only admins may create LF-tags: the settings that list them come first. */
  readonly after: LakeformationDataLakeSettings;
}

/** The organisation's LF-tag vocabulary (`aws_lakeformation_lf_tag`), owned by the platform stack. */
export class LfTags extends Construct {
  readonly tags: ReadonlyMap<string, LakeformationLfTag>;

  constructor(scope: Construct, id: string, props: LfTagsProps) {
    super(scope, id);
    const tags = new Map<string, LakeformationLfTag>();
    for (const key of Object.keys(props.tags).sort()) {
      tags.set(key, new LakeformationLfTag(this, key, { catalogId: props.catalogId, key, values: [...props.tags[key]!], dependsOn: [props.after] }));
    }
    this.tags = tags;
  }
}
