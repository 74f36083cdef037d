import { reservedWords } from "@baikal/sql/names";
import { z } from "zod";

/**
 * Names, refused only where AWS really cannot use them.
 *
 * - Columns and partition keys take any name Glue stores and Athena reads, as real schemas use them (`time`,
 *   `group`, `_id`, `order-priority`): Baikal quotes every name in the SQL it writes, and the SQL analysis tells
 *   view authors where Trino requires quotes. Refused: upper case (Athena folds names to lower case, so the
 *   column would be known by another name), a leading `$` (Athena's hidden columns), line breaks and control
 *   characters (Glue names are single-line text), and more than 255 characters (Glue's limit).
 * - Tables and views add S3 prefixes and file names to that: lower-case letters, digits, "_" and "-".
 * - Domains, transforms, ingestions, datasets and exports name AWS resources too (roles, state machines, stacks):
 *   lower-case letters, digits and "_", starting with a letter; a domain is a database every reader writes in
 *   SQL, so it may not be a word Athena reserves either.
 */

/** Glue's limit for database, table and column names. */
export const GLUE_NAME_LIMIT = 255;

const RESOURCE_NAME = /^[a-z][a-z0-9_]*$/;
const RELATION_NAME = /^[a-z0-9_][a-z0-9_-]*$/;

function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^[^a-z]+/, "");
}

function tooLong(name: string, maxLength: number): string | undefined {
  return name.length > maxLength ? `"${name}" is ${name.length} characters long; the limit is ${maxLength}` : undefined;
}

/** Why `name` cannot name a domain, transform, ingestion, dataset or export, or undefined when it can. */
export function identifierProblem(name: string, maxLength: number): string | undefined {
  if (!RESOURCE_NAME.test(name)) {
    const suggestion = snakeCase(name);
    return (
      `"${name}" is not a valid name: use lower-case letters, digits and "_", starting with a letter (it also names roles, state machines and stacks)` +
      (suggestion && suggestion !== name ? ` (e.g. "${suggestion}")` : "")
    );
  }
  return tooLong(name, maxLength);
}

/** Why `name` cannot name a domain's database: a resource name that is also no reserved word. */
export function databaseNameProblem(name: string, maxLength: number): string | undefined {
  const problem = identifierProblem(name, maxLength);
  if (problem) return problem;
  if (reservedWords().has(name.toUpperCase())) {
    return `"${name}" is a reserved word in Athena SQL, so every query would have to quote the database ("${name}".table); choose another name (e.g. "${name}_data")`;
  }
  return undefined;
}

/** Why `name` cannot name a column, a partition key or a row field Glue stores, or undefined when it can. */
export function columnNameProblem(name: string): string | undefined {
  if (name.length === 0) return "a name cannot be empty";
  if (/[\u0000-\u001f\u007f]/.test(name)) return `"${name.replace(/[\u0000-\u001f\u007f]/g, "?")}" holds a line break or control character; Glue names are single-line text`;
  if (name !== name.toLowerCase()) {
    return `"${name}" has capitals, but Athena folds names to lower case and would call it "${name.toLowerCase()}"; declare it as "${name.toLowerCase()}" (Parquet and JSON fields match it whatever their case)`;
  }
  if (name.startsWith("$")) return `"${name}" starts with "$", which marks Athena's hidden columns ("$path", "$file_size", ...); choose another name`;
  return tooLong(name, GLUE_NAME_LIMIT);
}

/** Why `name` cannot name a table or view (also an S3 prefix and a file name), or undefined when it can. */
export function relationNameProblem(name: string): string | undefined {
  if (!RELATION_NAME.test(name)) {
    const suggestion = snakeCase(name);
    return (
      `"${name}" is not a valid table or view name: use lower-case letters, digits, "_" and "-" (it also names the S3 prefix and the .sql file)` +
      (suggestion && suggestion !== name ? ` (e.g. "${suggestion}")` : "")
    );
  }
  return tooLong(name, GLUE_NAME_LIMIT);
}

function refined(problem: (name: string) => string | undefined) {
  return z.string().superRefine((name, ctx) => {
    const message = problem(name);
    if (message) ctx.addIssue({ code: "custom", message });
  });
}

/** A zod string for the name of a domain, transform, ingestion, dataset or export. */
export function identifier(maxLength = 128) {
  return refined((name) => identifierProblem(name, maxLength));
}

/** A zod string for the name of a column, partition key or data-test column. */
export const columnName = refined(columnNameProblem);

/** A zod string for the name of a table or view. */
export const relationName = refined(relationNameProblem);
