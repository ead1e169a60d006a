import { Severity, type Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import { DiagnosticCode } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import { codeNames, text } from "../text.js";
import { codesIn, ofSeverity, visible, type SortKey, type TableView } from "../diagnostics/view.js";
import { Pager } from "./Pager.js";

const columns: [SortKey, string][] = [
  ["row", text.review.columns.row],
  ["column", text.review.columns.column],
  ["problem", text.review.columns.problem],
  ["value", text.review.columns.value],
];

const codeName = (code: number) => codeNames[`DIAGNOSTIC_CODE_${DiagnosticCode[code]}`] ?? DiagnosticCode[code] ?? String(code);

/** Errors or warnings (one tab each), filtered by code, sorted by any column, a page at a time. Every value is text. */
export function DiagnosticsTable({
  diagnostics,
  view,
  onChange,
  onFix,
}: {
  diagnostics: Diagnostic[];
  view: TableView;
  onChange: (view: TableView) => void;
  /** Opens a row with an error for fixing in place; absent where rows cannot be fixed. */
  onFix?: (rowNumber: number) => void;
}) {
  const errors = ofSeverity(diagnostics, Severity.ERROR).length;
  const warnings = ofSeverity(diagnostics, Severity.WARNING).length;
  const { rows, pages, total } = visible(diagnostics, view);
  const page = Math.min(view.page, pages - 1);
  const codes = codesIn(ofSeverity(diagnostics, view.severity));
  const sortBy = (key: SortKey) =>
    onChange({ ...view, page: 0, sort: { key, ascending: view.sort.key === key ? !view.sort.ascending : true } });
  // Errors are what keeps a row from being invited: those rows get a Fix button.
  const fixable = onFix !== undefined && view.severity === Severity.ERROR;
  const show = (severity: Severity) => onChange({ ...view, severity, code: null, page: 0 });
  return (
    <section class="diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title" class="visually-hidden">
        {text.review.columns.problem}
      </h2>
      <div class="tabs" role="group">
        <button type="button" class="tab" aria-pressed={view.severity === Severity.ERROR} onClick={() => show(Severity.ERROR)}>
          {text.review.errors(errors)}
        </button>
        <button type="button" class="tab" aria-pressed={view.severity === Severity.WARNING} onClick={() => show(Severity.WARNING)}>
          {text.review.warnings(warnings)}
        </button>
      </div>
      <p>{view.severity === Severity.ERROR ? text.review.errorsIntro : text.review.warningsIntro}</p>
      <div class="field">
        <label for="code-filter">{text.review.filterLabel}</label>
        <select
          id="code-filter"
          value={view.code === null ? "" : String(view.code)}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            onChange({ ...view, code: value === "" ? null : Number(value), page: 0 });
          }}
        >
          <option value="">{text.review.filterAll}</option>
          {codes.map((code) => (
            <option key={code} value={String(code)}>
              {codeName(code)}
            </option>
          ))}
        </select>
      </div>
      {total === 0 ? (
        <p>{text.review.none}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} aria-labelledby="diagnostics-caption">
          <table>
            <caption id="diagnostics-caption" class="visually-hidden">
              {view.severity === Severity.ERROR ? text.review.errors(errors) : text.review.warnings(warnings)}
            </caption>
            <thead>
              <tr>
                {columns.map(([key, label]) => (
                  <th key={key} scope="col" aria-sort={view.sort.key === key ? (view.sort.ascending ? "ascending" : "descending") : undefined}>
                    <button type="button" class="sort" onClick={() => sortBy(key)}>
                      {label}
                      <span aria-hidden="true">{view.sort.key === key ? (view.sort.ascending ? " ▲" : " ▼") : ""}</span>
                    </button>
                  </th>
                ))}
                <th scope="col">{text.review.columns.fix}</th>
                {fixable && <th scope="col">{text.rows.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((diagnostic, index) => (
                <tr key={`${diagnostic.rowNumber}-${diagnostic.code}-${index}`}>
                  <td>{diagnostic.rowNumber}</td>
                  <td>{diagnostic.column}</td>
                  <td>{codeName(diagnostic.code)}</td>
                  <td class="value">{diagnostic.value}</td>
                  <td>{diagnostic.message}</td>
                  {fixable && (
                    <td>
                      <button type="button" class="secondary" aria-label={text.rows.editRow(diagnostic.rowNumber)} onClick={() => onFix(diagnostic.rowNumber)}>
                        {text.rows.edit}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        hasPrevious={page > 0}
        hasNext={page < pages - 1}
        onPrevious={() => onChange({ ...view, page: page - 1 })}
        onNext={() => onChange({ ...view, page: page + 1 })}
      />
    </section>
  );
}
