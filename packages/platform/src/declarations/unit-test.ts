import { z } from "zod";
import { identifier } from "./identifier.ts";

/**
 * Unit tests of views and transforms, in `domains/<team>/tests/*.ts`: rows for the relations the SQL reads
 * and the rows it must produce, run offline by `baikal test`. The rows are checked against the declarations
 * when the tests load (loading/load-unit-tests.ts), so a typo in a column is an error at its line.
 */
const rows = z.array(z.record(z.string(), z.unknown()));

const RUN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const unitTest = z
  .strictObject({
    /** What the test shows, as a sentence: it names the test in the report. */
    name: z.string().trim().min(1, "say what the test shows, e.g. \"counts each reader once per day\""),
    /** The view under test, of this domain. */
    view: identifier().optional(),
    /** The transform under test, of this domain. */
    transform: identifier().optional(),
    /** The run date a transform's `{{ run_date }}` parameters take, `yyyy-MM-dd`. */
    runDate: z.string().regex(RUN_DATE, "write the run date as yyyy-MM-dd, e.g. \"2024-05-01\"").optional(),
    /** The instant current_timestamp, now() and current_date read, e.g. `2024-05-01T09:00:00Z`. @default - the SQL may not read the clock */
    now: z.string().regex(INSTANT, "write the instant in ISO 8601 with its offset, e.g. \"2024-05-01T09:00:00Z\"").optional(),
    /**
     * Rows of each relation the SQL reads, by name: this domain's tables and views unqualified, another domain's
     * as `domain.name`. A relation not given is empty. @default {}
     */
    given: z.record(z.string(), rows).optional(),
    /** The rows the SQL must produce: compared as a multiset, or in order when the SELECT ends with ORDER BY. */
    expect: rows,
  })
  .superRefine((test, ctx) => {
    if ((test.view === undefined) === (test.transform === undefined)) {
      ctx.addIssue({ code: "custom", path: ["view"], message: "name exactly one of view or transform" });
    }
    if (test.transform !== undefined && test.runDate === undefined) {
      ctx.addIssue({ code: "custom", path: ["runDate"], message: "a transform test needs the run date its {{ run_date }} parameters take, e.g. runDate: \"2024-05-01\"" });
    }
    if (test.view !== undefined && test.runDate !== undefined) {
      ctx.addIssue({ code: "custom", path: ["runDate"], message: "views have no run parameters; remove runDate" });
    }
  });

export const unitTestFile = z.array(unitTest).min(1, "declare at least one test");

export type UnitTestDeclaration = z.infer<typeof unitTest>;
export type UnitTestInput = z.input<typeof unitTest>;

export { defineUnitTests, isDefinedUnitTests, type DefinedUnitTests } from "./define.ts";
