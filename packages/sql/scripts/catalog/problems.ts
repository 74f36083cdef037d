/**
 * Every problem the generator reports, built in one place so tests match the exact text. Each says which file and
 * entry, what is wrong and what to do; "missing" means the docs have more than the JSON files say, "stale" that the
 * JSON files name something the docs no longer have, "invalid" that an entry cannot be read.
 */

const OVERLAY = "signature-overlay.json";
const ATHENA = "athena-exceptions.json";
const FOREIGN = "foreign-functions.json";

export const problems = {
  missingFunction: (name: string, documented: readonly { page: string; line: number; text: string }[]) =>
    [
      `missing: ${name} is documented but ${OVERLAY} has no functions.${name}; add it with types for:`,
      ...documented.map((doc) => `    ${doc.page}:${doc.line}: "${doc.text}"`),
    ].join("\n"),
  missingSignature: (name: string, page: string, line: number, text: string) =>
    `missing: ${page}:${line}: "${text}" has no types in ${OVERLAY} functions.${name}; add the key with its signatures`,
  noSignatures: (name: string, text: string) => `invalid: ${OVERLAY} functions.${name}["${text}"] lists no signatures`,
  invalidSignature: (where: string, message: string) => `invalid: ${where}: ${message}`,
  staleSignature: (name: string, key: string) =>
    `stale: ${OVERLAY} functions.${name}["${key}"]: the docs no longer document this signature; remove or rename the key`,
  staleFunction: (name: string) => `stale: ${OVERLAY} functions.${name}: the docs no longer document ${name}; remove the entry`,
  staleProse: (name: string) => `stale: ${OVERLAY} prose.${name}: functions/list.md no longer lists ${name}; remove the entry`,
  proseNowDirective: (name: string) =>
    `stale: ${OVERLAY} prose.${name}: the docs now document ${name} with a directive; move its signatures to functions.${name}`,
  indexNotCovered: (name: string, link: string) =>
    `missing: functions/list.md lists ${name} (${link}) without a function directive; add it to prose or indexExclusions in ${OVERLAY}`,
  staleExclusion: (name: string) => `stale: ${OVERLAY} indexExclusions.${name}: functions/list.md no longer lists ${name}; remove it`,
  aliasWithoutTarget: (where: string, name: string, target: string) =>
    `invalid: ${where}: ${name} is documented as an alias for ${target}, which the catalog does not have`,
  aliasMismatch: (where: string, name: string, target: string, actual: readonly string[], expected: readonly string[]) =>
    `invalid: ${where}: ${name} is documented as an alias for ${target} but their signatures differ; make them equal in ${OVERLAY}:\n` +
    `    ${name}: ${actual.join(" ")}\n    ${target}: ${expected.join(" ")}`,
  topicNotListed: (page: string, source: string) =>
    `missing: Trino documents the topic ${page}, which ${ATHENA} neither lists in topics.pages (Athena links it) nor in unsupportedTopics; check ${source}`,
  staleTopic: (page: string) => `stale: ${ATHENA} names the topic ${page}, which the Trino docs no longer have; remove it`,
  staleUnsupported: (name: string) => `stale: ${ATHENA} unsupported.${name}: the catalog has no function ${name}; remove the entry`,
  staleNote: (name: string) => `stale: ${ATHENA} notes.${name}: the catalog has no function ${name}; remove the entry`,
  staleAddition: (name: string) => `stale: ${ATHENA} additions.${name}: Trino now documents ${name}; remove the addition`,
  foreignNotLowerCase: (name: string) => `invalid: ${FOREIGN} functions.${name}: write the name in lower case`,
  foreignShadowsTrino: (name: string) =>
    `stale: ${FOREIGN} functions.${name}: Trino has a function ${name}; remove the entry or mark it "trinoHasName": true with the foreign "signature"`,
  foreignNotInTrino: (name: string) => `stale: ${FOREIGN} functions.${name}: marked trinoHasName, but the catalog has no function ${name}; drop the mark`,
  foreignWithoutSignature: (name: string) => `invalid: ${FOREIGN} functions.${name}: trinoHasName needs the foreign "signature" that tells the calls apart`,
  foreignIncomplete: (name: string) => `invalid: ${FOREIGN} functions.${name}: needs a dialect and a replacement`,
};
