import { render } from "preact";
import { App } from "./App.js";
import { loadSession } from "./auth/session.js";
import { readConfig } from "./config.js";
import { parseRoute } from "./routes.js";
import { initialState } from "./state/state.js";
import "./styles.css";

const config = readConfig(document);
const route = parseRoute(location.pathname, location.search);
// The invitation token is a credential: once read, it leaves the address bar (and so the history).
if (route.name === "accept") history.replaceState(null, "", "/invitations/accept");

render(<App config={config} initial={initialState(route, loadSession(sessionStorage))} />, document.getElementById("app")!);
