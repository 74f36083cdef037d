/**
 * The platform's one door to `@baikal/sheets-exporter`: its environment contract and its bundler, so a renamed
 * variable in the Lambda is a compile error here. Only the SDK-free entry points are loaded.
 */
export { ENVIRONMENT as SHEETS_EXPORTER_ENVIRONMENT } from "@baikal/sheets-exporter/contract";
export { BUNDLE_FILE as SHEETS_EXPORTER_BUNDLE_FILE, bundleSheetsExporter, LAMBDA_HANDLER as SHEETS_EXPORTER_HANDLER, LAMBDA_RUNTIME as SHEETS_EXPORTER_RUNTIME } from "@baikal/sheets-exporter/bundle";
