import type { Intent } from "./grant-intents.ts";

/** What one principal may read of one relation after every grant that reaches it is merged. */
export type MergedAccess =
  | { readonly mode: "all" }
  | { readonly mode: "columns"; readonly columns: readonly string[] }
  | { readonly mode: "excluded"; readonly excluded: readonly string[] };

export interface MergedRelation {
  readonly principal: string;
  readonly database: string;
  readonly table: string;
  readonly relation: "table" | "view";
  readonly access: MergedAccess;
  /** Whether a grant names the relation itself. */
  readonly direct: boolean;
  /** What else reaches it: "view <database.view>" (a view grant's lineage), "dataset <name>"; distinct, in order. */
  readonly via: readonly string[];
}

function accessOf(intent: Extract<Intent, { kind: "relation" }>): MergedAccess {
  if (intent.columns) return { mode: "columns", columns: intent.columns };
  if (intent.excluded && intent.excluded.length > 0) return { mode: "excluded", excluded: intent.excluded };
  return { mode: "all" };
}

/** The union of two grants on the same relation (Lake Formation permissions only ever add up). */
export function mergeAccess(a: MergedAccess, b: MergedAccess): MergedAccess {
  if (a.mode === "all" || b.mode === "all") return { mode: "all" };
  if (a.mode === "columns" && b.mode === "columns") return { mode: "columns", columns: [...new Set([...a.columns, ...b.columns])] };
  const excluded =
    a.mode === "excluded" && b.mode === "excluded"
      ? a.excluded.filter((c) => b.excluded.includes(c))
      : (a.mode === "excluded" ? a.excluded : (b as { excluded: readonly string[] }).excluded).filter(
          (c) => !(a.mode === "columns" ? a.columns : (b as { columns: readonly string[] }).columns).includes(c),
        );
  return excluded.length === 0 ? { mode: "all" } : { mode: "excluded", excluded };
}

/**
 * One entry per principal and relation, however many grants reach it (a table grant and a view's lineage, say):
 * Lake Formation keeps one permission set per principal and resource, and two Terraform resources for it would
 * revoke each other's grants on destroy (AWS-NOTES 3.3).
 */
export function mergeRelations(intents: readonly Intent[]): MergedRelation[] {
  const merged = new Map<string, MergedRelation>();
  for (const intent of intents) {
    if (intent.kind !== "relation") continue;
    const key = `${intent.principal}/${intent.database}.${intent.table}`;
    const existing = merged.get(key);
    merged.set(key, {
      principal: intent.principal,
      database: intent.database,
      table: intent.table,
      relation: intent.relation,
      access: existing ? mergeAccess(existing.access, accessOf(intent)) : accessOf(intent),
      direct: (existing?.direct ?? false) || intent.through === undefined,
      via: [...new Set([...(existing?.via ?? []), ...(intent.through === undefined ? [] : [intent.through])])],
    });
  }
  return [...merged.values()];
}
