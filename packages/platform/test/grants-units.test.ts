import { describe, expect, it } from "vitest";
import { organisationSchema } from "../src/declarations/organisation.ts";
import { mergeAccess } from "../src/grants/merge-intents.ts";
import { isLakeFormationAdmin, resolvePrincipal } from "../src/grants/principals.ts";
import { GOVERNED_ORGANISATION } from "./grants-support.ts";

const org = organisationSchema.parse({
  ...GOVERNED_ORGANISATION,
  principals: {
    ...GOVERNED_ORGANISATION.principals,
    auditor: { kind: "iam-user", name: "auditor" },
    tokyo_bi: { kind: "quicksight-group", group: "bi", namespace: "tokyo", identityRegion: "us-east-1" },
  },
});

describe("resolvePrincipal", () => {
  it("gives each kind of principal as Lake Formation takes it, and says whether it is in another account", () => {
    const of = (name: string, env = "staging") => {
      const p = resolvePrincipal(org, name, env)!;
      return [p.principal, p.crossAccount];
    };
    expect(of("analysts")).toEqual(["arn:aws:iam::111111111111:role/analyst", false]);
    expect(of("analysts", "production")).toEqual(["arn:aws:iam::222222222222:role/analyst", false]);
    expect(of("auditor")).toEqual(["arn:aws:iam::111111111111:user/auditor", false]);
    expect(of("bi")).toEqual(["arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors", false]);
    expect(of("tokyo_bi")).toEqual(["arn:aws:quicksight:us-east-1:111111111111:group/tokyo/bi", false]);
    expect(of("partner")).toEqual(["333333333333", true]);
    expect(of("partner_reader", "production")).toEqual(["arn:aws:iam::444444444444:role/reader", true]);
    expect(resolvePrincipal(org, "nobody", "staging")).toBeUndefined();
  });

  it("knows the environment's Lake Formation admins", () => {
    expect(isLakeFormationAdmin(org, "staging", "arn:aws:iam::111111111111:role/break-glass")).toBe(true);
    expect(isLakeFormationAdmin(org, "staging", "arn:aws:iam::111111111111:role/deploy")).toBe(true);
    expect(isLakeFormationAdmin(org, "production", "arn:aws:iam::222222222222:role/break-glass")).toBe(false);
  });
});

describe("mergeAccess", () => {
  const all = { mode: "all" } as const;
  const columns = (...c: string[]) => ({ mode: "columns", columns: c }) as const;
  const excluded = (...c: string[]) => ({ mode: "excluded", excluded: c }) as const;

  it("adds grants up, as Lake Formation does", () => {
    expect(mergeAccess(columns("a"), columns("b", "a"))).toEqual(columns("a", "b"));
    expect(mergeAccess(columns("a"), all)).toEqual(all);
    expect(mergeAccess(excluded("a", "b"), excluded("b", "c"))).toEqual(excluded("b"));
    expect(mergeAccess(excluded("a", "b"), columns("a"))).toEqual(excluded("b"));
    expect(mergeAccess(columns("a"), excluded("a"))).toEqual(all);
    expect(mergeAccess(excluded("a"), excluded("b"))).toEqual(all);
  });
});
