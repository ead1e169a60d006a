import type { Import } from "../gen/bulkinvite/v1/import_pb.js";
import type { Invitation, InvitationPreview, InvitationStatus, Member } from "../gen/bulkinvite/v1/invitation_pb.js";
import type { CheckProgress, GetCallerResponse, ImportRow, Permission } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import type { Session } from "../auth/session.js";
import type { TableView } from "../diagnostics/view.js";
import type { Route } from "../routes.js";
import { initialInvitations, initialWizard, type Check, type Interrupted, type RowEditing, type State, type Step } from "./state.js";

export type Action =
  | { type: "navigated"; route: Route }
  | { type: "signedIn"; session: Session }
  | { type: "signedOut" }
  | { type: "busy"; busy: boolean }
  | { type: "failed"; message: string }
  | { type: "dismissed" }
  | { type: "fileRefused"; reason: string }
  | { type: "uploadStarted"; fileName: string; totalBytes: number }
  | { type: "uploadProgressed"; sentBytes: number }
  | { type: "uploadEnded" }
  | { type: "uploadInterrupted"; interrupted: Interrupted | null }
  | { type: "checkStarted" }
  | { type: "checkProgressed"; progress: CheckProgress }
  | { type: "checkEnded" }
  | { type: "checked"; check: Check }
  | { type: "tableChanged"; table: TableView }
  | { type: "rowOpened"; row: ImportRow }
  | { type: "rowSaving" }
  | { type: "rowStillWrong"; row: ImportRow; problem: string }
  | { type: "rowRemoveAsked"; on: boolean }
  | { type: "rowClosed" }
  | { type: "rowsChanged"; check: Check; notice: string; editing: RowEditing | null }
  | { type: "stepChosen"; step: Step }
  | { type: "callerLoaded"; caller: GetCallerResponse; catalog: Permission[] }
  | { type: "privilegedConfirmed"; on: boolean }
  | { type: "permissionToggled"; id: string; on: boolean }
  | { type: "messageChanged"; message: string }
  | { type: "lifetimeChosen"; days: number }
  | { type: "applyStarted" }
  | { type: "applied"; invitedCount: number; skippedCount: number; import: Import }
  | { type: "applyFailed"; message: string }
  | { type: "restarted" }
  | { type: "invitationFilterChanged"; status: InvitationStatus; importId: string }
  | { type: "invitationsLoading" }
  | { type: "invitationsLoaded"; items: Invitation[]; pageToken: string; nextPageToken: string; previousTokens: string[] }
  | { type: "confirmationAsked"; kind: "resend" | "revoke"; invitation: Invitation }
  | { type: "confirmationClosed" }
  | { type: "invitationChanged"; invitation: Invitation; notice: string }
  | { type: "lookedUp"; preview: InvitationPreview }
  | { type: "accepting" }
  | { type: "accepted"; member: Member }
  | { type: "acceptFailed"; reason: string };

export function reducer(state: State, action: Action): State {
  const wizard = state.wizard;
  switch (action.type) {
    case "navigated":
      return { ...state, route: action.route, error: null };
    case "signedIn":
      return { ...state, session: action.session, error: null };
    case "signedOut":
      return { ...state, session: null, caller: null, wizard: initialWizard, invitations: initialInvitations, busy: false };
    case "busy":
      return { ...state, busy: action.busy };
    case "failed":
      return { ...state, error: action.message, busy: false };
    case "dismissed":
      return { ...state, error: null };
    case "fileRefused":
      return { ...state, wizard: { ...wizard, refusal: action.reason, upload: null } };
    case "uploadStarted":
      return {
        ...state,
        error: null,
        wizard: { ...wizard, refusal: null, interrupted: null, upload: { fileName: action.fileName, sentBytes: 0, totalBytes: action.totalBytes, preparing: true } },
      };
    case "uploadProgressed":
      return wizard.upload ? { ...state, wizard: { ...wizard, upload: { ...wizard.upload, sentBytes: action.sentBytes, preparing: false } } } : state;
    case "uploadEnded":
      return { ...state, wizard: { ...wizard, upload: null } };
    case "uploadInterrupted":
      return { ...state, wizard: { ...wizard, interrupted: action.interrupted } };
    case "checkStarted":
      return { ...state, wizard: { ...wizard, checking: { rowsRead: 0, bytesRead: 0, sizeBytes: 0 } } };
    case "checkEnded":
      return { ...state, wizard: { ...wizard, checking: null } };
    case "checkProgressed": {
      const { rowsRead, bytesRead, sizeBytes } = action.progress;
      return { ...state, wizard: { ...wizard, checking: { rowsRead, bytesRead: Number(bytesRead), sizeBytes: Number(sizeBytes) } } };
    }
    case "checked":
      return { ...state, busy: false, wizard: { ...wizard, checking: null, check: action.check, step: "review", table: initialWizard.table, editing: null, reviewNotice: null, selected: [], confirmPrivileged: false, message: "", lifetimeDays: initialWizard.lifetimeDays, result: null } };
    case "tableChanged":
      return { ...state, wizard: { ...wizard, table: action.table } };
    case "rowOpened":
      return { ...state, error: null, wizard: { ...wizard, reviewNotice: null, editing: { row: action.row, saving: false, confirmingRemove: false, problem: null } } };
    case "rowSaving":
      return wizard.editing ? { ...state, wizard: { ...wizard, editing: { ...wizard.editing, saving: true, problem: null } } } : state;
    case "rowStillWrong":
      return { ...state, wizard: { ...wizard, editing: { row: action.row, saving: false, confirmingRemove: false, problem: action.problem } } };
    case "rowRemoveAsked":
      return wizard.editing ? { ...state, wizard: { ...wizard, editing: { ...wizard.editing, confirmingRemove: action.on } } } : state;
    case "rowClosed":
      return { ...state, wizard: { ...wizard, editing: null } };
    case "rowsChanged":
      // The check as it is after the fix: its counts and diagnostics; the table keeps its tab, filter and sort.
      return { ...state, wizard: { ...wizard, check: action.check, editing: action.editing, reviewNotice: action.notice, table: { ...wizard.table, page: 0 } } };
    case "stepChosen":
      return { ...state, error: null, wizard: { ...wizard, step: action.step } };
    case "callerLoaded":
      return { ...state, caller: action.caller, wizard: { ...wizard, catalog: action.catalog } };
    case "privilegedConfirmed":
      return { ...state, wizard: { ...wizard, confirmPrivileged: action.on } };
    case "permissionToggled": {
      const others = wizard.selected.filter((id) => id !== action.id);
      // A privileged permission chosen after the confirmation was not part of what was confirmed.
      const privilegedAdded = action.on && wizard.catalog.some((p) => p.id === action.id && p.privileged);
      return { ...state, wizard: { ...wizard, selected: action.on ? [...others, action.id] : others, confirmPrivileged: wizard.confirmPrivileged && !privilegedAdded } };
    }
    case "messageChanged":
      return { ...state, wizard: { ...wizard, message: action.message } };
    case "lifetimeChosen":
      return { ...state, wizard: { ...wizard, lifetimeDays: action.days } };
    case "applyStarted":
      return { ...state, error: null, wizard: { ...wizard, applying: true } };
    case "applied":
      return { ...state, wizard: { ...wizard, applying: false, step: "result", result: { invitedCount: action.invitedCount, skippedCount: action.skippedCount, import: action.import } } };
    case "applyFailed":
      return { ...state, error: action.message, wizard: { ...wizard, applying: false } };
    case "restarted":
      return { ...state, error: null, wizard: { ...initialWizard, catalog: wizard.catalog, interrupted: wizard.interrupted } };
    case "invitationFilterChanged":
      return { ...state, invitations: { ...state.invitations, status: action.status, importId: action.importId } };
    case "invitationsLoading":
      return { ...state, invitations: { ...state.invitations, loading: true } };
    case "invitationsLoaded":
      return {
        ...state,
        invitations: { ...state.invitations, loading: false, items: action.items, pageToken: action.pageToken, nextPageToken: action.nextPageToken, previousTokens: action.previousTokens },
      };
    case "confirmationAsked":
      return { ...state, invitations: { ...state.invitations, confirming: { kind: action.kind, invitation: action.invitation }, notice: null } };
    case "confirmationClosed":
      return { ...state, invitations: { ...state.invitations, confirming: null } };
    case "invitationChanged":
      return {
        ...state,
        invitations: {
          ...state.invitations,
          confirming: null,
          notice: action.notice,
          items: state.invitations.items.map((i) => (i.invitationId === action.invitation.invitationId ? action.invitation : i)),
        },
      };
    case "lookedUp":
      return state.accept.phase === "looking" ? { ...state, accept: { phase: "ready", token: state.accept.token, preview: action.preview } } : state;
    case "accepting":
      return state.accept.phase === "ready" ? { ...state, accept: { phase: "accepting", token: state.accept.token, preview: state.accept.preview } } : state;
    case "accepted":
      return state.accept.phase === "accepting" ? { ...state, accept: { phase: "accepted", member: action.member, preview: state.accept.preview } } : state;
    case "acceptFailed":
      return { ...state, accept: { phase: "failed", reason: action.reason } };
  }
}
