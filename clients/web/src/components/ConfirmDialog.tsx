import { useEffect, useRef } from "preact/hooks";
import { text } from "../text.js";

/** A modal question (the browser's dialog: focus kept inside, Escape cancels). */
export function ConfirmDialog(props: { open: boolean; title: string; body: string; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog ref={dialog} aria-labelledby="confirm-title" onCancel={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p>{props.body}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onCancel}>
          {text.invitations.cancel}
        </button>
        <button type="button" onClick={props.onConfirm}>
          {text.invitations.confirm}
        </button>
      </div>
    </dialog>
  );
}
