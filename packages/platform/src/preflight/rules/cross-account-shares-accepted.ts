import { resourcesOf } from "../stack/synthesized-stack.ts";
import type { Rule } from "./rule.ts";

export const crossAccountSharesAccepted: Rule = {
  id: "ram-share-accepted",
  summary: "A consumer account declares how it receives the shares: in the same AWS Organization, or accepting the RAM share in its stack",
  explanation:
    "Lake Formation (cross-account version 3 and later) shares through AWS RAM. Outside one Organization with RAM sharing enabled, the consumer account must accept the share's invitation before its resource links and grants work. The consumer stack accepts it (aws_ram_resource_share_accepter) once crossAccountSharing names the share; until then its plan fails with the step to take.",
  documentation: "https://docs.aws.amazon.com/lake-formation/latest/dg/accepting-ram-invite.html",
  equivalents: [],
  severity: "warning",
  check: (stack) =>
    stack.owner !== "consumer"
      ? []
      : resourcesOf(stack, "aws_glue_catalog_database")
          .filter(([, link]) => Array.isArray((link.lifecycle as { precondition?: unknown[] } | undefined)?.precondition))
          .map(([name, link]) => ({
            where: `aws_glue_catalog_database.${name}`,
            message: String(((link.lifecycle as { precondition: { error_message: string }[] }).precondition[0]!).error_message),
          })),
};
