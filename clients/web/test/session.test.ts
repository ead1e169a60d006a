import { describe, expect, it } from "vitest";
import { InMemoryWebStorage } from "oidc-client-ts";
import { clearSession, loadSession, mayGrant, saveSession, sessionOf } from "../src/auth/session.js";

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: object) => `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;

describe("the session a token opens", () => {
  it("reads the organization, the subject and the permissions (a JSON array or a space-separated string)", () => {
    expect(sessionOf(jwt({ sub: "ann", org: "acme", permissions: ["projects.view", "members.invite"] }))).toMatchObject({
      organizationId: "acme",
      subject: "ann",
      permissions: ["projects.view", "members.invite"],
    });
    expect(sessionOf(jwt({ sub: "bob", org: "acme", permissions: "projects.view  images.annotate" }))?.permissions).toEqual(["projects.view", "images.annotate"]);
  });

  it("refuses what is not a JWT with sub and org", () => {
    expect(sessionOf("not a token")).toBeNull();
    expect(sessionOf(jwt({ sub: "ann" }))).toBeNull();
    expect(sessionOf(jwt({ org: "acme" }))).toBeNull();
  });

  it("lets an admin grant anything and others only what they hold", () => {
    const admin = sessionOf(jwt({ sub: "a", org: "acme", permissions: ["organization.admin"] }))!;
    const inviter = sessionOf(jwt({ sub: "i", org: "acme", permissions: ["members.invite", "projects.view"] }))!;

    expect(mayGrant(admin, "models.deploy")).toBe(true);
    expect(mayGrant(inviter, "projects.view")).toBe(true);
    expect(mayGrant(inviter, "models.deploy")).toBe(false);
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
