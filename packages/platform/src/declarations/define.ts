/**
 * The functions a `domain.ts` and `baikal.config.ts` call. They only mark the object; checking happens later,
 * with every other declaration. This module imports no values (types only), so the loader, which bundles
 * `@baikal/platform/declare` into every declaration file it evaluates, bundles a few lines and not zod.
 */
import type { DomainInput } from "./domain.ts";
import type { OrganisationInput } from "./organisation.ts";
import type { UnitTestInput } from "./unit-test.ts";

// Registered symbols (Symbol.for): the loader's child process carries them back with the declaration.
const DOMAIN = Symbol.for("baikal.domain");
const ORGANISATION = Symbol.for("baikal.organisation");
const UNIT_TESTS = Symbol.for("baikal.unit-tests");

/** What a domain's `domain.ts` exports by default: the declaration, checked later with every other one. */
export interface DefinedDomain {
  readonly [DOMAIN]: true;
  readonly declaration: DomainInput;
}

/**
 * Declares a domain: its tables (and, later, views, transforms, grants and datasets).
 * Nothing is checked here so that `baikal check` can report every domain's problems at once.
 */
export function defineDomain(declaration: DomainInput): DefinedDomain {
  return { [DOMAIN]: true, declaration };
}

export function isDefinedDomain(value: unknown): value is DefinedDomain {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DOMAIN] === true;
}

export interface DefinedOrganisation {
  readonly [ORGANISATION]: true;
  readonly declaration: OrganisationInput;
}

/** Declares the organisation: environments, Lake Formation admins, principals and platform settings. */
export function defineOrganisation(declaration: OrganisationInput): DefinedOrganisation {
  return { [ORGANISATION]: true, declaration };
}

export function isDefinedOrganisation(value: unknown): value is DefinedOrganisation {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ORGANISATION] === true;
}

/** What a `domains/<team>/tests/*.ts` file exports by default. */
export interface DefinedUnitTests {
  readonly [UNIT_TESTS]: true;
  readonly declaration: readonly UnitTestInput[];
}

/** Declares unit tests of the domain's views and transforms; `baikal test` checks and runs them. */
export function defineUnitTests(tests: readonly UnitTestInput[]): DefinedUnitTests {
  return { [UNIT_TESTS]: true, declaration: tests };
}

export function isDefinedUnitTests(value: unknown): value is DefinedUnitTests {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[UNIT_TESTS] === true;
}
