import type { Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import type { Import } from "../gen/bulkinvite/v1/import_pb.js";
import type { Invitation, InvitationPreview, InvitationStatus, Member } from "../gen/bulkinvite/v1/invitation_pb.js";
import type { Permission } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import type { Session } from "../auth/session.js";
import { initialView, type TableView } from "../diagnostics/view.js";
import type { Route } from "../routes.js";

// The page's whole state, in one place: components read it and dispatch actions (actions.ts);
// only the reducer (reducer.ts) changes it.

export type Step = "upload" | "review" | "permissions" | "result";

export interface Upload {
  fileName: string;
  sentBytes: number;
  totalBytes: number;
}

export interface Check {
  import: Import;
  fileDiagnostics: Diagnostic[];
  rowDiagnostics: Diagnostic[];
  /** More diagnostics exist than the page loaded. */
  truncated: boolean;
}

export interface Wizard {
  step: Step;
  /** Why the dropped or chosen file was refused before upload. */
  refusal: string | null;
  upload: Upload | null;
  /** Rows read so far while the check runs, or null when no check runs. */
  checking: { rowsRead: number } | null;
  check: Check | null;
  table: TableView;
  catalog: Permission[];
  /** The server says which permissions the caller may grant (GetCaller answers); else the token's claims tell. */
  serverGrants: boolean;
  selected: string[];
  /** The admin confirmed granting privileged permissions (organization.admin, members.invite). */
  confirmPrivileged: boolean;
  applying: boolean;
  result: { invitedCount: number; skippedCount: number; import: Import } | null;
}

export interface Invitations {
  status: InvitationStatus;
  importId: string;
  items: Invitation[];
  /** Page tokens of the pages before the current one (the first page's is ""). */
  previousTokens: string[];
  pageToken: string;
  nextPageToken: string;
  loading: boolean;
  /** The action awaiting the admin's confirmation. */
  confirming: { kind: "resend" | "revoke"; invitation: Invitation } | null;
  notice: string | null;
}

export type Accept =
  | { phase: "looking"; token: string }
  | { phase: "ready"; token: string; preview: InvitationPreview | null }
  | { phase: "accepting"; token: string }
  | { phase: "accepted"; member: Member; invitation: Invitation }
  | { phase: "failed"; reason: string };

export interface State {
  route: Route;
  session: Session | null;
  /** A call is running (the page shows it busy). */
  busy: boolean;
  /** The latest failure, shown as an alert until dismissed or replaced. */
  error: string | null;
  wizard: Wizard;
  invitations: Invitations;
  accept: Accept;
}

export const initialWizard: Wizard = {
  step: "upload",
  refusal: null,
  upload: null,
  checking: null,
  check: null,
  table: initialView,
  catalog: [],
  serverGrants: false,
  selected: [],
  confirmPrivileged: false,
  applying: false,
  result: null,
};

export const initialInvitations: Invitations = {
  status: 0 as InvitationStatus,
  importId: "",
  items: [],
  previousTokens: [],
  pageToken: "",
  nextPageToken: "",
  loading: false,
  confirming: null,
  notice: null,
};

export function initialState(route: Route, session: Session | null): State {
  return {
    route,
    session,
    busy: false,
    error: null,
    wizard: initialWizard,
    invitations: { ...initialInvitations, importId: route.name === "invitations" ? route.importId : "" },
    accept: route.name === "accept" && route.token ? { phase: "looking", token: route.token } : { phase: "failed", reason: "NO_TOKEN" },
  };
}
