/** Every message about transforms, built in one place so tests import them instead of copying text. */
export const transformMessages = {
  unknownTarget: (target: string, domain: string, tables: readonly string[], suggestion: string) =>
    `target "${target}" is not a table of domain "${domain}"${suggestion} (tables: ${tables.join(", ") || "none"}); declare the table under tables first`,
  targetNotCurated: (target: string, zone: string) =>
    `target "${target}" is in the ${zone} zone; transforms write curated tables only, so the raw zone keeps what producers sent`,
  targetNotParquet: (target: string, format: string) =>
    `target "${target}" is ${format}; transforms write Parquet (compressed and columnar), so declare the table with format "parquet"`,
  targetNotHive: (target: string) =>
    `target "${target}" uses the plain partition layout, but INSERT INTO writes key=value folders; remove partitionLayout: "plain" from the table`,
  targetTwice: (target: string, other: string) =>
    `target "${target}" is already written by transform "${other}"; two transforms would overwrite each other, so give each its own table`,
  incrementalWithoutPartition: (target: string) =>
    `an incremental transform replaces one partition per run, but "${target}" has no partition keys; add a date partition key (e.g. dt) to the table or use mode "full_refresh"`,
  incrementalKeyNotDaily: (target: string, key: string) =>
    `an incremental transform replaces the partition of its run date, so the first partition key of "${target}", "${key}", needs a date projection with format "yyyy-MM-dd"`,
  noSchedule: (name: string) =>
    `transform "${name}" has no schedule and reads no other transform's table, so nothing would ever start it; add schedule: { expression: "cron(0 4 * * ? *)", timezone: "Asia/Tokyo" }`,
  columnsMismatch: (produced: readonly string[], target: string, expected: readonly string[]) =>
    `the SELECT produces ${produced.join(", ")} but ${target} needs ${expected.join(", ")} (its columns, then its partition keys, in this order); INSERT INTO matches columns by position`,
  partitionNotLast: (key: string, target: string, expected: readonly string[]) =>
    `partition column "${key}" must come last in the SELECT, after every data column of ${target}: INSERT INTO fills the partition keys from the last columns; select ${expected.join(", ")}`,
  columnType: (column: string, target: string, declared: string, stored: string, produced: string) =>
    `column "${column}" goes into ${target}.${column} of type ${declared} (${stored} in Athena) but the SELECT produces ${produced}; CAST the expression to ${stored}`,
  notPublished: (database: string, name: string) =>
    `${database}.${name} belongs to domain "${database}" and is not published; read only what other domains publish (ask its owners to set published: true) or use your own tables`,
  cycle: (cycle: readonly string[]) =>
    `transforms read each other's tables in a cycle: ${cycle.join(" -> ")}; none of them could run first, so break the cycle`,
  unknownTestColumn: (column: string, target: string, columns: readonly string[], suggestion: string) =>
    `column "${column}" is not in ${target}${suggestion} (columns: ${columns.join(", ")})`,
  workgroupTaken: (domain: string) =>
    `domain "${domain}" would get the Athena workgroup "${domain}", which the platform keeps for its own consumers (analysts, redash, quicksight, etl); rename the domain`,
  acceptedValueType: (column: string, type: string, kind: "strings" | "numbers") =>
    `column "${column}" is ${type}, so its accepted values must be ${kind}`,
  acceptedValuesColumn: (column: string, type: string) =>
    `accepted_values compares strings or numbers, but column "${column}" is ${type}; test a string or number column`,
  freshnessColumn: (column: string, type: string) => `freshness needs a timestamp or date column, but column "${column}" is ${type}`,
  invalidTestSql: (sql: string, message: string) => `the data test compiles to SQL Athena would reject (${message}): ${sql}`,
};
