import { FileFormat } from "../gen/bulkinvite/v1/import_pb.js";
import { text } from "../text.js";
import { useStore } from "../state/context.js";

/** Downloads the server's sample file, which passes the check, as CSV or XLSX. */
export function SampleDownload() {
  const { state, actions } = useStore();
  return (
    <section class="sample" aria-labelledby="sample-title">
      <h2 id="sample-title">{text.upload.sampleTitle}</h2>
      <p>{text.upload.sampleIntro}</p>
      <div class="actions">
        <button type="button" class="secondary" disabled={state.busy} onClick={() => void actions.downloadSample(FileFormat.CSV)}>
          {text.upload.sampleCsv}
        </button>
        <button type="button" class="secondary" disabled={state.busy} onClick={() => void actions.downloadSample(FileFormat.XLSX)}>
          {text.upload.sampleXlsx}
        </button>
      </div>
    </section>
  );
}
