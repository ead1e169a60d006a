import { useEffect } from "preact/hooks";
import { text } from "../text.js";
import { useStore } from "../state/context.js";
import { StepIndicator } from "../components/StepIndicator.js";
import { UploadStep } from "./steps/UploadStep.js";
import { ReviewStep } from "./steps/ReviewStep.js";
import { PermissionsStep } from "./steps/PermissionsStep.js";
import { ResultStep } from "./steps/ResultStep.js";

/** The admin's import, one step at a time; at /imports/ID it opens that import's review. */
export function ImportPage({ importId }: { importId?: string }) {
  const { state, actions } = useStore();
  useEffect(() => {
    if (importId) void actions.openImport(importId);
  }, [importId]);
  const step = state.wizard.step;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{text.upload.title}</h1>
      <StepIndicator current={step} />
      {step === "upload" && <UploadStep />}
      {step === "review" && <ReviewStep />}
      {step === "permissions" && <PermissionsStep />}
      {step === "result" && <ResultStep />}
    </section>
  );
}
