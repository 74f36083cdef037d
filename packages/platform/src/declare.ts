/**
 * What domain packages and `baikal.config.ts` import. It holds data shapes only (no cdktf), so a domain's
 * declaration loads in milliseconds and cannot create resources of its own. The loader bundles this module
 * into every declaration file it evaluates: export values only from modules that import no values
 * themselves (like `declarations/define.ts`), types from anywhere.
 */
export { defineDomain, defineOrganisation, defineUnitTests } from "./declarations/define.ts";
export type { DomainInput, DomainDeclaration } from "./declarations/domain.ts";
export type { OrganisationInput, OrganisationDeclaration } from "./declarations/organisation.ts";
export type {
  ColumnDeclaration,
  ColumnInput,
  PartitionKeyDeclaration,
  PartitionKeyInput,
  TableDeclaration,
  TableInput,
} from "./declarations/table.ts";
export type { ExportDeclaration, ExportInput } from "./declarations/export.ts";
export type { UnitTestInput, UnitTestDeclaration } from "./declarations/unit-test.ts";
