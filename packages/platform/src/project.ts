/**
 * The light entry: loading and checking declarations without cdktf or the provider bindings, so
 * `baikal check` starts in a fraction of a second.
 */
export { loadProject, findProjectRoot, listDomainFiles, type LoadOptions } from "./loading/load-project.ts";
export { LoadSession } from "./loading/load-session.ts";
export { evaluateDeclarations, type Evaluated, type EvaluateOptions } from "./loading/evaluate-declarations.ts";
export { declarationEnvironment } from "./loading/loader-environment.ts";
export type { Project, Domain } from "./loading/project.ts";
export { DeclarationError, formatPath, formatProblem, type Problem } from "./problems/problem.ts";
export { stackNames, type StackName } from "./naming/stack-names.ts";
export { domainNameProblem } from "./declarations/domain.ts";
export { targetFromEnvironment, type DeployTarget } from "./stacks/deploy-target.ts";
export { compileGrants } from "./grants/compile-grants.ts";
export { formatRedashConfig, redashConfig, type RedashConfig } from "./bi/redash-config.ts";
export type { AccessEntry, CompiledGrants, EnvironmentGovernance } from "./grants/grant-model.ts";
export { formatBackfillPlan, planBackfill, MAX_PARTITIONS_PER_CHUNK } from "./transforms/backfill-plan.ts";
export type { BackfillChunk, BackfillPlan, BackfillRequest } from "./transforms/backfill-plan.ts";
export { stackFingerprints } from "./compiler/stack-fingerprints.ts";
export { analysisCacheFile } from "./caching/analysis-cache.ts";
export { loadUnitTests, relationShape, subjectIo, typeGiven, unitTestFiles, UNIT_TESTS_DIR } from "./loading/load-unit-tests.ts";
export type { LoadedUnitTest, RelationColumn, RelationShape, TypedRow, UnitTestSubject } from "./loading/load-unit-tests.ts";
export { typedValue, type TypedValue } from "./testing/typed-values.ts";
export { parseHiveType, formatHiveType, toTrinoType, type HiveType } from "./declarations/hive-type.ts";
export { renderForAnalysis } from "./transforms/run-parameters.ts";
export { buildViewCatalog } from "./views/view-catalog.ts";
export { closest, didYouMean } from "./problems/suggest.ts";
export { formatUntypedOutputColumn, untypedOutputColumns, type UntypedOutputColumn } from "./views/untyped-output-columns.ts";
