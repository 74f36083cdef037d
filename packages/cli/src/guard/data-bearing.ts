/**
 * Resource types that hold data (or the access to it), and what of each Terraform cannot change in place.
 *
 * `terraform providers schema -json` does not say which attributes force replacement, so this is a small
 * reviewed list, read from the hashicorp/aws 5.100.0 resource schemas (`ForceNew: true`). `identity` names
 * the attributes that say which real thing a resource is: the same values at another address is a rename.
 */
export interface DataBearingType {
  readonly forceNew: readonly string[];
  /** @default - none: a single new resource of the type in the same stack is taken as the rename */
  readonly identity?: readonly string[];
  /** Only resources this accepts hold data (a Glue view holds none). @default - every resource of the type */
  readonly holdsData?: (resource: Record<string, unknown>) => boolean;
  /** What is lost, in plain words. */
  readonly loses: string;
}

export const DATA_BEARING: Readonly<Record<string, DataBearingType>> = {
  aws_s3_bucket: { forceNew: ["bucket", "bucket_prefix", "object_lock_enabled"], identity: ["bucket"], loses: "the bucket and every object in it" },
  aws_kms_key: {
    forceNew: ["customer_master_key_spec", "key_usage", "multi_region", "custom_key_store_id", "xks_key_id"],
    loses: "the key, and with it everything encrypted under it",
  },
  aws_glue_catalog_database: { forceNew: ["name", "catalog_id"], identity: ["catalog_id", "name"], loses: "the database and its grants" },
  aws_glue_catalog_table: {
    forceNew: ["name", "database_name", "catalog_id"],
    identity: ["catalog_id", "database_name", "name"],
    holdsData: (r) => r.table_type === undefined || r.table_type === "EXTERNAL_TABLE",
    loses: "the table, its partitions and its grants",
  },
  aws_lakeformation_data_lake_settings: { forceNew: ["catalog_id"], identity: ["catalog_id"], loses: "the Lake Formation admins and settings" },
  aws_lakeformation_resource: {
    forceNew: ["arn", "role_arn", "use_service_linked_role", "hybrid_access_enabled", "with_federation"],
    identity: ["arn"],
    loses: "the location's registration, and every grant on it until it is registered again",
  },
  aws_dynamodb_table: { forceNew: ["name", "hash_key", "range_key"], identity: ["name"], loses: "the table and every item in it" },
  aws_sqs_queue: {
    forceNew: ["name", "name_prefix", "fifo_queue"],
    identity: ["name"],
    loses: "the queue and every message in it (failed events waiting to be replayed)",
  },
  aws_secretsmanager_secret: {
    forceNew: ["name", "name_prefix"],
    identity: ["name"],
    loses: "the secret and the value set in it by hand (Terraform does not know it and cannot restore it)",
  },
  aws_cloudwatch_log_group: { forceNew: ["name", "name_prefix", "log_group_class"], identity: ["name"], loses: "the log group and every log event in it" },
  aws_sfn_state_machine: { forceNew: ["name", "name_prefix", "type"], identity: ["name"], loses: "the state machine and its execution history" },
  aws_quicksight_data_set: {
    forceNew: ["aws_account_id", "data_set_id"],
    identity: ["aws_account_id", "data_set_id"],
    loses: "the dataset, its SPICE data and the analyses and dashboards built on it",
  },
  aws_lakeformation_lf_tag: {
    forceNew: ["catalog_id", "key"],
    identity: ["catalog_id", "key"],
    loses: "the LF-tag, its assignments to databases, tables and columns, and every grant made through it",
  },
};

export function dataBearing(type: string, resource: Record<string, unknown>): DataBearingType | undefined {
  const kind = DATA_BEARING[type];
  if (!kind) return undefined;
  return (kind.holdsData ?? (() => true))(resource) ? kind : undefined;
}

/** A value Terraform only knows at apply time (a reference): not comparable before a plan. `$${` is an escaped `${`. */
export const isReference = (value: unknown): boolean => /(^|[^$])\$\{/.test(JSON.stringify(value ?? null));
