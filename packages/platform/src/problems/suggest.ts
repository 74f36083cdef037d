/**
 * "Did you mean" is the same for SQL names and declaration keys, so there is one implementation: the SQL
 * package's (optimal string alignment, so a swapped pair of letters is one edit). Its own entry point loads
 * no parser.
 */
export { closest, didYouMean } from "@baikal/sql/suggest";
