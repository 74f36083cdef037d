/**
 * Pieces every Baikal state machine is written with (Amazon States Language, JSONata query language): transforms,
 * RDS snapshot exports and Salesforce exports build their definitions from these.
 */

/** A JSONata expression as a state field's value. */
export const jsonata = (expression: string) => `{% ${expression} %}`;

/** A string literal inside a JSONata expression (JSON's quoting is JSONata's). */
export const str = (text: string) => JSON.stringify(text);

/** Catch any error, keep its output in `$failure`, and go on to `next` (which reports it). */
export const catchInto = (next: string) => [{ ErrorEquals: ["States.ALL"], Assign: { failure: "{% $states.errorOutput %}" }, Next: next }];
