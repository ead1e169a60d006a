import { Severity } from "../../gen/bulkinvite/v1/diagnostic_pb.js";
import { ImportState } from "../../gen/bulkinvite/v1/import_pb.js";
import { text } from "../../text.js";
import { useStore } from "../../state/context.js";
import { Totals } from "../../components/Totals.js";
import { FileProblem } from "../../components/FileProblem.js";
import { ColumnMappingList } from "../../components/ColumnMappingList.js";
import { DiagnosticsTable } from "../../components/DiagnosticsTable.js";
import { ResultsDownload } from "../../components/ResultsDownload.js";
import { RowEditor } from "../../components/RowEditor.js";

/** Step 2: the check's totals, the file-level problem or the rows' diagnostics, and Next. */
export function ReviewStep() {
  const { state, actions } = useStore();
  const check = state.wizard.check;
  if (!check) return null;
  const { import: checked, fileDiagnostics, rowDiagnostics } = check;
  if (checked.state === ImportState.REJECTED) {
    return (
      <div class="step">
        <h2>{text.review.title(checked.fileName)}</h2>
        <ColumnMappingList mappings={check.columnMappings} />
        <FileProblem diagnostics={fileDiagnostics.filter((d) => d.severity === Severity.ERROR)} onTryAnother={actions.restart} />
      </div>
    );
  }
  return (
    <div class="step">
      <h2>{text.review.title(checked.fileName)}</h2>
      <Totals import={checked} />
      <ColumnMappingList mappings={check.columnMappings} />
      {check.truncated && <p>{text.review.truncated(rowDiagnostics.length)}</p>}
      {state.wizard.reviewNotice && (
        <p class="notice" role="status" data-testid="review-notice">
          {state.wizard.reviewNotice}
        </p>
      )}
      <DiagnosticsTable
        diagnostics={rowDiagnostics}
        view={state.wizard.table}
        onChange={actions.setTable}
        onFix={checked.state === ImportState.CHECKED ? (row) => void actions.openRow(row) : undefined}
      />
      <RowEditor
        editing={state.wizard.editing}
        onSave={(cells) => void actions.saveRow(cells)}
        onAskRemove={actions.askRemoveRow}
        onRemove={() => void actions.removeRow()}
        onClose={actions.closeRow}
      />
      <ResultsDownload importId={checked.importId} rowsToFix={checked.invalidRows} />
      <div class="actions">
        <button type="button" class="secondary" onClick={actions.restart}>
          {text.review.tryAnother}
        </button>
        {checked.validRows > 0 ? (
          <button type="button" onClick={() => actions.chooseStep("permissions")}>
            {text.review.next}
          </button>
        ) : (
          <p>{text.review.nothingValid}</p>
        )}
      </div>
    </div>
  );
}
