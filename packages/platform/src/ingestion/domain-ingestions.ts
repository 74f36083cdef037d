import type { DataTable } from "../catalog/data-table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Construct } from "../iac/cdktf.ts";
import type { Domain } from "../loading/project.ts";
import { TransformAlerts } from "../transforms/transform-alerts.ts";
import type { DomainKeyArns } from "../transforms/domain-transforms.ts";
import { SalesforceFlows } from "./salesforce-flows.ts";
import { SnapshotExport } from "./snapshot-export.ts";

export interface DomainIngestionsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: Domain;
  /** The stack's tables by name, so each flow is created after the table it fills. */
  readonly tables: ReadonlyMap<string, DataTable>;
  /** The lake key (AppFlow encrypts with it) and the platform key (export logs). */
  readonly keys: DomainKeyArns;
}

/**
 * What a domain stack holds for its ingestions, each under `ingestion_<name>`: an RDS snapshot export's state
 * machine, roles and schedule (failures go to the domain's transform-failures topic), or an AppFlow flow per
 * Salesforce object. Their tables are ordinary tables of the stack, added when the project loaded.
 */
export function addDomainIngestions(stack: Construct, props: DomainIngestionsProps): Map<string, SnapshotExport | SalesforceFlows> {
  const { organisation, environment: env, domain } = props;
  const added = new Map<string, SnapshotExport | SalesforceFlows>();
  for (const ingestion of domain.ingestions ?? []) {
    const id = `ingestion_${ingestion.name}`;
    if (ingestion.kind === "rds-snapshot-export") {
      const alerts = TransformAlerts.getOrCreate(stack, { organisation, environment: env, domain: domain.name });
      added.set(ingestion.name, new SnapshotExport(stack, id, { organisation, environment: env, domain: domain.name, ingestion, alerts, logKeyArn: props.keys.platformKeyArn! }));
    } else {
      const tables = new Map([...props.tables].map(([name, table]) => [name, table.glueTable]));
      added.set(ingestion.name, new SalesforceFlows(stack, id, { organisation, environment: env, domain: domain.name, ingestion, tables, kmsKeyArn: props.keys.lakeKeyArn }));
    }
  }
  return added;
}
