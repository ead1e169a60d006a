import { useState } from "preact/hooks";
import { text } from "../text.js";
import { useStore } from "../state/context.js";

/** Pasting a token (and, in Development, the command that mints one), or signing in with the OIDC provider. */
export function SignInPage() {
  const { state, actions, config, signInWithProvider } = useStore();
  const [token, setToken] = useState("");
  if (config.signIn === "oidc") {
    return (
      <section aria-labelledby="page-title" class="card narrow">
        <h1 id="page-title">{text.signIn.title}</h1>
        <p>{text.signIn.intro}</p>
        <button type="button" disabled={state.busy} onClick={() => void signInWithProvider()}>
          {text.signIn.withProvider}
        </button>
      </section>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    void actions.signIn(token);
  };
  return (
    <section aria-labelledby="page-title" class="card narrow">
      <h1 id="page-title">{text.signIn.title}</h1>
      <p>{text.signIn.intro}</p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="token">{text.signIn.tokenLabel}</label>
          <textarea
            id="token"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            aria-describedby="token-help"
            value={token}
            onInput={(event) => setToken((event.currentTarget as HTMLTextAreaElement).value)}
          />
          <p id="token-help" class="help">
            {text.signIn.tokenHelp}
          </p>
        </div>
        {config.development && (
          <div class="field">
            <p>{text.signIn.developmentHelp}</p>
            <pre class="command" tabIndex={0}>
              <code>{text.signIn.developmentCommand}</code>
            </pre>
          </div>
        )}
        <button type="submit" disabled={state.busy}>
          {text.signIn.submit}
        </button>
      </form>
    </section>
  );
}
