import { text } from "../../text.js";
import { useStore } from "../../state/context.js";
import { DropZone } from "../../components/DropZone.js";
import { UploadProgress } from "../../components/UploadProgress.js";
import { InterruptedUpload } from "../../components/InterruptedUpload.js";
import { CheckProgress } from "../../components/CheckProgress.js";
import { SampleDownload } from "../../components/SampleDownload.js";

/** Step 1: the file (dropped or chosen, checked before upload), its upload or the one to continue, the check's progress, and the sample. */
export function UploadStep() {
  const { state, actions } = useStore();
  const { upload, refusal, checking, interrupted } = state.wizard;
  return (
    <div class="step">
      <p>{text.upload.intro}</p>
      {!upload && !checking && interrupted && <InterruptedUpload interrupted={interrupted} onForget={() => void actions.forgetInterrupted()} />}
      {upload ? (
        <UploadProgress upload={upload} onCancel={actions.cancelUpload} />
      ) : (
        // Another call running (the caller's names loading, say) does not stop a file: only a check does.
        <DropZone disabled={checking !== null} onFiles={(files) => void actions.upload(files)} />
      )}
      {refusal && (
        <p class="refusal" role="alert" data-testid="refusal">
          {refusal}
        </p>
      )}
      {checking && <CheckProgress checking={checking} />}
      <SampleDownload />
    </div>
  );
}
