import type { sheets_v4 } from "@googleapis/sheets";
import type { QueryResult } from "../athena/query-result.ts";
import { limitMessages, MAX_CHARACTERS_PER_CELL, SheetLimitExceeded } from "./limits.ts";

type CellData = sheets_v4.Schema$CellData;
export type RowData = sheets_v4.Schema$RowData;

const NUMBER_TYPES = new Set(["tinyint", "smallint", "integer", "int", "bigint", "real", "float", "double", "decimal"]);

/**
 * One cell, typed: numbers as numbers (unless a double would round them: large ids stay exact as text), booleans as
 * booleans, everything else as text. Text is always a string value, never user-entered input, so a value that starts
 * with "=" stays text and no formula from the data ever runs in the spreadsheet.
 */
export function cell(value: string | null, type: string): CellData {
  if (value === null) return {};
  const base = type.replace(/\(.*$/, "").toLowerCase();
  if (NUMBER_TYPES.has(base)) {
    const number = Number(value);
    if (Number.isFinite(number) && (base === "double" || base === "real" || base === "float" || Number.isSafeInteger(number) || !/^-?\d+$/.test(value))) {
      return { userEnteredValue: { numberValue: number } };
    }
  }
  if (base === "boolean" && (value === "true" || value === "false")) return { userEnteredValue: { boolValue: value === "true" } };
  return { userEnteredValue: { stringValue: value } };
}

/** The header row (the view's columns) and one row per result row; refuses a value Google Sheets cannot hold. */
export function toRows(result: Pick<QueryResult, "columns" | "rows">): RowData[] {
  const header: RowData = { values: result.columns.map((c) => ({ userEnteredValue: { stringValue: c.name } })) };
  return [
    header,
    ...result.rows.map((row, r) => ({
      values: row.map((value, i) => {
        if (value !== null && value.length > MAX_CHARACTERS_PER_CELL) {
          throw new SheetLimitExceeded(limitMessages.characters(r + 1, result.columns[i]!.name, value.length));
        }
        return cell(value, result.columns[i]!.type);
      }),
    })),
  ];
}

/** Rows cut into runs whose JSON stays under `maxBytes`, each with the index of its first row. */
export function chunkRows(rows: readonly RowData[], maxBytes: number): { start: number; rows: RowData[] }[] {
  const chunks: { start: number; rows: RowData[] }[] = [];
  let current: RowData[] = [];
  let bytes = 0;
  let start = 0;
  rows.forEach((row, index) => {
    const size = Buffer.byteLength(JSON.stringify(row)) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push({ start, rows: current });
      current = [];
      bytes = 0;
      start = index;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length > 0 || chunks.length === 0) chunks.push({ start, rows: current });
  return chunks;
}
