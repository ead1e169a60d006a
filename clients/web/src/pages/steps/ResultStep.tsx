import { useStore } from "../../state/context.js";
import { ResultSummary } from "../../components/ResultSummary.js";

/** Step 4: the invited count and what next. */
export function ResultStep() {
  const { state, actions } = useStore();
  const result = state.wizard.result;
  if (!result) return null;
  return (
    <div class="step">
      <ResultSummary
        invitedCount={result.invitedCount}
        skippedCount={result.skippedCount}
        organization={result.import.organizationId}
        importId={result.import.importId}
        onAnother={actions.restart}
      />
    </div>
  );
}
