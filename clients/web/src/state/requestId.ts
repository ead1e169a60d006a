/** A random id for a request the client may retry (getRandomValues works outside secure contexts too, unlike randomUUID). */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
