// What the server wrote into index.html as <meta name="bulkinvite:…"> tags (no inline script: the
// page's Content-Security-Policy forbids it).

export interface PageConfig {
  /** "token": paste a bearer token; "oidc": sign in with the OIDC provider. */
  signIn: "token" | "oidc";
  authority: string;
  clientId: string;
  scope: string;
  /** The server runs in Development: the page shows the command that mints a token. */
  development: boolean;
}

export function readConfig(doc: Pick<Document, "querySelector">): PageConfig {
  const meta = (name: string) => doc.querySelector<HTMLMetaElement>(`meta[name="bulkinvite:${name}"]`)?.content ?? "";
  return {
    signIn: meta("sign-in") === "oidc" ? "oidc" : "token",
    authority: meta("authority"),
    clientId: meta("client-id") || "bulkinvite-web",
    scope: meta("scope") || "openid profile",
    // `npm run dev` serves index.html without the server's tags: treat it as Development.
    development: meta("development") !== "false",
  };
}
