import { describe, expect, it } from "vitest";
import { InMemoryWebStorage } from "oidc-client-ts";
import { clearSession, loadSession, saveSession, sessionOf } from "../src/auth/session.js";

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: object) => `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;

describe("the session a token opens", () => {
  it("reads the organization and the subject", () => {
    expect(sessionOf(jwt({ sub: "ann", org: "acme", permissions: ["projects.view"] }))).toEqual({
      token: jwt({ sub: "ann", org: "acme", permissions: ["projects.view"] }),
      organizationId: "acme",
      subject: "ann",
    });
  });

  it("refuses what is not a JWT with sub and org", () => {
    expect(sessionOf("not a token")).toBeNull();
    expect(sessionOf(jwt({ sub: "ann" }))).toBeNull();
    expect(sessionOf(jwt({ org: "acme" }))).toBeNull();
  });

  it("is kept in the storage it is given until signing out clears it", () => {
    const storage = new InMemoryWebStorage();
    const session = sessionOf(jwt({ sub: "ann", org: "acme" }))!;

    saveSession(storage, session);
    const loaded = loadSession(storage);
    clearSession(storage);

    expect(loaded?.token).toBe(session.token);
    expect(loadSession(storage)).toBeNull();
    expect(storage.length).toBe(0);
  });
});
