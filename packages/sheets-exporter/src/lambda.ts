/**
 * The bundle's single entry (`index.handler`). Importing it reads no environment and creates no client; that
 * happens on the first invocation.
 */
export { handler } from "./handler.ts";
