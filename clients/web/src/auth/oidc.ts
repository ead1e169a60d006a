import { UserManager, WebStorageStateStore, type UserManagerSettings } from "oidc-client-ts";
import type { PageConfig } from "../config.js";

// Signing in with the OIDC provider of Authentication:Authority: the authorization code flow with
// PKCE (oidc-client-ts's only flow for code), every piece of state in sessionStorage, no silent
// renewal in a hidden frame (the page's policy allows no frame): when the token expires, the next
// call answers UNAUTHENTICATED and the page asks to sign in again.

export const callbackPath = "/signin-callback";

export function oidcSettings(config: PageConfig, origin: string, storage: Storage): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: origin + callbackPath,
    post_logout_redirect_uri: origin + "/",
    response_type: "code",
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: storage }),
    stateStore: new WebStorageStateStore({ store: storage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  };
}

export function userManager(config: PageConfig, origin: string, storage: Storage): UserManager {
  return new UserManager(oidcSettings(config, origin, storage));
}

/** Leaves for the provider's sign-in page. */
export async function startSignIn(manager: UserManager): Promise<void> {
  await manager.signinRedirect();
}

/** Back from the provider: exchanges the code (with the PKCE verifier) for the access token the API takes. */
export async function completeSignIn(manager: UserManager, url: string): Promise<string> {
  const user = await manager.signinRedirectCallback(url);
  return user.access_token;
}
