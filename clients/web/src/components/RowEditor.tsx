import { useEffect, useRef, useState } from "preact/hooks";
import { Severity } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import { cellNames, cellsOf, type RowCells } from "../rows/rowEdit.js";
import type { RowEditing } from "../state/state.js";
import { text } from "../text.js";

/**
 * One row fixed in place, in a modal dialog (the browser's: focus kept inside, Escape closes): its
 * cells as stored, what is wrong with it now, Save (checked again at once), and Remove behind a
 * confirmation. Every value is text.
 */
export function RowEditor(props: {
  editing: RowEditing | null;
  onSave: (cells: RowCells) => void;
  onAskRemove: (on: boolean) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const editing = props.editing;
  const row = editing?.row;
  const [cells, setCells] = useState<RowCells | null>(row ? cellsOf(row) : null);
  // The cells as stored whenever another row or a new revision of it arrives.
  useEffect(() => setCells(row ? cellsOf(row) : null), [row?.rowNumber, row?.revision]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (editing && !element.open) element.showModal();
    if (!editing && element.open) element.close();
  }, [editing !== null]);
  useEffect(() => {
    if (editing?.confirmingRemove) confirm.current?.focus();
  }, [editing?.confirmingRemove]);
  const submit = (event: Event) => {
    event.preventDefault();
    if (cells) props.onSave(cells);
  };
  return (
    <dialog ref={dialog} class="row-editor" aria-labelledby="row-editor-title" onCancel={props.onClose} data-testid="row-editor">
      {row && cells && (
        <form onSubmit={submit}>
          <h2 id="row-editor-title">{text.rows.title(row.rowNumber)}</h2>
          <p class="help">{text.rows.intro}</p>
          {editing.problem && (
            <p class="field-problem" role="alert" data-testid="row-problem">
              {editing.problem}
            </p>
          )}
          <h3>{text.rows.problems}</h3>
          <ul data-testid="row-diagnostics">
            {row.diagnostics.length === 0 ? (
              <li>{text.rows.noProblem}</li>
            ) : (
              row.diagnostics.map((d, index) => (
                <li key={index} class={d.severity === Severity.ERROR ? "error" : "warning"}>
                  {d.column && <strong>{d.column}: </strong>}
                  {d.message}
                </li>
              ))
            )}
          </ul>
          {cellNames.map((name) => (
            <div class="field" key={name}>
              <label for={`row-${name}`}>{text.rows.cells[name]}</label>
              <input
                id={`row-${name}`}
                type="text"
                value={cells[name]}
                disabled={editing.saving}
                onInput={(event) => setCells({ ...cells, [name]: (event.currentTarget as HTMLInputElement).value })}
              />
            </div>
          ))}
          {editing.confirmingRemove ? (
            <div class="actions confirm-remove" role="group" aria-labelledby="confirm-remove-text">
              <p id="confirm-remove-text">{text.rows.confirmRemove(row.rowNumber)}</p>
              <button type="button" class="danger" ref={confirm} disabled={editing.saving} onClick={props.onRemove}>
                {text.rows.confirmRemoveYes}
              </button>
              <button type="button" class="secondary" onClick={() => props.onAskRemove(false)}>
                {text.rows.keep}
              </button>
            </div>
          ) : (
            <div class="actions">
              <button type="submit" disabled={editing.saving}>
                {editing.saving ? text.rows.saving : text.rows.save}
              </button>
              <button type="button" class="danger" disabled={editing.saving} onClick={() => props.onAskRemove(true)}>
                {text.rows.remove}
              </button>
              <button type="button" class="secondary" onClick={props.onClose}>
                {text.rows.close}
              </button>
            </div>
          )}
        </form>
      )}
    </dialog>
  );
}
