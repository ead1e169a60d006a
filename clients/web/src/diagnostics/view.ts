import { Severity, type Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";

// What the diagnostics table shows: errors or warnings, optionally of one code, sorted by a column,
// one page at a time. The server pages them by row; the page loads them (up to a cap) and does the rest.

export type SortKey = "row" | "column" | "problem" | "value";
export interface Sort {
  key: SortKey;
  ascending: boolean;
}
export interface TableView {
  severity: Severity;
  code: number | null;
  sort: Sort;
  page: number;
}

export const pageSize = 25;

export const initialView: TableView = { severity: Severity.ERROR, code: null, sort: { key: "row", ascending: true }, page: 0 };

export function ofSeverity(diagnostics: readonly Diagnostic[], severity: Severity): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === severity);
}

/** The codes present among the diagnostics, in code order: the filter's choices. */
export function codesIn(diagnostics: readonly Diagnostic[]): number[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort((a, b) => a - b);
}

function compare(a: Diagnostic, b: Diagnostic, key: SortKey): number {
  switch (key) {
    case "row":
      return a.rowNumber - b.rowNumber;
    case "column":
      return a.column.localeCompare(b.column) || a.rowNumber - b.rowNumber;
    case "problem":
      return a.code - b.code || a.rowNumber - b.rowNumber;
    case "value":
      return a.value.localeCompare(b.value) || a.rowNumber - b.rowNumber;
  }
}

/** The rows the table shows for the view, and how many pages there are. */
export function visible(diagnostics: readonly Diagnostic[], view: TableView): { rows: Diagnostic[]; pages: number; total: number } {
  const chosen = ofSeverity(diagnostics, view.severity).filter((d) => view.code === null || d.code === view.code);
  const sorted = chosen.sort((a, b) => (view.sort.ascending ? 1 : -1) * compare(a, b, view.sort.key));
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(view.page, pages - 1);
  return { rows: sorted.slice(page * pageSize, (page + 1) * pageSize), pages, total: sorted.length };
}
