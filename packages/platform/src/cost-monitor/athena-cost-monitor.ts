import { existsSync } from "node:fs";
import { join } from "node:path";
import { DataTable } from "../catalog/data-table.ts";
import { storageFormat } from "../catalog/storage-format.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { tableLocation, table as tableSchema } from "../declarations/table.ts";
import {
  CloudwatchEventRule,
  CloudwatchEventTarget,
  DynamodbTable,
  type GlueCatalogDatabase,
  type KmsKey,
  LambdaPermission,
  SecretsmanagerSecret,
} from "../iac/aws.ts";
import { AssetType, Construct, TerraformAsset } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import type { LakeBucket } from "../lake/lake-bucket.ts";
import { domainPrefix, environment } from "../naming/names.ts";
import { transformAlertTopicArnPattern } from "../transforms/transform-names.ts";
import { costMonitorNames } from "./cost-monitor-names.ts";
import { CostMonitorFunction } from "./cost-monitor-function.ts";
import { eventHandlerStatements, sweepStatements, transformAlertStatements } from "./cost-monitor-permissions.ts";
import { DeadLetterQueue } from "./dead-letter-queue.ts";
import { BUNDLE_FILE, ENVIRONMENT, EVENT_PATTERN, IDEMPOTENCY_TABLE_SCHEMA, LAMBDA_HANDLERS } from "./notifier-package.ts";
import { PlatformAlerts, type PlatformAlertsDelivery } from "./platform-alerts.ts";
import type { CostMonitorAssets } from "./prepare-cost-monitor-assets.ts";
import { PLATFORM_DATABASE, QUERY_LOG_TABLE, queryLogKeyMappings, queryLogPrefix } from "./query-log-table.ts";
import { SweepSchedule } from "./sweep-schedule.ts";

export type CostMonitorSettings = NonNullable<OrganisationDeclaration["costMonitor"]>;

export interface AthenaCostMonitorProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** `costMonitor` from baikal.config.ts: the webhook secret's name and the alert thresholds. */
  readonly settings: CostMonitorSettings;
  /** The bundled Lambda, from `prepareCostMonitorAssets`. */
  readonly assets: CostMonitorAssets;
  /** The curated bucket; the query log lives under its `platform/athena_query_log/` prefix. */
  readonly queryLogBucket: LakeBucket;
  /** The lake key: the curated bucket's default encryption, used explicitly for every record. */
  readonly key: KmsKey;
  /** The platform key (`PlatformKey`): the log groups, queue, claims table and webhook secret are encrypted with it. */
  readonly platformKey: KmsKey;
  /** The platform's Glue database (named `PLATFORM_DATABASE`), which holds the query-log table. */
  readonly database: GlueCatalogDatabase;
  /** @default DEFAULTS.costMonitorLogRetentionDays (90) */
  readonly logRetentionDays?: number;
  /** @default DEFAULTS.costMonitorSweepSchedule ("rate(15 minutes)") */
  readonly sweepSchedule?: string;
  /** How far back each sweep looks. @default DEFAULTS.costMonitorSweepLookbackMinutes (90) */
  readonly sweepLookbackMinutes?: number;
  /** @default DEFAULTS.costMonitorEventTimeoutSeconds (180) */
  readonly eventTimeoutSeconds?: number;
  /** @default DEFAULTS.costMonitorSweepTimeoutSeconds (600) */
  readonly sweepTimeoutSeconds?: number;
  /** @default DEFAULTS.costMonitorMemoryMb (256) */
  readonly memoryMb?: number;
  /** @default DEFAULTS.costMonitorTransformAlertTimeoutSeconds (150) */
  readonly transformAlertTimeoutSeconds?: number;
}

/**
 * Prices every Athena query in the account, logs it to the lake and alerts Slack about expensive ones, using
 * the `@baikal/cost-notifier` Lambda: an EventBridge rule on finished queries drives the event function, a
 * schedule drives the sweep that catches events EventBridge never delivered, and every failure ends up in one
 * alarmed dead-letter queue. A third function posts failed transforms to the same Slack channel; each domain
 * stack subscribes it to its transform-failures topic (`TransformAlerts`), and one permission here lets all of
 * those topics invoke it. It also posts the platform's alarms, from the platform-alerts topic.
 */
export class AthenaCostMonitor extends Construct {
  readonly eventFunction: CostMonitorFunction;
  readonly sweepFunction: CostMonitorFunction;
  readonly transformAlertsFunction: CostMonitorFunction;
  /** Lets SNS invoke the transform-alerts function for every domain's transform-failures topic. */
  readonly transformAlertsPermission: LambdaPermission;
  /** Sends the platform-alerts topic (the dead-letter queue's alarm, any other platform alarm) to Slack. */
  readonly platformAlertsSubscription: PlatformAlertsDelivery;
  readonly rule: CloudwatchEventRule;
  readonly deadLetters: DeadLetterQueue;
  readonly webhookSecret: SecretsmanagerSecret;
  readonly alertMarkers: DynamodbTable;
  readonly queryLog: DataTable;

  constructor(scope: Construct, id: string, props: AthenaCostMonitorProps) {
    super(scope, id);
    const problems = validateAthenaCostMonitorProps(props);
    if (problems.length > 0) throw new Error(`cost monitor: ${problems.join("; ")}`);
    const { organisation: org, settings } = props;
    const env = environment(org, props.environment);
    const names = costMonitorNames(org);
    const prefix = queryLogPrefix();

    const queryLogTable = tableSchema.parse(QUERY_LOG_TABLE);
    this.queryLog = new DataTable(this, "query_log", {
      table: queryLogTable,
      databaseName: props.database.name,
      accountId: env.accountId,
      // The platform's own prefix, laid out like a domain's: s3://<curated bucket>/platform/athena_query_log/.
      locationUri: `${domainPrefix(org, props.environment, "curated", PLATFORM_DATABASE)}${tableLocation(queryLogTable)}`,
    });
    // Columns are snake_case, the records camelCase: DataTable's JSON SerDe parameters plus key mappings.
    this.queryLog.glueTable.addOverride("storage_descriptor.ser_de_info.parameters", {
      ...storageFormat(queryLogTable).serdeParameters,
      ...queryLogKeyMappings(),
    });

    // No secret version: the webhook URL is put by hand, so it never reaches Terraform state.
    this.webhookSecret = new SecretsmanagerSecret(this, "webhook_secret", {
      name: settings.slackWebhookSecretName,
      description: "Slack incoming-webhook URL for Athena cost alerts; set with aws secretsmanager put-secret-value",
      kmsKeyId: props.platformKey.arn,
    });

    // Claims live 30 days and only decide who posts an alert, so point-in-time recovery buys nothing. The sparse
    // index holds the pending claims (a posted claim drops its lease attribute), which the sweep retries. Name and id
    // stay "alert markers" from before claims had states: renaming would replace the table.
    const schema = IDEMPOTENCY_TABLE_SCHEMA;
    this.alertMarkers = new DynamodbTable(this, "alert_markers", {
      name: names.alertMarkersTable,
      billingMode: "PAY_PER_REQUEST",
      hashKey: schema.partitionKey,
      attribute: [
        { name: schema.partitionKey, type: "S" },
        { name: schema.statusAttribute, type: "S" },
        { name: schema.leaseAttribute, type: "N" },
      ],
      globalSecondaryIndex: [
        {
          name: schema.pendingIndex,
          hashKey: schema.statusAttribute,
          rangeKey: schema.leaseAttribute,
          projectionType: "INCLUDE",
          nonKeyAttributes: [...schema.pendingIndexAttributes],
        },
      ],
      ttl: { attributeName: schema.ttlAttribute, enabled: true },
      // DynamoDB creates a grant on the key when the table is created; readers need no key permission of their own.
      serverSideEncryption: { enabled: true, kmsKeyArn: props.platformKey.arn },
      pointInTimeRecovery: { enabled: false },
      deletionProtectionEnabled: false,
    });

    this.rule = new CloudwatchEventRule(this, "rule", {
      name: names.rule,
      description: "Athena queries that reached a final state, for the cost monitor",
      eventPattern: JSON.stringify(EVENT_PATTERN),
    });
    const alerts = PlatformAlerts.getOrCreate(this, { topicName: names.alertTopic, keyAlias: names.alertKeyAlias, accountId: env.accountId });
    this.deadLetters = new DeadLetterQueue(this, "dead_letters", {
      queueName: names.deadLetterQueue,
      eventRule: this.rule,
      alarmTopic: alerts.topic,
      key: props.platformKey,
    });

    const code = new TerraformAsset(this, "code", { path: props.assets.codeDirectory, type: AssetType.ARCHIVE });
    const resources = {
      accountId: env.accountId,
      region: env.region,
      queryLogBucketArn: props.queryLogBucket.bucket.arn,
      queryLogPrefix: prefix,
      keyArn: props.key.arn,
      alertMarkersTableArn: this.alertMarkers.arn,
      pendingAlertsIndex: IDEMPOTENCY_TABLE_SCHEMA.pendingIndex,
      webhookSecretArn: this.webhookSecret.arn,
    };
    // The secret's ARN, never its value: the Lambda reads the URL at run time.
    const variables: Record<string, string> = {
      [ENVIRONMENT.queryLogBucket]: props.queryLogBucket.bucket.bucket,
      [ENVIRONMENT.queryLogPrefix]: prefix,
      [ENVIRONMENT.queryLogKmsKeyId]: props.key.arn,
      [ENVIRONMENT.idempotencyTable]: this.alertMarkers.name,
      [ENVIRONMENT.slackWebhookSecretId]: this.webhookSecret.arn,
      [ENVIRONMENT.alertThresholdUsd]: String(settings.alertThresholdUsd ?? DEFAULTS.alertThresholdUsd),
      [ENVIRONMENT.workgroupThresholdsUsd]: terraformLiteral(JSON.stringify(settings.workgroupThresholdsUsd ?? {})),
      [ENVIRONMENT.pricePerTerabyteUsd]: String(settings.pricePerTerabyteUsd ?? DEFAULTS.pricePerTerabyteUsd),
      [ENVIRONMENT.sweepLookbackMinutes]: String(props.sweepLookbackMinutes ?? DEFAULTS.costMonitorSweepLookbackMinutes),
    };
    const common = {
      code,
      environment: variables,
      memoryMb: props.memoryMb ?? DEFAULTS.costMonitorMemoryMb,
      logRetentionDays: props.logRetentionDays ?? DEFAULTS.costMonitorLogRetentionDays,
      deadLetterQueue: this.deadLetters.queue,
      key: props.platformKey,
      region: env.region,
    };
    // No reserved concurrency unless the organisation asks for it: an account whose concurrency quota is 10 (new
    // accounts) keeps 100 unreserved and so rejects any reservation (Lambda Developer Guide, "Reserved concurrency").
    const reserved = settings.reservedConcurrency ?? {};

    this.eventFunction = new CostMonitorFunction(this, "event", {
      ...common,
      functionName: names.eventFunction,
      roleName: names.eventRole,
      description: "Prices each finished Athena query, logs it to the lake and alerts Slack about expensive ones",
      handler: LAMBDA_HANDLERS.event,
      statements: eventHandlerStatements(resources),
      timeoutSeconds: props.eventTimeoutSeconds ?? DEFAULTS.costMonitorEventTimeoutSeconds,
      reservedConcurrency: reserved.event,
      // Slack outages are retried by Lambda twice, then kept in the dead-letter queue for a replay.
      retryAttempts: 2,
    });
    this.sweepFunction = new CostMonitorFunction(this, "sweep", {
      ...common,
      functionName: names.sweepFunction,
      roleName: names.sweepRole,
      description: "Prices Athena queries whose EventBridge event never arrived",
      handler: LAMBDA_HANDLERS.sweep,
      statements: sweepStatements(resources),
      timeoutSeconds: props.sweepTimeoutSeconds ?? DEFAULTS.costMonitorSweepTimeoutSeconds,
      reservedConcurrency: reserved.sweep,
      // The next run repeats the work anyway; a failed run goes straight to the queue, where the alarm sees it.
      retryAttempts: 0,
    });

    // Same bundle and environment (one configuration contract); it reads only the webhook secret. SNS invokes it
    // asynchronously, so Lambda's retries and then the dead-letter queue keep an alert Slack refused.
    this.transformAlertsFunction = new CostMonitorFunction(this, "transform_alerts", {
      ...common,
      functionName: names.transformAlertsFunction,
      description: "Posts failed transforms (each domain's transform-failures topic) and platform alarms (platform-alerts) to Slack",
      handler: LAMBDA_HANDLERS.transformFailure,
      statements: transformAlertStatements(resources),
      timeoutSeconds: props.transformAlertTimeoutSeconds ?? DEFAULTS.costMonitorTransformAlertTimeoutSeconds,
      reservedConcurrency: reserved.transformAlerts,
      retryAttempts: 2,
    });
    // One statement for every domain, not one per domain stack: a function's policy is limited to 20 KB (about 50
    // per-topic statements), and Baikal runs hundreds of domains. Lambda compares SourceArn with ArnLike, field by
    // field, so `*` stays inside the topic name: the pattern `<org>-*-transform-failures` matches each domain's
    // topic, and only topics of this environment's account (SourceAccount too) and region. That is safe because
    // only Baikal names topics `<org>-<domain>-transform-failures` in the deploy account, and a topic that matched
    // by accident would still reach the function only if someone in this account subscribed it to it.
    this.transformAlertsPermission = new LambdaPermission(this, "transform_alerts_permission", {
      statementId: "TransformFailureTopics",
      action: "lambda:InvokeFunction",
      functionName: this.transformAlertsFunction.function.functionName,
      principal: "sns.amazonaws.com",
      sourceAccount: env.accountId,
      sourceArn: transformAlertTopicArnPattern(org, props.environment),
    });

    // Every alarm of the platform stack notifies the platform-alerts topic; without a subscriber nobody would hear
    // them, so they go to the same Slack channel. The topic may invoke the function, and no other topic through this
    // statement.
    this.platformAlertsSubscription = alerts.deliverTo(this.transformAlertsFunction.function);

    new CloudwatchEventTarget(this, "rule_target", {
      rule: this.rule.name,
      targetId: "cost-monitor-event",
      arn: this.eventFunction.function.arn,
      // EventBridge retries only failed deliveries (throttling, missing permission), for at most an hour.
      retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
      deadLetterConfig: { arn: this.deadLetters.queue.arn },
    });
    new LambdaPermission(this, "rule_permission", {
      statementId: "AthenaQueryStateChangeRule",
      action: "lambda:InvokeFunction",
      functionName: this.eventFunction.function.functionName,
      principal: "events.amazonaws.com",
      sourceArn: this.rule.arn,
    });

    new SweepSchedule(this, "schedule", {
      scheduleName: names.schedule,
      roleName: names.schedulerRole,
      scheduleExpression: props.sweepSchedule ?? DEFAULTS.costMonitorSweepSchedule,
      target: this.sweepFunction.function,
      accountId: env.accountId,
      region: env.region,
      deadLetterQueue: this.deadLetters.queue,
      key: props.platformKey,
    });
  }
}

/** Every problem with the props at once; an empty list means they are fine. */
export function validateAthenaCostMonitorProps(props: AthenaCostMonitorProps): string[] {
  const problems: string[] = [];
  if (!existsSync(join(props.assets.codeDirectory, BUNDLE_FILE))) {
    problems.push(
      `no ${BUNDLE_FILE} in ${props.assets.codeDirectory}; await prepareCostMonitorAssets(outdir) and pass its result before building the stack`,
    );
  }
  const secretName = props.settings.slackWebhookSecretName;
  if (!/^[A-Za-z0-9/_+=.@-]{1,512}$/.test(secretName)) {
    problems.push(`slackWebhookSecretName "${secretName}" is not a Secrets Manager name; use letters, digits and /_+=.@-, e.g. "baikal/athena-cost-monitor/slack-webhook"`);
  }
  for (const workgroup of Object.keys(props.settings.workgroupThresholdsUsd ?? {})) {
    if (!/^[0-9A-Za-z_.-]{1,128}$/.test(workgroup)) {
      problems.push(`workgroupThresholdsUsd: "${workgroup}" is not an Athena workgroup name; use letters, digits and _.- (up to 128)`);
    }
  }
  return problems;
}
