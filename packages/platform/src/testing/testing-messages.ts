/** Messages of `@baikal/platform/testing`, built in one place so tests can import them. */
import { didYouMean } from "../problems/suggest.ts";

export const notInADomain = (file: string): string =>
  `domainUnderTest: ${file} is not inside domains/<name>/ of a Baikal repository; ` +
  "call it from a test file in domains/<name>/test/, passing import.meta.url";

export const unknownName = (domain: string, kind: "table" | "view" | "transform", name: string, known: readonly string[]): string =>
  `domains/${domain}: no ${kind} "${name}"${didYouMean(name, known)} ` +
  `(${kind}s: ${known.length > 0 ? known.join(", ") : "none"}); ${kind}s are declared in domains/${domain}/domain.ts`;

export const domainDidNotLoad = (domain: string, problems: readonly string[]): string =>
  `domains/${domain} did not pass the checks, so its declarations cannot be tested; fix these first (pnpm check prints them too):\n` +
  problems.map((p) => `  ${p}`).join("\n");
