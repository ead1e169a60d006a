import { useState } from "preact/hooks";
import { FileFormat } from "../gen/bulkinvite/v1/import_pb.js";
import { ResultsScope } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import { text } from "../text.js";
import { useStore } from "../state/context.js";

/** The import's results file (ExportImportResults) as CSV or XLSX: every row with its status and reason, or only the rows to fix. */
export function ResultsDownload(props: { importId: string; rowsToFix: number }) {
  const { state, actions } = useStore();
  const [format, setFormat] = useState(FileFormat.CSV);
  const download = (scope: ResultsScope) => void actions.downloadResults(props.importId, format, scope);
  return (
    <section class="results-download" aria-labelledby="results-download-title">
      <h2 id="results-download-title">{text.results.title}</h2>
      <p>{props.rowsToFix > 0 ? text.results.introWithFixes : text.results.intro}</p>
      <fieldset class="formats">
        <legend>{text.results.format}</legend>
        {[
          [FileFormat.CSV, text.results.csv],
          [FileFormat.XLSX, text.results.xlsx],
        ].map(([value, label]) => (
          <label key={value} class="choice">
            <input type="radio" name="results-format" checked={format === value} onChange={() => setFormat(value as FileFormat)} />
            {label}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" class="secondary" disabled={state.busy} onClick={() => download(ResultsScope.ALL_ROWS)}>
          {text.results.all}
        </button>
        {props.rowsToFix > 0 && (
          <button type="button" class="secondary" disabled={state.busy} onClick={() => download(ResultsScope.ROWS_TO_FIX)}>
            {text.results.toFix(props.rowsToFix)}
          </button>
        )}
      </div>
    </section>
  );
}
