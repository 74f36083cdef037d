import { quoteIdentifier as q, quoteName } from "@baikal/sql/names";
import type { DataTestDeclaration } from "../declarations/transform.ts";
import type { SqlPart, SqlTemplate } from "./run-parameters.ts";

export interface DataTestTarget {
  /** `domain.table`. */
  readonly table: string;
  /** For incremental transforms, the partition key the run wrote: tests look at that partition only. */
  readonly partitionKey?: string;
}

/** A test as Athena runs it: one row, one column `failures`, the number of bad rows (0 passes). */
export interface CompiledDataTest {
  /** Unique within the transform; becomes the state's name. */
  readonly id: string;
  /** What a failure means, for the alert. */
  readonly label: string;
  readonly sql: SqlTemplate;
}

const literal = (value: string | number) => (typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`);

/** Compiles a data test into a SELECT that counts the rows breaking it. */
export function compileDataTest(test: DataTestDeclaration, target: DataTestTarget): CompiledDataTest {
  // Every name quoted: columns may be called "group" or "order-priority".
  const scope: SqlPart[] = target.partitionKey ? [{ text: `${q(target.partitionKey)} = ` }, { param: "run_date" }] : [];
  const where = (condition: string): SqlPart[] =>
    scope.length > 0 ? [{ text: " WHERE " }, ...scope, { text: ` AND (${condition})` }] : [{ text: ` WHERE ${condition}` }];
  const whereScope: SqlPart[] = scope.length > 0 ? [{ text: " WHERE " }, ...scope] : [];
  const from = `FROM ${quoteName(...target.table.split("."))}`;
  const which = target.partitionKey ? ` in the run's ${target.partitionKey} partition` : "";
  switch (test.type) {
    case "not_null":
      return {
        id: `not_null_${test.column}`,
        label: `${test.column} is null in some rows${which}`,
        sql: [{ text: `SELECT count(*) AS failures ${from}` }, ...where(`${q(test.column)} IS NULL`)],
      };
    case "unique": {
      const key = test.columns.map(q).join(", ");
      return {
        id: `unique_${test.columns.join("_")}`,
        label: `(${test.columns.join(", ")}) repeats${which}`,
        sql: [
          { text: `SELECT count(*) AS failures FROM (SELECT ${key} ${from}` },
          ...whereScope,
          { text: ` GROUP BY ${key} HAVING count(*) > 1) AS duplicates` },
        ],
      };
    }
    case "accepted_values":
      return {
        id: `accepted_values_${test.column}`,
        label: `${test.column} has values other than ${test.values.map(literal).join(", ")}${which}`,
        sql: [{ text: `SELECT count(*) AS failures ${from}` }, ...where(`${q(test.column)} NOT IN (${test.values.map(literal).join(", ")})`)],
      };
    case "row_count":
      return {
        id: "row_count",
        label: `fewer than ${test.min} rows${which}`,
        sql: [
          { text: `SELECT count(*) AS failures FROM (SELECT count(*) AS row_count ${from}` },
          ...whereScope,
          { text: `) AS counted WHERE row_count < ${test.min}` },
        ],
      };
    case "freshness":
      return {
        id: `freshness_${test.column}`,
        label: `the newest ${test.column} is older than ${test.maxAgeHours} hours${which}`,
        sql: [
          { text: `SELECT count(*) AS failures FROM (SELECT max(${q(test.column)}) AS newest ${from}` },
          ...whereScope,
          { text: `) AS latest WHERE newest IS NULL OR newest < current_timestamp - INTERVAL '${test.maxAgeHours}' HOUR` },
        ],
      };
  }
}

/** Columns a test names, for checking them against the target. */
export function testColumns(test: DataTestDeclaration): { column: string; path: (string | number)[] }[] {
  switch (test.type) {
    case "not_null":
    case "accepted_values":
    case "freshness":
      return [{ column: test.column, path: ["column"] }];
    case "unique":
      return test.columns.map((column, index) => ({ column, path: ["columns", index] }));
    case "row_count":
      return [];
  }
}
