/**
 * Helpers for the tests of a domain package (`domains/<team>/test/*.test.ts`, `@baikal/platform/testing`): the
 * domain as `pnpm check` sees it, its tables' record contracts, and example records that follow every edit.
 */
export { type DomainUnderTest, domainUnderTest } from "./domain-under-test.ts";
export { exampleRecord } from "../contracts/example-record.ts";
export { recordSchema } from "../contracts/record-schema.ts";
export { domainDidNotLoad, notInADomain, unknownName } from "./testing-messages.ts";
