import { DataAwsIamPolicyDocument, IamRole, IamRolePolicy, type KmsKey, LakeformationResource } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import type { LakeBucket } from "./lake-bucket.ts";

export interface LakeLocationsProps {
  readonly roleName: string;
  readonly buckets: readonly LakeBucket[];
  readonly key: KmsKey;
  /** Registration needs the caller to be a Lake Formation admin, so it waits for the settings. */
  readonly after: TerraformResource;
}

/**
 * Registers the data buckets with Lake Formation under a dedicated role (not the service-linked role, which
 * cannot use a customer-managed KMS key), so Lake Formation vends credentials for governed reads.
 */
export class LakeLocations extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: LakeLocationsProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          actions: ["sts:AssumeRole", "sts:SetContext", "sts:SetSourceIdentity"],
          principals: [{ type: "Service", identifiers: ["lakeformation.amazonaws.com"] }],
        },
      ],
    });
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: "Lake Formation uses this role to read and write registered lake locations",
      assumeRolePolicy: trust.json,
    });
    const access = new DataAwsIamPolicyDocument(this, "access", {
      statement: [
        { sid: "ListLocations", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: props.buckets.map((b) => b.bucket.arn) },
        {
          sid: "ReadWriteObjects",
          actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
          resources: props.buckets.map((b) => `${b.bucket.arn}/*`),
        },
        { sid: "UseLakeKey", actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"], resources: [props.key.arn] },
      ],
    });
    new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "lake-locations", policy: access.json });

    for (const bucket of props.buckets) {
      new LakeformationResource(this, bucket.node.id, {
        arn: bucket.bucket.arn,
        roleArn: this.role.arn,
        useServiceLinkedRole: false,
        dependsOn: [props.after],
      });
    }
  }
}
