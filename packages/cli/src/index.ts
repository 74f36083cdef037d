export { main, program } from "./main.ts";
export { plan, formatPlanTable } from "./commands/plan.ts";
export { synth } from "./commands/synth.ts";
export { summarizePlan } from "./terraform/plan-summary.ts";
