/**
 * What domain packages and `baikal.config.ts` import. It holds data shapes only (no cdktf), so a domain's
 * declaration loads in milliseconds and cannot create resources of its own.
 */
export { defineDomain } from "./declarations/domain.ts";
export type { DomainInput, DomainDeclaration } from "./declarations/domain.ts";
export { defineOrganisation } from "./declarations/organisation.ts";
export type { OrganisationInput, OrganisationDeclaration } from "./declarations/organisation.ts";
export type {
  ColumnDeclaration,
  ColumnInput,
  PartitionKeyDeclaration,
  PartitionKeyInput,
  TableDeclaration,
  TableInput,
} from "./declarations/table.ts";
export { defineUnitTests } from "./declarations/unit-test.ts";
export type { UnitTestInput, UnitTestDeclaration } from "./declarations/unit-test.ts";
