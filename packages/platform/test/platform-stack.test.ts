import { describe, expect, it } from "vitest";
import { lakeFormationDefaultsMessages } from "../src/lake/lake-formation-defaults.ts";
import { DEFAULTS } from "../src/declarations/defaults.ts";
import { ORGANISATION, projectOf, resourceWhere, resources, synthPlatform } from "./support.ts";

const json = synthPlatform();
const bucketNames = ["raw", "curated", "query-results", "access-logs"].map((p) => `acme-staging-${p}-111111111111`);

/** The Terraform name of the bucket resource with this bucket name, for matching its satellite resources. */
function bucketRef(name: string): string {
  const entry = Object.entries(resources(json, "aws_s3_bucket")).find(([, r]) => r.bucket === name);
  if (!entry) throw new Error(`no bucket ${name}`);
  return `\${aws_s3_bucket.${entry[0]}.id}`;
}

describe("PlatformStack lake storage", () => {
  it("creates the raw, curated, query-results and access-log buckets, none of them force-destroyable", () => {
    const buckets = Object.values(resources(json, "aws_s3_bucket"));
    expect(buckets.map((b) => b.bucket).sort()).toEqual([...bucketNames].sort());
    for (const bucket of buckets) expect(bucket.force_destroy).toBe(false);
  });

  it("protects the raw and curated buckets and the key from terraform destroy", () => {
    for (const name of bucketNames.slice(0, 2)) {
      expect(resourceWhere(json, "aws_s3_bucket", "bucket", name).lifecycle).toEqual({ prevent_destroy: true });
    }
    const [key] = Object.values(resources(json, "aws_kms_key"));
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
  });

  it("blocks every kind of public access and disables ACLs on every bucket", () => {
    for (const name of bucketNames) {
      expect(resourceWhere(json, "aws_s3_bucket_public_access_block", "bucket", bucketRef(name))).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(resourceWhere(json, "aws_s3_bucket_ownership_controls", "bucket", bucketRef(name))).toMatchObject({
        rule: { object_ownership: "BucketOwnerEnforced" },
      });
    }
  });

  it("encrypts data buckets with the lake key and S3 Bucket Keys, and the log bucket with SSE-S3", () => {
    for (const name of bucketNames.slice(0, 3)) {
      const rule = (resourceWhere(json, "aws_s3_bucket_server_side_encryption_configuration", "bucket", bucketRef(name)).rule as unknown[])[0];
      expect(rule).toEqual({
        apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.lake_key.arn}" },
        bucket_key_enabled: true,
      });
    }
    const logs = resourceWhere(json, "aws_s3_bucket_server_side_encryption_configuration", "bucket", bucketRef(bucketNames[3]!));
    expect(logs.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
  });

  it("versions every bucket and sends data-bucket access logs to the log bucket", () => {
    for (const name of bucketNames) {
      expect(resourceWhere(json, "aws_s3_bucket_versioning", "bucket", bucketRef(name)).versioning_configuration).toEqual({ status: "Enabled" });
    }
    const logging = Object.values(resources(json, "aws_s3_bucket_logging"));
    expect(logging.map((l) => [l.bucket, l.target_bucket, l.target_prefix])).toHaveLength(3);
    expect(logging.map((l) => [l.bucket, l.target_bucket, l.target_prefix])).toEqual(
      expect.arrayContaining(
      ["raw", "curated", "query-results"].map((p) => [bucketRef(`acme-staging-${p}-111111111111`), bucketRef(bucketNames[3]!), `${p}/`]),
      ),
    );
  });

  it("denies any request without TLS on every bucket", () => {
    const documents = Object.entries(json.data?.aws_iam_policy_document ?? {}).filter(([name]) => name.endsWith("policy_document"));
    expect(documents).toHaveLength(4);
    for (const [, document] of documents) {
      expect((document.statement as Record<string, unknown>[])[0]).toMatchObject({
        sid: "DenyInsecureTransport",
        effect: "Deny",
        actions: ["s3:*"],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      });
    }
    expect(Object.values(resources(json, "aws_s3_bucket_policy"))).toHaveLength(4);
  });

  it("expires query results and old object versions using the documented defaults", () => {
    const results = resourceWhere(json, "aws_s3_bucket_lifecycle_configuration", "bucket", bucketRef(bucketNames[2]!));
    expect(results.rule).toContainEqual(expect.objectContaining({ id: "expire-objects", expiration: [{ days: DEFAULTS.queryResultsRetentionDays }] }));
    for (const name of bucketNames) {
      const lifecycle = resourceWhere(json, "aws_s3_bucket_lifecycle_configuration", "bucket", bucketRef(name));
      expect(lifecycle.rule).toContainEqual(
        expect.objectContaining({
          id: "expire-noncurrent-versions",
          noncurrent_version_expiration: [{ noncurrent_days: DEFAULTS.noncurrentVersionRetentionDays }],
        }),
      );
    }
  });

  it("uses the configured retention periods instead of the defaults", () => {
    const custom = synthPlatform(projectOf(undefined, { ...ORGANISATION, lake: { queryResultsRetentionDays: 1, noncurrentVersionRetentionDays: 7 } }));
    const rules = Object.values(resources(custom, "aws_s3_bucket_lifecycle_configuration")).flatMap((l) => l.rule as Record<string, unknown>[]);
    expect(rules).toContainEqual(expect.objectContaining({ id: "expire-objects", expiration: [{ days: 1 }] }));
    expect(rules).toContainEqual(expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 7 }] }));
  });
});

describe("PlatformStack Lake Formation", () => {
  it("makes the deploy role and the configured admins Lake Formation admins, with no IAMAllowedPrincipals defaults", () => {
    const settings = Object.values(resources(json, "aws_lakeformation_data_lake_settings"));
    expect(settings).toHaveLength(1);
    expect(settings[0]).toEqual({
      admins: ["arn:aws:iam::111111111111:role/deploy", "arn:aws:iam::111111111111:role/break-glass"],
      parameters: { CROSS_ACCOUNT_VERSION: DEFAULTS.crossAccountVersion },
      // Provider 5.100.0 reads both defaults as computed: a postcondition makes a plan fail if they come back.
      lifecycle: { postcondition: [{ condition: "${length(self.create_database_default_permissions) == 0 && length(self.create_table_default_permissions) == 0}", error_message: lakeFormationDefaultsMessages.settings("platform-staging") }] },
    });
  });

  it("registers the raw and curated buckets under a dedicated role, after the settings exist", () => {
    const registrations = Object.values(resources(json, "aws_lakeformation_resource"));
    expect(registrations).toHaveLength(2);
    expect(registrations).toEqual(
      expect.arrayContaining(["raw", "curated"].map((purpose) => ({
        arn: `\${aws_s3_bucket.lake_${purpose}.arn}`,
        role_arn: "${aws_iam_role.lake_locations_role.arn}",
        use_service_linked_role: false,
        depends_on: ["aws_lakeformation_data_lake_settings.lake_formation"],
      }))),
    );
    const role = Object.values(resources(json, "aws_iam_role"))[0]!;
    expect(role.name).toBe("acme-lake-formation-locations");
    const access = json.data!.aws_iam_policy_document!.lake_locations_access!;
    expect(access.statement).toContainEqual(
      expect.objectContaining({ sid: "UseLakeKey", resources: ["${aws_kms_key.lake_key.arn}"] }),
    );
  });
});

describe("PlatformStack targets", () => {
  it("makes no AWS call when offline: fake keys, no credential, account or metadata lookups, local state", () => {
    expect(json.provider!.aws![0]).toMatchObject({
      region: "eu-west-1",
      access_key: "offline-plan",
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: "true",
    });
    expect(json.terraform!.backend).toEqual({ local: { path: "terraform.tfstate" } });
  });

  it("keeps state in the environment's bucket with one locked key per stack, and pins the account, for aws", () => {
    const online = synthPlatform(projectOf(), "production", "aws");
    expect(online.terraform!.backend).toEqual({
      s3: { bucket: "acme-production-state", key: "baikal/platform-production.tfstate", region: "eu-west-1", encrypt: true, use_lockfile: true },
    });
    expect(online.provider!.aws![0]).toMatchObject({ allowed_account_ids: ["222222222222"] });
    expect(online.provider!.aws![0]).not.toHaveProperty("access_key");
  });

  it("tags every resource with its organisation, environment, owner and stack", () => {
    expect(json.provider!.aws![0]!.default_tags).toEqual([
      { tags: { "baikal:organisation": "acme", "baikal:environment": "staging", "baikal:owner": "platform", "baikal:stack": "platform-staging" } },
    ]);
  });
});
