import { text } from "../text.js";
import { useStore } from "../state/context.js";

/** The latest failure, announced to screen readers, until dismissed. */
export function ErrorAlert() {
  const { state, actions } = useStore();
  return (
    <div role="alert" class={state.error ? "alert" : "alert empty"}>
      {state.error && (
        <>
          <p>{state.error}</p>
          <button type="button" class="secondary" onClick={actions.dismiss}>
            {text.errors.dismiss}
          </button>
        </>
      )}
    </div>
  );
}
