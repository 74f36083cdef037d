export { recordJsonSchema, recordSchema } from "./record-schema.ts";
