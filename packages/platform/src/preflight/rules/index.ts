/** Baikal's rule set, in the order `check` lists findings. Add a rule by adding its file and its line here. */
import { bucketsEncrypted } from "./buckets-encrypted.ts";
import { catalogEncrypted } from "./catalog-encrypted.ts";
import { crossAccountSharesAccepted } from "./cross-account-shares-accepted.ts";
import { keyArnsWhereServicesCreateGrants } from "./key-arns-where-services-create-grants.ts";
import { keyPoliciesUseThroughServices } from "./key-policies-use-through-services.ts";
import { lakeReadOnlyThroughLakeFormation } from "./lake-read-only-through-lake-formation.ts";
import { lambdaPolicySize } from "./lambda-policy-size.ts";
import { logGroupsEncrypted } from "./log-groups-encrypted.ts";
import { queryingRolesReachDefaultDatabase } from "./querying-roles-reach-default-database.ts";
import { queuesEncrypted } from "./queues-encrypted.ts";
import { quicksightDatasetsOwned } from "./quicksight-datasets-owned.ts";
import { reservedConcurrencyOnlyWhenConfigured } from "./reserved-concurrency-only-when-configured.ts";
import type { Rule } from "./rule.ts";
import { secretsEncrypted } from "./secrets-encrypted.ts";
import { spiceDatasetsAfterGrants } from "./spice-datasets-after-grants.ts";
import { stateMachinesLog } from "./state-machines-log.ts";
import { tablesEncrypted } from "./tables-encrypted.ts";
import { topicsEncrypted } from "./topics-encrypted.ts";

export type { Rule, RuleContext, RuleViolation } from "./rule.ts";

export const RULES: readonly Rule[] = [
  queryingRolesReachDefaultDatabase,
  reservedConcurrencyOnlyWhenConfigured,
  lambdaPolicySize,
  keyArnsWhereServicesCreateGrants,
  keyPoliciesUseThroughServices,
  logGroupsEncrypted,
  topicsEncrypted,
  queuesEncrypted,
  tablesEncrypted,
  secretsEncrypted,
  bucketsEncrypted,
  catalogEncrypted,
  stateMachinesLog,
  lakeReadOnlyThroughLakeFormation,
  quicksightDatasetsOwned,
  spiceDatasetsAfterGrants,
  crossAccountSharesAccepted,
];
