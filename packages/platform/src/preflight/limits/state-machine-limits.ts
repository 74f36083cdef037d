import { DEFAULTS } from "../../declarations/defaults.ts";
import { ingestionLocation } from "../../declarations/ingestion.ts";
import { tableLocation } from "../../declarations/table.ts";
import type { OrganisationDeclaration } from "../../declarations/organisation.ts";
import { snapshotExportNames } from "../../ingestion/ingestion-names.ts";
import { snapshotExportDefinition } from "../../ingestion/snapshot-export-definition.ts";
import type { Domain } from "../../loading/project.ts";
import { bucketName, environment, lakeKeyAlias } from "../../naming/names.ts";
import type { Problem } from "../../problems/problem.ts";
import type { ResolvedTransform } from "../../transforms/resolved-transform.ts";
import { stateMachineDefinition, utcOffset } from "../../transforms/state-machine-definition.ts";
import { transformAlertTopicArn, transformNames } from "../../transforms/transform-names.ts";
import { awsLimit, limitMessages } from "./aws-limits.ts";

/**
 * Each transform's and RDS export's state machine definition, built as its stack builds it (the SQL, every data test
 * and the transforms it starts are in it), against Step Functions' limit, reported at the declaration. The first
 * environment stands for all: only account ids and regions differ between them.
 */
export function stateMachineLimits(org: OrganisationDeclaration, domain: Domain, transforms: readonly ResolvedTransform[]): Problem[] {
  const env = Object.keys(org.environments)[0]!;
  const max = awsLimit("sfn-definition").max!;
  const problems: Problem[] = [];
  const topicArn = transformAlertTopicArn(org, env, domain.name);
  for (const t of transforms.filter((x) => x.domain === domain.name)) {
    const definition = stateMachineDefinition({
      transform: t,
      workgroup: domain.name,
      bucket: bucketName(org, env, "curated"),
      tablePrefix: `${t.domain}/${tableLocation(t.target)}`,
      topicArn,
      dependentArns: t.dependents.map((d) => transformNames(org, env, d.split(".")[0]!, d.split(".")[1]!).stateMachineArn),
      utcOffset: utcOffset(t.declaration.schedule?.timezone ?? "UTC"),
    });
    const size = JSON.stringify(definition).length;
    const index = (domain.transforms ?? []).findIndex((d) => d.name === t.name);
    if (size > max) problems.push({ source: domain.sourceFile, path: ["transforms", index], message: limitMessages.definitionSize(size) });
  }
  const { region, accountId } = environment(org, env);
  (domain.ingestions ?? []).forEach((ingestion, i) => {
    if (ingestion.kind !== "rds-snapshot-export") return;
    const names = snapshotExportNames(org, domain.name, ingestion.name);
    const definition = snapshotExportDefinition({
      id: `${domain.name}.${ingestion.name}`,
      ingestion,
      bucket: bucketName(org, env, "raw"),
      s3Prefix: `${domain.name}/${ingestionLocation(ingestion)}`.replace(/\/+$/, ""),
      exportTaskPrefix: names.exportTaskPrefix,
      exportRoleArn: `arn:aws:iam::${accountId}:role/${names.exportRole}`,
      kmsKeyId: `arn:aws:kms:${region}:${accountId}:${lakeKeyAlias(org)}`,
      topicArn,
      utcOffset: utcOffset((ingestion.schedule ?? DEFAULTS.ingestionExportSchedule).timezone),
    });
    const size = JSON.stringify(definition).length;
    if (size > max) problems.push({ source: domain.sourceFile, path: ["ingestions", i], message: limitMessages.definitionSize(size) });
  });
  return problems;
}
