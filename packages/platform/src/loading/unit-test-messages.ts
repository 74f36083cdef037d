/** Messages about unit test files, in one place so tests can use them. */
import { didYouMean } from "../problems/suggest.ts";

const list = (names: readonly string[]) => (names.length > 0 ? names.join(", ") : "none");

export const unitTestMessages = {
  notDefined: () => 'must `export default defineUnitTests([...])` from "@baikal/platform/declare"',
  unknownSubject: (kind: "view" | "transform", name: string, domain: string, known: readonly string[]) =>
    `${domain} has no ${kind} "${name}"${didYouMean(name, known)} (${kind}s: ${list(known)})`,
  notRead: (given: string, subject: string, read: readonly string[]) =>
    `${subject} does not read "${given}"${didYouMean(given, read)}; give rows only for what it reads (${list(read)})`,
  unknownColumn: (column: string, relation: string, columns: readonly string[]) =>
    `unknown column "${column}" in ${relation}${didYouMean(column, columns)} (columns: ${list(columns)})`,
  missingRequired: (column: string, relation: string) =>
    `the required column "${column}" of ${relation} is missing; producers always send it, so give it a value`,
  expectColumnsDiffer: (first: readonly string[], these: readonly string[]) =>
    `every expected row must name the same columns: the first names ${list(first)}, this one ${list(these)}`,
};
