import { jwtDecode } from "jwt-decode";

// The admin's bearer token lives in sessionStorage only (gone with the tab, never in a URL or a
// cookie); signing out removes it.

const key = "bulkinvite.token";

export interface Session {
  token: string;
  /** The token's org claim: the one organization the caller acts for. */
  organizationId: string;
  /** The token's sub claim. What the caller may do, and their names, come from the server (GetCaller, ListPermissions). */
  subject: string;
}

/** The session a token opens, or null when it is not a JWT with sub and org claims. */
export function sessionOf(token: string): Session | null {
  try {
    const claims = jwtDecode<{ sub?: unknown; org?: unknown }>(token.trim());
    if (typeof claims.org !== "string" || !claims.org || typeof claims.sub !== "string") return null;
    return { token: token.trim(), organizationId: claims.org, subject: claims.sub };
  } catch {
    return null;
  }
}

export function loadSession(storage: Storage): Session | null {
  const token = storage.getItem(key);
  return token ? sessionOf(token) : null;
}

export function saveSession(storage: Storage, session: Session): void {
  storage.setItem(key, session.token);
}

export function clearSession(storage: Storage): void {
  storage.removeItem(key);
}
