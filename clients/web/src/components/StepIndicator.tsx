import { text } from "../text.js";
import type { Step } from "../state/state.js";

const steps: Step[] = ["upload", "review", "permissions", "result"];

/** Where the admin is in the import: Upload → Review → Permissions → Result. */
export function StepIndicator({ current }: { current: Step }) {
  return (
    <ol class="steps" aria-label={text.steps.label}>
      {steps.map((step, index) => (
        <li key={step} class={step === current ? "current" : ""} aria-current={step === current ? "step" : undefined}>
          <span class="visually-hidden">{text.stepOf(index + 1, steps.length)}: </span>
          {text.steps[step]}
        </li>
      ))}
    </ol>
  );
}
