import { useStore } from "../../state/context.js";
import { skipReasons } from "../../diagnostics/skips.js";
import { ResultSummary } from "../../components/ResultSummary.js";
import { ResultsDownload } from "../../components/ResultsDownload.js";

/** Step 4: the invited count, to which organization (its name for people, from GetCaller), and what next. */
export function ResultStep() {
  const { state, actions } = useStore();
  const { result } = state.wizard;
  if (!result) return null;
  return (
    <div class="step">
      <ResultSummary
        invitedCount={result.invitedCount}
        skipped={skipReasons(result.import)}
        organization={state.caller?.organizationDisplayName || result.import.organizationId}
        importId={result.import.importId}
        onAnother={actions.restart}
      />
      <ResultsDownload importId={result.import.importId} rowsToFix={result.import.invalidRows} />
    </div>
  );
}
