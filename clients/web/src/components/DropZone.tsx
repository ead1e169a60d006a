import { useRef, useState } from "preact/hooks";
import { acceptAttribute } from "../files/fileCheck.js";
import { text } from "../text.js";

/** Takes one file, dropped or chosen with the file picker (a real button, so the keyboard reaches it). */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...(event.dataTransfer?.files ?? [])]);
  };
  const chosen = () => {
    const files = [...(input.current?.files ?? [])];
    if (input.current) input.current.value = "";
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      class={over ? "dropzone over" : "dropzone"}
      data-testid="dropzone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>{text.upload.dropZone}</p>
      <p>{text.upload.or}</p>
      <label for="file">{text.upload.chooseLabel}</label>
      <input id="file" ref={input} type="file" accept={acceptAttribute} disabled={disabled} onChange={chosen} />
    </div>
  );
}
