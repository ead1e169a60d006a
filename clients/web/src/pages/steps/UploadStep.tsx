import { text } from "../../text.js";
import { useStore } from "../../state/context.js";
import { DropZone } from "../../components/DropZone.js";
import { UploadProgress } from "../../components/UploadProgress.js";
import { SampleDownload } from "../../components/SampleDownload.js";

/** Step 1: the file (dropped or chosen, checked before upload), its upload, and the sample. */
export function UploadStep() {
  const { state, actions } = useStore();
  const { upload, refusal, checking } = state.wizard;
  return (
    <div class="step">
      <p>{text.upload.intro}</p>
      {upload ? (
        <UploadProgress upload={upload} onCancel={actions.cancelUpload} />
      ) : (
        <DropZone disabled={state.busy} onFiles={(files) => void actions.upload(files)} />
      )}
      {refusal && (
        <p class="refusal" role="alert" data-testid="refusal">
          {refusal}
        </p>
      )}
      {checking && (
        <p role="status">{checking.rowsRead > 0 ? text.upload.checkingRows(checking.rowsRead) : text.upload.checking}</p>
      )}
      <SampleDownload />
    </div>
  );
}
