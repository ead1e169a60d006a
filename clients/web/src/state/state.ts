import type { Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import type { ColumnMapping, Import } from "../gen/bulkinvite/v1/import_pb.js";
import { InvitationStatus, type Invitation, type InvitationPreview, type Member } from "../gen/bulkinvite/v1/invitation_pb.js";
import type { GetCallerResponse, ImportRow, Permission } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import type { Session } from "../auth/session.js";
import type { PendingUpload } from "../upload/pendingUpload.js";
import { initialView, type TableView } from "../diagnostics/view.js";
import type { Route } from "../routes.js";
import { defaultLifetimeDays } from "../invite/batchOptions.js";

// The page's whole state, in one place: components read it and dispatch actions (actions.ts);
// only the reducer (reducer.ts) changes it.

export type Step = "upload" | "review" | "permissions" | "result";

export interface Upload {
  fileName: string;
  /** Bytes the server has stored. */
  sentBytes: number;
  totalBytes: number;
  /** The file is still being read for its SHA-256 (or the server asked where an earlier upload is): nothing sent yet. */
  preparing: boolean;
}

/** An upload that stopped before its end (a reload, or the server out of reach too long): picking the same file again continues it. */
export interface Interrupted {
  upload: PendingUpload;
  persistedSize: number;
}

/** How far the running check is (StreamCheckImport's progress). */
export interface CheckRun {
  rowsRead: number;
  bytesRead: number;
  sizeBytes: number;
}

export interface Check {
  import: Import;
  fileDiagnostics: Diagnostic[];
  rowDiagnostics: Diagnostic[];
  /** How each column of the file was read (file column → field, or not imported), in file order. */
  columnMappings: ColumnMapping[];
  /** More diagnostics exist than the page loaded. */
  truncated: boolean;
}

/** The row the admin is fixing in place (ListImportRows), as stored, and how far the fix is. */
export interface RowEditing {
  row: ImportRow;
  saving: boolean;
  /** Asking whether to remove the row. */
  confirmingRemove: boolean;
  /** Why the last save did not fix the row (the row's diagnostics show what is left), or why it failed. */
  problem: string | null;
}

export interface Wizard {
  step: Step;
  /** Why the dropped or chosen file was refused before upload. */
  refusal: string | null;
  upload: Upload | null;
  interrupted: Interrupted | null;
  /** The check while it runs, or null when none runs. */
  checking: CheckRun | null;
  check: Check | null;
  table: TableView;
  /** A row being fixed in place, or null. */
  editing: RowEditing | null;
  /** What the last fix or removal did, said once on the review. */
  reviewNotice: string | null;
  /** ListPermissions: the catalog, each permission saying whether the caller may grant it and why not. */
  catalog: Permission[];
  selected: string[];
  /** The admin confirmed granting privileged permissions (organization.admin, members.invite); unticked again when another is chosen. */
  confirmPrivileged: boolean;
  /** The inviter's note for every invitation of the batch, as typed (checked by invite/batchOptions.ts before sending). */
  message: string;
  /** How many days the batch's invitations can be accepted. */
  lifetimeDays: number;
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
  | { phase: "ready"; token: string; preview: InvitationPreview }
  | { phase: "accepting"; token: string; preview: InvitationPreview }
  | { phase: "accepted"; member: Member; preview: InvitationPreview }
  | { phase: "failed"; reason: string };

export interface State {
  route: Route;
  session: Session | null;
  /** GetCaller: who the server says the signed-in person is (names for people, what they may do); null until it answers. */
  caller: GetCallerResponse | null;
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
  interrupted: null,
  checking: null,
  check: null,
  table: initialView,
  editing: null,
  reviewNotice: null,
  catalog: [],
  selected: [],
  confirmPrivileged: false,
  message: "",
  lifetimeDays: defaultLifetimeDays,
  applying: false,
  result: null,
};

export const initialInvitations: Invitations = {
  status: InvitationStatus.UNSPECIFIED,
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
    caller: null,
    busy: false,
    error: null,
    wizard: initialWizard,
    invitations: route.name === "invitations" ? { ...initialInvitations, importId: route.importId, status: route.status } : initialInvitations,
    accept: route.name === "accept" && route.token ? { phase: "looking", token: route.token } : { phase: "failed", reason: "NO_TOKEN" },
  };
}
