import { z } from "zod";

/**
 * Words Athena reserves in DDL and in SELECT statements (Athena User Guide, "Reserved keywords").
 * A table or column named after one of them works only when quoted everywhere, which every analyst
 * will forget at least once, so Baikal refuses them up front.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "all alter and array as authorization between bigint binary boolean both by case cashe cast char column conf " +
    "constraint commit create cross cube current current_date current_path current_role current_time " +
    "current_timestamp current_user cursor database date dayofweek deallocate decimal delete describe distinct " +
    "double drop else end escape except exchange execute exists extended external extract false fetch float floor " +
    "following for foreign from full function grant group grouping having if import in inner insert int integer " +
    "intersect interval into is join lateral left less like local localtime localtimestamp macro map more natural " +
    "none normalize not null numeric of on only or order out outer over partialscan partition percent preceding " +
    "precision prepare preserve primary procedure range reads recursive reduce references regexp revoke right " +
    "rlike rollback rollup row rows select set smallint start table tablesample then time timestamp to transform " +
    "trigger true truncate unbounded uescape union uniquejoin unnest update user using utc_timestamp values " +
    "varchar views when where window with"
  ).split(" "),
);

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** Why `name` cannot be a Glue/Athena identifier, or undefined when it can. */
export function identifierProblem(name: string, maxLength: number): string | undefined {
  if (!IDENTIFIER.test(name)) {
    const suggestion = name
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, "_")
      .replace(/^[^a-z]+/, "");
    return (
      `"${name}" is not a valid name: use lower-case letters, digits and "_", starting with a letter` +
      (suggestion && suggestion !== name ? ` (e.g. "${suggestion}")` : "")
    );
  }
  if (name.length > maxLength) return `"${name}" is ${name.length} characters long; the limit is ${maxLength}`;
  if (RESERVED_WORDS.has(name)) {
    return `"${name}" is an Athena reserved word and would need quoting in every query; choose another name (e.g. "${name}_value" or a more specific one)`;
  }
  return undefined;
}

/** A zod string that must be a usable Glue/Athena identifier. */
export function identifier(maxLength = 128) {
  return z.string().superRefine((name, ctx) => {
    const problem = identifierProblem(name, maxLength);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
