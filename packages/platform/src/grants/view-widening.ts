import type { Problem } from "../problems/problem.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { grantMessages as m } from "./grant-messages.ts";

const qualified = (c: { database: string; table: string; column: string }) => `${c.database}.${c.table}.${c.column}`;

/**
 * The base-table columns a grant of `view` gives beyond what the view shows: its lineage less the columns its
 * output carries unchanged, as `database.table.column`, in lineage order. Athena runs classic views with the
 * reader's own permissions, so whoever may query the view may query these columns of the tables directly.
 */
export function widenedColumns(view: ResolvedView): string[] {
  const exposed = new Set(view.exposes.map(qualified));
  return view.lineage.map(qualified).filter((c) => !exposed.has(c));
}

export interface AcknowledgementCheck {
  readonly view: ResolvedView;
  /** What the grant acknowledges (`acknowledgeBaseColumns`). */
  readonly acknowledged: readonly string[] | undefined;
  /** Who gets the columns, as the message names them: `"analysts"`, `the readers "bi", "ops"`. */
  readonly who: string;
  readonly grantOption: boolean;
  readonly what: "grant" | "dataset";
  /** Where the grant or dataset is: its path, for the missing-acknowledgement problem. */
  readonly at: (path: readonly (string | number)[], message: string) => Problem;
}

/**
 * A view grant must acknowledge every column it widens to, and only those: a missing one is refused with the list
 * and the choices, an unneeded one (in the output, or not read at all) is stale.
 */
export function checkAcknowledgements({ view, acknowledged = [], who, grantOption, what, at }: AcknowledgementCheck): Problem[] {
  const widens = widenedColumns(view);
  const problems: Problem[] = [];
  const missing = widens.filter((c) => !acknowledged.includes(c));
  if (missing.length > 0) problems.push(at(["view"], m.viewWidens(view.id, who, missing, grantOption, what)));
  const exposed = new Set(view.exposes.map(qualified));
  acknowledged.forEach((column, i) => {
    if (!widens.includes(column)) problems.push(at(["acknowledgeBaseColumns", i], m.staleAcknowledgement(column, view.id, exposed.has(column), widens)));
  });
  return problems;
}
