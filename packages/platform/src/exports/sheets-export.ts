import { quoteIdentifier, quoteName } from "@baikal/sql/names";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { SheetsExportDeclaration } from "../declarations/export.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import {
  CloudwatchLogGroup,
  DataAwsIamPolicyDocument,
  IamRole,
  IamRolePolicy,
  LambdaFunction,
  LambdaFunctionEventInvokeConfig,
  SchedulerSchedule,
  SecretsmanagerSecret,
} from "../iac/aws.ts";
import { AssetType, Construct, TerraformAsset, type TerraformResource, TerraformStack } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { environment } from "../naming/names.ts";
import type { TransformAlerts } from "../transforms/transform-alerts.ts";
import { addScheduledStart } from "../transforms/scheduled-start.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { exportNames, sheetsServiceAccountSecretName } from "./export-names.ts";
import { viewQueryStatements } from "./export-permissions.ts";
import type { ExportKeys } from "./domain-exports.ts";
import type { SheetsExporterAssets } from "./prepare-sheets-exporter-assets.ts";
import { SHEETS_EXPORTER_ENVIRONMENT as ENV, SHEETS_EXPORTER_HANDLER, SHEETS_EXPORTER_RUNTIME } from "./sheets-exporter-package.ts";

export interface SheetsExportProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: string;
  readonly export: SheetsExportDeclaration;
  readonly view: ResolvedView;
  readonly views: readonly ResolvedView[];
  readonly workgroup: string;
  readonly alerts: TransformAlerts;
  readonly assets: SheetsExporterAssets;
  readonly keys: ExportKeys;
  /** The view's Glue table and the workgroup: the function is created after them. @default [] */
  readonly dependsOn?: readonly TerraformResource[];
}

/** Stack-level ids: `aws_secretsmanager_secret.sheets_service_account`, and the one zipped bundle per stack. */
const SECRET_ID = "sheets_service_account";
const CODE_ID = "sheets_exporter_code";

/**
 * The domain's Google service-account key, one secret per domain stack, created without a value (it is put by hand,
 * so it never reaches Terraform state). Only this domain's Sheets exports may read it.
 */
export function sheetsServiceAccountSecret(scope: Construct, org: OrganisationDeclaration, domain: string, platformKeyArn: string): SecretsmanagerSecret {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(SECRET_ID);
  if (existing instanceof SecretsmanagerSecret) return existing;
  const name = sheetsServiceAccountSecretName(org, domain);
  return new SecretsmanagerSecret(stack, SECRET_ID, {
    name,
    description: `JSON key of domain ${domain}'s Google service account, for its Google Sheets exports; set with aws secretsmanager put-secret-value --secret-id ${name} --secret-string file://key.json`,
    kmsKeyId: platformKeyArn,
  });
}

function exporterCode(scope: Construct, assets: SheetsExporterAssets): TerraformAsset {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(CODE_ID);
  return existing instanceof TerraformAsset ? existing : new TerraformAsset(stack, CODE_ID, { path: assets.codeDirectory, type: AssetType.ARCHIVE });
}

/**
 * A view sent to a tab of a Google spreadsheet on a schedule: a function of `@baikal/sheets-exporter` that runs the
 * view in the domain's workgroup and replaces the tab with the result, its role (the export's reader, granted the
 * view's lineage by the grants compiler), its log group, and an EventBridge Scheduler schedule that invokes it.
 */
export class SheetsExport extends Construct {
  readonly role: IamRole;
  readonly function: LambdaFunction;
  readonly schedule: SchedulerSchedule;

  constructor(scope: Construct, id: string, props: SheetsExportProps) {
    super(scope, id);
    const { organisation: org, environment: env, export: e } = props;
    const { accountId, region } = environment(org, env);
    const names = exportNames(org, env, props.domain, e.name);
    const label = `${props.domain}.${e.name}`;
    const secret = sheetsServiceAccountSecret(scope, org, props.domain, props.keys.platformKeyArn);

    const logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `/aws/lambda/${names.function}`,
      retentionInDays: DEFAULTS.exportLogRetentionDays,
      kmsKeyId: props.keys.platformKeyArn,
    });
    this.role = new IamRole(this, "role", {
      name: names.role,
      description: terraformLiteral(`Runs export ${label}: reads ${props.domain}.${e.view} through Lake Formation and writes Google Sheets`),
      // Lambda assumes execution roles without source-account context, so the trust names the service only.
      assumeRolePolicy: new DataAwsIamPolicyDocument(this, "trust", {
        statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }] }],
      }).json,
    });
    const access = new DataAwsIamPolicyDocument(this, "access", {
      statement: [
        { sid: "WriteOwnLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:*`] },
        { sid: "ReadTheServiceAccountKey", actions: ["secretsmanager:GetSecretValue"], resources: [secret.arn] },
        {
          // The secret is encrypted with the platform key; Secrets Manager decrypts it on the function's behalf, and only it may.
          sid: "UseThePlatformKeyThroughSecretsManager",
          actions: ["kms:Decrypt"],
          resources: [props.keys.platformKeyArn],
          condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${region}.amazonaws.com`] }],
        },
        ...viewQueryStatements({ organisation: org, environment: env, view: props.view, views: props.views, workgroup: props.workgroup, topicArn: props.alerts.topicArn }),
      ],
    });
    const policy = new IamRolePolicy(this, "access_policy", { role: this.role.id, name: "run-export", policy: access.json });

    // The view's columns, in the declared order: the header row is exactly what the view declares.
    const columns = props.view.declaration.columns.map((c) => quoteIdentifier(c.name)).join(", ");
    const destination = e.destination;
    this.function = new LambdaFunction(this, MAIN_RESOURCE_ID, {
      functionName: names.function,
      description: terraformLiteral(`Replaces tab "${destination.sheet}" with ${props.domain}.${e.view} (export ${label})`.slice(0, 256)),
      role: this.role.arn,
      handler: SHEETS_EXPORTER_HANDLER,
      runtime: SHEETS_EXPORTER_RUNTIME,
      architectures: ["arm64"],
      filename: exporterCode(this, props.assets).path,
      sourceCodeHash: exporterCode(this, props.assets).assetHash,
      timeout: DEFAULTS.sheetsExportTimeoutSeconds,
      memorySize: DEFAULTS.sheetsExportMemoryMb,
      environment: {
        variables: {
          [ENV.exportId]: label,
          [ENV.query]: terraformLiteral(`SELECT ${columns} FROM ${quoteName(props.domain, e.view)}`),
          [ENV.database]: props.domain,
          [ENV.workgroup]: props.workgroup,
          [ENV.spreadsheetId]: destination.spreadsheetId,
          [ENV.sheet]: terraformLiteral(destination.sheet),
          // The secret's ARN, never its value: the function reads the key at run time.
          [ENV.serviceAccountSecretId]: secret.arn,
          [ENV.failureTopicArn]: props.alerts.topicArn,
        },
      },
      loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
      dependsOn: [policy, ...(props.dependsOn ?? [])],
    });
    // A failed run has already said so on the failure topic; the next scheduled run sends the view again.
    new LambdaFunctionEventInvokeConfig(this, "async_invoke", { functionName: this.function.functionName, maximumRetryAttempts: 0 });

    this.schedule = addScheduledStart(this, {
      targetArn: this.function.arn,
      targetAction: "lambda:InvokeFunction",
      accountId,
      schedule: e.schedule,
      roleName: names.schedulerRole,
      scheduleName: names.schedule,
      what: `export ${label}`,
      scheduleDescription: `Sends ${props.domain}.${e.view} to Google Sheets tab "${destination.sheet}" (export ${label})`,
      sid: "InvokeThisExportOnly",
      policyName: "invoke-export",
    });
  }
}
