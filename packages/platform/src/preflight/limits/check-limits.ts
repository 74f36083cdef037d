/**
 * AWS's limits on what the declarations say, checked when the project loads, at the place each value is declared:
 * descriptions and view text (Glue), bucket names (S3), LF-tags (Lake Formation), schedules (EventBridge
 * Scheduler), datasets (QuickSight) and state machine definitions (Step Functions). The limits are data
 * (aws-limits.json), generated from AWS's service models.
 */
import type { Project } from "../../loading/project.ts";
import type { Problem } from "../../problems/problem.ts";
import { descriptionLimits } from "./description-limits.ts";
import { nameLimits } from "./name-limits.ts";
import { quicksightLimits } from "./quicksight-limits.ts";
import { scheduleLimits } from "./schedule-limits.ts";
import { stateMachineLimits } from "./state-machine-limits.ts";
import { tagLimits } from "./tag-limits.ts";
import { viewTextLimits } from "./view-text-limits.ts";

export function checkLimits(project: Pick<Project, "organisation" | "domains" | "views" | "transforms">, configFile: string): Problem[] {
  const { organisation: org, domains } = project;
  return [
    ...nameLimits(org, configFile),
    ...tagLimits(org, domains, configFile),
    ...domains.flatMap((d) => [...descriptionLimits(d), ...scheduleLimits(d), ...quicksightLimits(org, d), ...stateMachineLimits(org, d, project.transforms ?? [])]),
    ...viewTextLimits(project.views.filter((v) => domains.some((d) => d.name === v.domain))),
  ];
}
