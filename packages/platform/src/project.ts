/**
 * The light entry: loading and checking declarations without cdktf or the provider bindings, so
 * `baikal check` starts in a fraction of a second.
 */
export { loadProject, findProjectRoot, listDomainFiles, LoadSession, type LoadOptions } from "./loading/load-project.ts";
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
export { closest, didYouMean } from "./problems/suggest.ts";
