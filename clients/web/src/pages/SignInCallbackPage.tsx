import { text } from "../text.js";

/** Shown while the page exchanges the provider's code for a token (App does the exchange). */
export function SignInCallbackPage() {
  return (
    <section aria-labelledby="page-title" class="card narrow">
      <h1 id="page-title">{text.signIn.title}</h1>
      <p role="status">{text.signIn.completing}</p>
    </section>
  );
}
