import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { lakeWriterRolePrefix } from "../naming/names.ts";

/**
 * AWS names of the cost monitor's resources. Each environment is its own account, so the organisation prefix
 * is unique enough, as for the lake-locations role; the longest name stays well under IAM's 64 characters.
 */
export function costMonitorNames(org: Pick<OrganisationDeclaration, "name">) {
  const prefix = `${org.name}-athena-cost`;
  return {
    eventFunction: `${prefix}-event`,
    sweepFunction: `${prefix}-sweep`,
    /** The two functions that write the query log to the lake run as lake writers (see `lakeWriterRolePrefix`). */
    eventRole: `${lakeWriterRolePrefix(org)}query-log-events`,
    sweepRole: `${lakeWriterRolePrefix(org)}query-log-sweep`,
    /** Domain stacks subscribe it to their transform-failures topics by this name, without reading state. */
    transformAlertsFunction: `${org.name}-transform-alerts`,
    rule: `${org.name}-athena-query-finished`,
    schedule: `${prefix}-sweep`,
    schedulerRole: `${prefix}-sweep-scheduler`,
    deadLetterQueue: `${prefix}-dead-letters`,
    alertMarkersTable: `${prefix}-alert-markers`,
    alertTopic: `${org.name}-platform-alerts`,
    alertKeyAlias: `alias/${org.name}-platform-alerts`,
  } as const;
}
