import { createHash } from "node:crypto";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { environment, lakeWriterRolePrefix } from "../naming/names.ts";

/** Cuts a name to AWS's limit, keeping it unique with a short hash of the whole. */
export function bounded(name: string, max: number): string {
  if (name.length <= max) return name;
  return `${name.slice(0, max - 9)}-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
}

/**
 * AWS names of a transform's resources, derived from config so that another domain's stack can start this
 * transform's state machine by ARN without reading Terraform state.
 */
export function transformNames(org: OrganisationDeclaration, env: string, domain: string, transform: string) {
  const e = environment(org, env);
  const base = `${org.name}-${domain}-${transform}`;
  const stateMachine = bounded(base, 80);
  return {
    stateMachine,
    stateMachineArn: `arn:aws:states:${e.region}:${e.accountId}:stateMachine:${stateMachine}`,
    /** A lake writer: the curated bucket's policy lets `<org>-lake-writer-*` roles read, its IAM its target only. */
    runRole: bounded(`${lakeWriterRolePrefix(org)}${domain}-${transform}`, 64),
    schedule: bounded(`${domain}-${transform}`, 64),
    schedulerRole: bounded(`${base}-schedule`, 64),
  };
}

export const transformAlertTopicName = (org: OrganisationDeclaration, domain: string) => `${org.name}-${domain}-transform-failures`;

/** The ARN of a domain's transform-failures topic, known from config. */
export function transformAlertTopicArn(org: OrganisationDeclaration, env: string, domain: string): string {
  const e = environment(org, env);
  return `arn:aws:sns:${e.region}:${e.accountId}:${transformAlertTopicName(org, domain)}`;
}

/**
 * An ArnLike pattern (`*` for the domain) matching the transform-failures topic of every domain of the
 * organisation in one environment: `arn:aws:sns:<region>:<account>:<org>-*-transform-failures`.
 */
export const transformAlertTopicArnPattern = (org: OrganisationDeclaration, env: string) => transformAlertTopicArn(org, env, "*");
