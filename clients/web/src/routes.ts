// The page's screens, one per address (the server answers each of these paths with index.html).

export type Route =
  | { name: "import" }
  | { name: "review"; importId: string }
  | { name: "invitations"; importId: string }
  | { name: "accept"; token: string }
  | { name: "signInCallback" }
  | { name: "notFound" };

export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  if (pathname === "/" || pathname === "/index.html") return { name: "import" };
  if (pathname === "/invitations") return { name: "invitations", importId: query.get("import") ?? "" };
  if (pathname === "/invitations/accept") return { name: "accept", token: query.get("token") ?? "" };
  if (pathname === "/signin-callback") return { name: "signInCallback" };
  const review = /^\/imports\/([0-9a-f]{32})$/.exec(pathname);
  if (review) return { name: "review", importId: review[1]! };
  return { name: "notFound" };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case "import":
      return "/";
    case "review":
      return `/imports/${route.importId}`;
    case "invitations":
      return route.importId ? `/invitations?import=${encodeURIComponent(route.importId)}` : "/invitations";
    case "accept":
      return "/invitations/accept";
    case "signInCallback":
      return "/signin-callback";
    case "notFound":
      return "/";
  }
}
