import { resourcesOf } from "../stack/synthesized-stack.ts";
import { valueAt } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const catalogEncrypted: Rule = {
  id: "glue-catalog-encrypted",
  summary: "The platform stack encrypts the Glue Data Catalog and its connection passwords with a customer-managed key",
  explanation: "Table and view definitions, their SQL and descriptions live in the Data Catalog; aws_glue_data_catalog_encryption_settings turns on SSE-KMS for them, once per account and region.",
  documentation: "https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html",
  equivalents: ["checkov CKV_AWS_94"],
  severity: "error",
  check(stack) {
    if (stack.owner !== "platform") return [];
    const settings = resourcesOf(stack, "aws_glue_data_catalog_encryption_settings");
    if (settings.length === 0) return [{ where: stack.name, message: "no aws_glue_data_catalog_encryption_settings: the catalog's metadata is not encrypted with a key of the organisation" }];
    return settings.flatMap(([name, s]) => {
      const mode = valueAt(s, ["data_catalog_encryption_settings", "encryption_at_rest", "catalog_encryption_mode"]);
      const passwords = valueAt(s, ["data_catalog_encryption_settings", "connection_password_encryption", "return_connection_password_encrypted"]);
      return mode === "SSE-KMS" && passwords === true ? [] : [{ where: `aws_glue_data_catalog_encryption_settings.${name}`, message: `catalog encryption is ${String(mode)}, connection passwords encrypted: ${String(passwords)}` }];
    });
  },
};
