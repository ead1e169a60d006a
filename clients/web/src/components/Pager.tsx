import { text } from "../text.js";

/** Previous and next page buttons, with where the reader is when the page count is known. */
export function Pager(props: { page?: number; pages?: number; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void }) {
  return (
    <nav class="pager" aria-label={text.pager.label}>
      <button type="button" class="secondary" disabled={!props.hasPrevious} onClick={props.onPrevious}>
        {text.pager.previous}
      </button>
      {props.page !== undefined && props.pages !== undefined && <span aria-live="polite">{text.pager.position(props.page + 1, props.pages)}</span>}
      <button type="button" class="secondary" disabled={!props.hasNext} onClick={props.onNext}>
        {text.pager.next}
      </button>
    </nav>
  );
}
