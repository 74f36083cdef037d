/**
 * The AWS provider classes Baikal uses, imported by deep path: the package root loads ~2,100 services and
 * costs seconds per process, a deep import a fraction of one.
 */
export { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
export { AppflowFlow } from "@cdktf/provider-aws/lib/appflow-flow/index.js";
export { AthenaWorkgroup } from "@cdktf/provider-aws/lib/athena-workgroup/index.js";
export { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js";
export { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target/index.js";
export { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
export { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
export { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
export type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
export { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table/index.js";
export { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database/index.js";
export { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table/index.js";
export { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
export { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
export { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias/index.js";
export { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
export { LakeformationDataCellsFilter } from "@cdktf/provider-aws/lib/lakeformation-data-cells-filter/index.js";
export { LakeformationDataLakeSettings } from "@cdktf/provider-aws/lib/lakeformation-data-lake-settings/index.js";
export { LakeformationLfTag } from "@cdktf/provider-aws/lib/lakeformation-lf-tag/index.js";
export { LakeformationPermissions } from "@cdktf/provider-aws/lib/lakeformation-permissions/index.js";
export type { LakeformationPermissionsConfig } from "@cdktf/provider-aws/lib/lakeformation-permissions/index.js";
export { LakeformationResourceLfTag } from "@cdktf/provider-aws/lib/lakeformation-resource-lf-tag/index.js";
export { LakeformationResource } from "@cdktf/provider-aws/lib/lakeformation-resource/index.js";
export { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function/index.js";
export { LambdaFunctionEventInvokeConfig } from "@cdktf/provider-aws/lib/lambda-function-event-invoke-config/index.js";
export { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
export { QuicksightDataSet } from "@cdktf/provider-aws/lib/quicksight-data-set/index.js";
export { QuicksightDataSource } from "@cdktf/provider-aws/lib/quicksight-data-source/index.js";
export { QuicksightRefreshSchedule } from "@cdktf/provider-aws/lib/quicksight-refresh-schedule/index.js";
export { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
export { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
export type { S3BucketLifecycleConfigurationRule } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
export { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging/index.js";
export { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js";
export { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
export { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";
export { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
export { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
export { SchedulerSchedule } from "@cdktf/provider-aws/lib/scheduler-schedule/index.js";
export { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret/index.js";
export { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine/index.js";
export { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic/index.js";
export { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription/index.js";
export { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue/index.js";
export { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy/index.js";
