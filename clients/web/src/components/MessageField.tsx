import { maxMessageCharacters, messageLength, messageProblem } from "../invite/batchOptions.js";
import { text } from "../text.js";

/** The inviter's personal message: a textarea with its count against the limit, and why the server would refuse it. */
export function MessageField(props: { value: string; onChange: (value: string) => void }) {
  const length = messageLength(props.value);
  const problem = messageProblem(props.value);
  return (
    <div class="field">
      <label for="personal-message">{text.permissions.messageLabel}</label>
      <p id="personal-message-help" class="help">
        {text.permissions.messageHelp}
      </p>
      <textarea
        id="personal-message"
        class="message-input"
        rows={5}
        value={props.value}
        aria-describedby="personal-message-help personal-message-count personal-message-problem"
        aria-invalid={problem !== null}
        onInput={(event) => props.onChange((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id="personal-message-count" class={problem === "tooLong" ? "counter over" : "counter"} data-testid="message-count">
        {text.permissions.messageCount(length, maxMessageCharacters)}
      </p>
      {/* Always in the page, so a screen reader announces the problem when it appears. */}
      <p id="personal-message-problem" class="field-problem" aria-live="polite" data-testid="message-problem">
        {problem === "tooLong" && text.permissions.messageTooLong(length - maxMessageCharacters)}
        {problem === "controlCharacter" && text.permissions.messageControlCharacter}
      </p>
    </div>
  );
}
