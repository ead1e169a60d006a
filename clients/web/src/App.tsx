import { useEffect, useMemo, useReducer, useRef } from "preact/hooks";
import type { UserManager } from "oidc-client-ts";
import { createClients, transportFor } from "./api/clients.js";
import { sessionOf } from "./auth/session.js";
import type { PageConfig } from "./config.js";
import { parseRoute } from "./routes.js";
import { createActions } from "./state/actions.js";
import { StoreContext, type Store } from "./state/context.js";
import { reducer, type Action } from "./state/reducer.js";
import type { State } from "./state/state.js";
import { text } from "./text.js";
import { Header } from "./components/Header.js";
import { ErrorAlert } from "./components/ErrorAlert.js";
import { AcceptPage } from "./pages/AcceptPage.js";
import { ImportPage } from "./pages/ImportPage.js";
import { InvitationsPage } from "./pages/InvitationsPage.js";
import { SignInCallbackPage } from "./pages/SignInCallbackPage.js";
import { SignInPage } from "./pages/SignInPage.js";

/** Holds the state, wires the actions to the generated clients, and shows the screen of the address. */
export function App({ config, initial }: { config: PageConfig; initial: State }) {
  const [state, dispatch] = useReducer(reducer, initial);
  const current = useRef(state);
  const main = useRef<HTMLElement>(null);
  const oidc = useRef<UserManager | null>(null);
  // The OIDC library is loaded only when the server signs in with a provider.
  const loadOidc = () => import("./auth/oidc.js");
  const manager = async () => (oidc.current ??= (await loadOidc()).userManager(config, location.origin, sessionStorage));

  // Actions read the state right after dispatching (the bearer token just stored, say), before
  // Preact renders again: keep `current` ahead by applying the (pure) reducer here too.
  const dispatchNow = (action: Action) => {
    current.current = reducer(current.current, action);
    dispatch(action);
  };

  const actions = useMemo(() => {
    // The invitee's calls carry no bearer token: the invitation token is their credential.
    const token = () => (current.current.route.name === "accept" ? null : (current.current.session?.token ?? null));
    return createActions({
      clients: createClients(transportFor(location.origin, token)),
      storage: sessionStorage,
      dispatch: dispatchNow,
      state: () => current.current,
      history: { push: (href) => history.pushState(null, "", href), replace: (href) => history.replaceState(null, "", href) },
      onSignedOut: async () => {
        if (config.signIn === "oidc") await (await manager()).removeUser();
      },
    });
  }, []);

  useEffect(() => {
    const moved = () => dispatchNow({ type: "navigated", route: parseRoute(location.pathname, location.search) });
    addEventListener("popstate", moved);
    return () => removeEventListener("popstate", moved);
  }, []);

  useEffect(() => {
    if (state.route.name === "signInCallback") {
      void (async () => {
        try {
          const session = sessionOf(await (await loadOidc()).completeSignIn(await manager(), location.href));
          if (session && (await actions.openSession(session))) {
            history.replaceState(null, "", "/");
            dispatchNow({ type: "navigated", route: { name: "import" } });
            return;
          }
        } catch {
          // The provider's answer was refused (stale state, wrong code): say so, and offer to sign in again.
        }
        history.replaceState(null, "", "/");
        dispatchNow({ type: "navigated", route: { name: "import" } });
        dispatchNow({ type: "failed", message: text.signIn.failed });
      })();
    } else if (state.session && state.route.name !== "accept") {
      void actions.start();
    }
  }, []);

  // A new screen: move the focus to it, so keyboard and screen reader users start at its top.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [state.route]);

  const store: Store = { state, actions, config, signInWithProvider: async () => (await loadOidc()).startSignIn(await manager()) };
  return (
    <StoreContext.Provider value={store}>
      <Header />
      <main id="main" ref={main} tabIndex={-1} aria-busy={state.busy}>
        <ErrorAlert />
        <Screen state={state} />
      </main>
    </StoreContext.Provider>
  );
}

function Screen({ state }: { state: State }) {
  const route = state.route;
  if (route.name === "accept") return <AcceptPage />;
  if (route.name === "signInCallback") return <SignInCallbackPage />;
  if (!state.session) return <SignInPage />;
  switch (route.name) {
    case "import":
      return <ImportPage />;
    case "review":
      return <ImportPage importId={route.importId} />;
    case "invitations":
      return <InvitationsPage importId={route.importId} status={route.status} />;
    case "notFound":
      return <ImportPage />;
  }
}
