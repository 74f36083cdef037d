import { z } from "zod";
import { parseHiveType } from "./hive-type.ts";

/** A zod string holding a Hive type; parse errors become issues at the column's `type`. */
export const hiveTypeString = z.string().superRefine((text, ctx) => {
  const result = parseHiveType(text);
  if ("error" in result) ctx.addIssue({ code: "custom", message: result.error });
});
