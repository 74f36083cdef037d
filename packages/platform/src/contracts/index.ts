export { recordJsonSchema, recordSchema } from "./record-schema.ts";
export { exampleRecord } from "./example-record.ts";
