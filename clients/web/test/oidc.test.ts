import { describe, expect, it } from "vitest";
import { InMemoryWebStorage, OidcClient } from "oidc-client-ts";
import { callbackPath, oidcSettings } from "../src/auth/oidc.js";
import type { PageConfig } from "../src/config.js";

const config: PageConfig = { signIn: "oidc", authority: "https://id.example.com/realms/acme", clientId: "bulkinvite-web", scope: "openid profile", development: false };

describe("the OIDC sign-in", () => {
  it("asks the provider for an authorization code with a PKCE S256 challenge, back to the page's callback", async () => {
    const storage = new InMemoryWebStorage();
    const settings = oidcSettings(config, "https://bulkinvite.example.com", storage);
    const client = new OidcClient({
      ...settings,
      // The provider's discovery document, as it would serve it (no network in a unit test).
      metadata: { issuer: config.authority, authorization_endpoint: `${config.authority}/auth`, token_endpoint: `${config.authority}/token` },
    });

    const request = await client.createSigninRequest({});
    const url = new URL(request.url);

    expect(url.origin + url.pathname).toBe(`${config.authority}/auth`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe("bulkinvite-web");
    expect(url.searchParams.get("redirect_uri")).toBe("https://bulkinvite.example.com" + callbackPath);
    expect(url.searchParams.get("scope")).toBe("openid profile");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The verifier waits in the page's own storage (sessionStorage in the browser) for the callback.
    expect(storage.length).toBe(1);
    expect(storage.getItem(storage.key(0)!)).toContain("code_verifier");
  });

  it("keeps the user in the given storage and renews nothing in a hidden frame", () => {
    const storage = new InMemoryWebStorage();
    const settings = oidcSettings(config, "https://bulkinvite.example.com", storage);

    expect(settings.automaticSilentRenew).toBe(false);
    expect(settings.monitorSession).toBe(false);
    expect(settings.post_logout_redirect_uri).toBe("https://bulkinvite.example.com/");
  });
});
