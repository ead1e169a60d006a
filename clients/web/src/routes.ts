import { InvitationStatus } from "./gen/bulkinvite/v1/invitation_pb.js";

// The page's screens, one per address (the server answers each of these paths with index.html).

export type Route =
  | { name: "import" }
  | { name: "review"; importId: string }
  | { name: "invitations"; importId: string; status: InvitationStatus }
  | { name: "accept"; token: string }
  | { name: "signInCallback" }
  | { name: "notFound" };

// The status filter in the address, by the enum's name: /invitations?status=pending.
const statuses = [InvitationStatus.PENDING, InvitationStatus.ACCEPTED, InvitationStatus.REVOKED, InvitationStatus.EXPIRED];
const statusName = (status: InvitationStatus) => (InvitationStatus[status] ?? "").toLowerCase();
const statusOf = (name: string | null) => statuses.find((status) => statusName(status) === name) ?? InvitationStatus.UNSPECIFIED;

export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  if (pathname === "/" || pathname === "/index.html") return { name: "import" };
  if (pathname === "/invitations") return { name: "invitations", importId: query.get("import") ?? "", status: statusOf(query.get("status")) };
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
    case "invitations": {
      const query = new URLSearchParams();
      if (route.importId) query.set("import", route.importId);
      if (route.status !== InvitationStatus.UNSPECIFIED) query.set("status", statusName(route.status));
      const search = query.toString();
      return search ? `/invitations?${search}` : "/invitations";
    }
    case "accept":
      return "/invitations/accept";
    case "signInCallback":
      return "/signin-callback";
    case "notFound":
      return "/";
  }
}
