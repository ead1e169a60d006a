import { Code } from "@connectrpc/connect";
import { FileFormat } from "../gen/bulkinvite/v1/import_pb.js";
import type { Invitation, InvitationStatus } from "../gen/bulkinvite/v1/invitation_pb.js";
import type { Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import { ResultsScope, RowFilter, type CheckImportResponse } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import { transient, uploadFile } from "../upload/resumableUpload.js";
import { clearPendingUpload, loadPendingUpload, savePendingUpload } from "../upload/pendingUpload.js";
import type { Clients } from "../api/clients.js";
import { describe } from "../api/errors.js";
import { clearSession, saveSession, sessionOf, type Session } from "../auth/session.js";
import { mimeTypeOf, saveFile } from "../files/saveFile.js";
import { gatherFile } from "../files/streamedFile.js";
import { refusal } from "../files/fileCheck.js";
import { hrefOf, type Route } from "../routes.js";
import { text } from "../text.js";
import { lifetimeDuration, messageProblem } from "../invite/batchOptions.js";
import type { Action } from "./reducer.js";
import type { Check, RowEditing, State } from "./state.js";
import { editOf, findRow, type RowCells } from "../rows/rowEdit.js";

// What the page does: each action calls the API through the generated clients and reports to the
// reducer. Components call these and never the clients.

/** The most row diagnostics the review loads (the server pages them 1,000 at a time). */
export const maxDiagnostics = 10_000;

export interface Environment {
  clients: Clients;
  storage: Storage;
  dispatch: (action: Action) => void;
  state: () => State;
  /** Changes the address bar (pushState) or, with replace, rewrites it. */
  history: { push: (href: string) => void; replace: (href: string) => void };
  /** Leaves the page signed out (the OIDC user is forgotten too). */
  onSignedOut: () => Promise<void>;
}

export function createActions(env: Environment) {
  const { clients, dispatch } = env;

  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    dispatch({ type: "busy", busy: true });
    try {
      return await work();
    } catch (error) {
      const failure = describe(error);
      if (failure.signedOut) await signOut();
      dispatch({ type: "failed", message: failure.message });
      return undefined;
    } finally {
      dispatch({ type: "busy", busy: false });
    }
  }

  function navigate(route: Route): void {
    env.history.push(hrefOf(route));
    dispatch({ type: "navigated", route });
  }

  async function signIn(token: string): Promise<boolean> {
    if (!token.trim()) {
      dispatch({ type: "failed", message: text.signIn.emptyToken });
      return false;
    }
    const session = sessionOf(token);
    if (!session) {
      dispatch({ type: "failed", message: text.signIn.notAToken });
      return false;
    }
    return openSession(session);
  }

  /** Keeps the token once the server took it (GetCaller is the first call that needs one). */
  async function openSession(session: Session): Promise<boolean> {
    saveSession(env.storage, session);
    dispatch({ type: "signedIn", session });
    return start();
  }

  /** What a signed-in page needs first: the caller and the catalog, then any upload to continue. */
  async function start(): Promise<boolean> {
    if (!(await loadCaller())) return false;
    await findInterrupted();
    return true;
  }

  async function signOut(): Promise<void> {
    clearSession(env.storage);
    clearPendingUpload(env.storage);
    dispatch({ type: "signedOut" });
    await env.onSignedOut();
  }

  /** Who the server says the caller is (names for people), and the catalog with what they may grant. */
  async function loadCaller(): Promise<boolean> {
    const loaded = await attempt(async () => {
      const [caller, catalog] = await Promise.all([clients.imports.getCaller({}), clients.imports.listPermissions({})]);
      return { caller, catalog: catalog.permissions };
    });
    if (loaded) dispatch({ type: "callerLoaded", ...loaded });
    return loaded !== undefined;
  }

  /**
   * An upload this tab started and did not finish (kept in sessionStorage): offers to continue it
   * from where the server is; one the server finished meanwhile opens its review.
   */
  async function findInterrupted(): Promise<void> {
    const session = env.state().session;
    const pending = session ? loadPendingUpload(env.storage, session.organizationId) : null;
    if (!pending) return;
    try {
      const status = await clients.imports.queryUploadStatus({ uploadId: pending.uploadId });
      if (status.complete && status.import) {
        clearPendingUpload(env.storage);
        if (env.state().route.name === "import") await showImport(status.import.importId);
        return;
      }
      dispatch({ type: "uploadInterrupted", interrupted: { upload: pending, persistedSize: Number(status.persistedSize) } });
    } catch (error) {
      const failure = describe(error);
      // Gone (expired after its idle time, cancelled elsewhere): nothing to continue.
      if (failure.code === Code.NotFound || failure.code === Code.FailedPrecondition) clearPendingUpload(env.storage);
      else {
        if (failure.signedOut) await signOut();
        dispatch({ type: "failed", message: failure.message });
      }
    }
  }

  /** Abandons the interrupted upload (on the server too, freeing the organization's upload slot). */
  async function forgetInterrupted(): Promise<void> {
    const interrupted = env.state().wizard.interrupted;
    clearPendingUpload(env.storage);
    dispatch({ type: "uploadInterrupted", interrupted: null });
    if (interrupted) await clients.imports.cancelResumableUpload({ uploadId: interrupted.upload.uploadId }).catch(() => undefined);
  }

  async function downloadSample(format: FileFormat): Promise<void> {
    await attempt(async () => {
      const fallback = format === FileFormat.XLSX ? "bulk-invite-sample.xlsx" : "bulk-invite-sample.csv";
      const file = await gatherFile(clients.imports.getSampleFile({ format }), fallback);
      saveFile(file.name, file.chunks, mimeTypeOf(file.name));
    });
  }

  /** The import's results file (every row with its status and reason, or only the rows to fix), saved under the server's name. */
  async function downloadResults(importId: string, format: FileFormat, scope: ResultsScope): Promise<void> {
    await attempt(async () => {
      const fallback = `${importId}-${scope === ResultsScope.ROWS_TO_FIX ? "rows-to-fix" : "results"}.${format === FileFormat.XLSX ? "xlsx" : "csv"}`;
      const file = await gatherFile(clients.imports.exportImportResults({ importId, format, scope }), fallback);
      saveFile(file.name, file.chunks, mimeTypeOf(file.name));
    });
  }

  function refuse(files: readonly File[]): boolean {
    const reason = refusal(files);
    if (reason) dispatch({ type: "fileRefused", reason: text.upload.refused(files.map((f) => f.name).join(", ") || "?", reason) });
    return reason !== null;
  }

  /** The first page of the check (StreamCheckImport), reporting the rows read while it runs. */
  async function firstCheckPage(importId: string): Promise<CheckImportResponse> {
    for await (const message of clients.imports.streamCheckImport({ importId, pageSize: 1000 })) {
      if (message.event.case === "progress") dispatch({ type: "checkProgressed", progress: message.event.value });
      else if (message.event.case === "result") return message.event.value;
    }
    throw new Error("StreamCheckImport ended without a result.");
  }

  /** The rest of the check's pages after the first, up to maxDiagnostics: the check as the review shows it. */
  async function checkFrom(importId: string, first: CheckImportResponse): Promise<Check | undefined> {
    if (!first.import) return undefined;
    let page = first;
    const rows: Diagnostic[] = [...page.rowDiagnostics];
    while (page.nextPageToken && rows.length < maxDiagnostics) {
      page = await clients.imports.checkImport({ importId, pageSize: 1000, pageToken: page.nextPageToken });
      rows.push(...page.rowDiagnostics);
    }
    return { import: first.import, fileDiagnostics: first.fileDiagnostics, rowDiagnostics: rows, columnMappings: first.columnMappings, truncated: page.nextPageToken !== "" };
  }

  /** Checks the import (the first call runs the check) and loads its diagnostics, up to maxDiagnostics. */
  async function review(importId: string): Promise<void> {
    dispatch({ type: "checkStarted" });
    const check = await attempt(async () => checkFrom(importId, await firstCheckPage(importId)));
    if (!check) {
      dispatch({ type: "checkEnded" });
      return;
    }
    dispatch({ type: "checked", check });
    if (!env.state().caller) await loadCaller();
  }

  /** Opens a row with an error for fixing: its cells, revision and diagnostics as stored now. */
  async function openRow(rowNumber: number): Promise<void> {
    const importId = env.state().wizard.check?.import.importId;
    if (!importId) return;
    const row = await attempt(() => findRow(clients.imports.listImportRows, importId, rowNumber, RowFilter.UNSPECIFIED));
    if (row) dispatch({ type: "rowOpened", row });
    else if (row === null) dispatch({ type: "failed", message: text.rows.gone(rowNumber) });
  }

  /** After a fix or a removal: the check as it is now (counts, diagnostics), said in a notice. */
  async function rowsChanged(importId: string, notice: string, editing: RowEditing | null = null): Promise<void> {
    const check = await checkFrom(importId, await clients.imports.checkImport({ importId, pageSize: 1000 }));
    if (check) dispatch({ type: "rowsChanged", check, notice, editing });
  }

  /**
   * Saves the changed cells of the row being fixed (UpdateImportRows, from the revision it was read
   * at). A row that still has an error stays open with its new diagnostics; a row changed elsewhere
   * meanwhile is shown as it is now, to redo the change.
   */
  async function saveRow(cells: RowCells): Promise<void> {
    const { check, editing } = env.state().wizard;
    if (!check || !editing) return;
    const importId = check.import.importId;
    const edit = editOf(editing.row, cells);
    if (!edit) {
      dispatch({ type: "rowStillWrong", row: editing.row, problem: text.rows.unchanged });
      return;
    }
    dispatch({ type: "rowSaving" });
    try {
      const response = await clients.imports.updateImportRows({ importId, edits: [edit] });
      const row = response.rows.find((r) => r.rowNumber === edit.rowNumber);
      // A row still wrong stays open with its new diagnostics; the review behind it is updated either way.
      const stillWrong = row && !row.valid ? { row, saving: false, confirmingRemove: false, problem: text.rows.stillWrong(row.rowNumber) } : null;
      await rowsChanged(importId, stillWrong ? text.rows.saved(edit.rowNumber) : text.rows.fixed(edit.rowNumber), stillWrong);
    } catch (error) {
      const failure = describe(error);
      if (failure.signedOut) await signOut();
      const current = failure.code === Code.Aborted ? await findRow(clients.imports.listImportRows, importId, edit.rowNumber, RowFilter.UNSPECIFIED).catch(() => null) : null;
      dispatch({ type: "rowStillWrong", row: current ?? editing.row, problem: current ? text.rows.changedElsewhere(edit.rowNumber) : failure.message });
    }
  }

  /** Removes the row being fixed (RemoveImportRows), once the admin confirmed. */
  async function removeRow(): Promise<void> {
    const { check, editing } = env.state().wizard;
    if (!check || !editing) return;
    const importId = check.import.importId;
    const rowNumber = editing.row.rowNumber;
    dispatch({ type: "rowSaving" });
    try {
      await clients.imports.removeImportRows({ importId, rowNumbers: [rowNumber] });
      await rowsChanged(importId, text.rows.removed(rowNumber));
    } catch (error) {
      const failure = describe(error);
      if (failure.signedOut) await signOut();
      dispatch({ type: "rowStillWrong", row: editing.row, problem: failure.message });
    }
  }

  let uploading: AbortController | null = null;

  /** The address names the import, so a reload (or a shared link) comes back to its review. */
  async function showImport(importId: string): Promise<void> {
    env.history.push(hrefOf({ name: "review", importId }));
    await review(importId);
  }

  /**
   * Uploads the file once it passes the check before upload (resumably), then checks it. When an
   * interrupted upload waits and this is the same file, it continues from the server's
   * persisted_size. The upload is kept in sessionStorage until it ends, so that a reload can offer
   * to continue it.
   */
  async function upload(files: readonly File[]): Promise<void> {
    const session = env.state().session;
    if (refuse(files) || !session) return;
    const file = files[0]!;
    const resume = env.state().wizard.interrupted?.upload ?? null;
    const controller = new AbortController();
    uploading = controller;
    dispatch({ type: "uploadStarted", fileName: file.name, totalBytes: file.size });
    let imported;
    try {
      imported = await uploadFile(clients.imports, file, {
        organizationId: session.organizationId,
        signal: controller.signal,
        resume,
        onStarted: (handle) => savePendingUpload(env.storage, { ...handle, organizationId: session.organizationId, fileName: file.name, sizeBytes: file.size }),
        onProgress: (sentBytes) => dispatch({ type: "uploadProgressed", sentBytes }),
      });
    } catch (error) {
      const sentBytes = env.state().wizard.upload?.sentBytes ?? 0;
      dispatch({ type: "uploadEnded" });
      const pending = loadPendingUpload(env.storage, session.organizationId);
      if (!controller.signal.aborted && transient(error) && pending) {
        // The server stayed out of reach: it keeps what it stored, so the person can continue later.
        dispatch({ type: "uploadInterrupted", interrupted: { upload: pending, persistedSize: sentBytes } });
      } else {
        clearPendingUpload(env.storage);
      }
      const failure = describe(error);
      if (failure.signedOut) await signOut();
      dispatch({ type: "failed", message: controller.signal.aborted ? text.upload.cancelled : failure.message });
      return;
    } finally {
      uploading = null;
    }
    clearPendingUpload(env.storage);
    dispatch({ type: "uploadEnded" });
    await showImport(imported.importId);
  }

  function cancelUpload(): void {
    uploading?.abort();
  }

  async function openImport(importId: string): Promise<void> {
    dispatch({ type: "restarted" });
    await review(importId);
  }

  async function apply(importId: string, permissions: string[], requestId: string): Promise<void> {
    const { confirmPrivileged, message, lifetimeDays } = env.state().wizard;
    // The page refuses what the server would, before sending: the form shows why.
    if (messageProblem(message)) return;
    dispatch({ type: "applyStarted" });
    try {
      const response = await clients.imports.applyPermissions({
        importId,
        permissions,
        requestId,
        personalMessage: message,
        invitationLifetime: lifetimeDuration(lifetimeDays),
        confirmPrivilegedPermissions: confirmPrivileged,
      });
      dispatch({ type: "applied", invitedCount: response.invitedCount, skippedCount: response.skippedCount, import: response.import! });
    } catch (error) {
      const failure = describe(error);
      if (failure.signedOut) await signOut();
      dispatch({ type: "applyFailed", message: failure.message });
    }
  }

  function restart(): void {
    dispatch({ type: "restarted" });
    navigate({ name: "import" });
  }

  /** Loads the page of invitations that starts at pageToken, remembering the way back. */
  async function loadInvitations(pageToken: string, previousTokens: string[]): Promise<void> {
    const session = env.state().session;
    if (!session) return;
    const { status, importId } = env.state().invitations;
    dispatch({ type: "invitationsLoading" });
    const page = await attempt(() =>
      clients.invitations.listInvitations({ organizationId: session.organizationId, status, importId: importId.trim(), pageSize: 20, pageToken }),
    );
    dispatch({ type: "invitationsLoaded", items: page?.invitations ?? [], pageToken, nextPageToken: page?.nextPageToken ?? "", previousTokens });
  }

  async function filterInvitations(status: InvitationStatus, importId: string): Promise<void> {
    dispatch({ type: "invitationFilterChanged", status, importId });
    env.history.replace(hrefOf({ name: "invitations", importId: importId.trim(), status }));
    await loadInvitations("", []);
  }

  async function nextInvitations(): Promise<void> {
    const { pageToken, nextPageToken, previousTokens } = env.state().invitations;
    if (nextPageToken) await loadInvitations(nextPageToken, [...previousTokens, pageToken]);
  }

  async function previousInvitations(): Promise<void> {
    const { previousTokens } = env.state().invitations;
    if (previousTokens.length > 0) await loadInvitations(previousTokens.at(-1)!, previousTokens.slice(0, -1));
  }

  async function confirmInvitationAction(): Promise<void> {
    const confirming = env.state().invitations.confirming;
    if (!confirming) return;
    const { kind, invitation } = confirming;
    const changed = await attempt<{ invitation?: Invitation }>(() =>
      kind === "revoke"
        ? clients.invitations.revokeInvitation({ invitationId: invitation.invitationId })
        : clients.invitations.resendInvitation({ invitationId: invitation.invitationId }),
    );
    if (changed?.invitation) {
      const notice = kind === "revoke" ? text.invitations.revoked(invitation.email) : text.invitations.resent(invitation.email);
      dispatch({ type: "invitationChanged", invitation: changed.invitation, notice });
    } else {
      dispatch({ type: "confirmationClosed" });
    }
  }

  /** Shows who the invitation is from before accepting; a link that cannot be accepted says why at once. */
  async function lookUp(): Promise<void> {
    const current = env.state().accept;
    if (current.phase !== "looking") return;
    try {
      const response = await clients.invitations.lookupInvitation({ token: current.token });
      if (!response.invitation) throw new Error("LookupInvitation answered without the invitation.");
      dispatch({ type: "lookedUp", preview: response.invitation });
    } catch (error) {
      dispatch({ type: "acceptFailed", reason: acceptProblem(describe(error)) });
    }
  }

  async function accept(): Promise<void> {
    const current = env.state().accept;
    if (current.phase !== "ready") return;
    dispatch({ type: "accepting" });
    try {
      const response = await clients.invitations.acceptInvitation({ token: current.token });
      dispatch({ type: "accepted", member: response.member! });
    } catch (error) {
      dispatch({ type: "acceptFailed", reason: acceptProblem(describe(error)) });
    }
  }

  return {
    lookUp,
    navigate,
    signIn,
    openSession,
    signOut,
    start,
    forgetInterrupted,
    downloadSample,
    downloadResults,
    refuse,
    upload,
    cancelUpload,
    review,
    openRow,
    saveRow,
    removeRow,
    askRemoveRow: (on: boolean) => dispatch({ type: "rowRemoveAsked", on }),
    closeRow: () => dispatch({ type: "rowClosed" }),
    openImport,
    apply,
    restart,
    loadInvitations,
    filterInvitations,
    nextInvitations,
    previousInvitations,
    confirmInvitationAction,
    accept,
    dismiss: () => dispatch({ type: "dismissed" }),
    chooseStep: (step: State["wizard"]["step"]) => dispatch({ type: "stepChosen", step }),
    setTable: (table: State["wizard"]["table"]) => dispatch({ type: "tableChanged", table }),
    togglePermission: (id: string, on: boolean) => dispatch({ type: "permissionToggled", id, on }),
    confirmPrivileged: (on: boolean) => dispatch({ type: "privilegedConfirmed", on }),
    changeMessage: (message: string) => dispatch({ type: "messageChanged", message }),
    chooseLifetime: (days: number) => dispatch({ type: "lifetimeChosen", days }),
    askConfirmation: (kind: "resend" | "revoke", invitation: State["invitations"]["items"][number]) => dispatch({ type: "confirmationAsked", kind, invitation }),
    closeConfirmation: () => dispatch({ type: "confirmationClosed" }),
  };
}

export type Actions = ReturnType<typeof createActions>;

/** Which of the accept page's explanations fits: a token never issued is NOT_FOUND, every other refusal names its reason. */
export function acceptProblem(failure: { code: Code; reason: string }): string {
  if (failure.code === Code.NotFound) return "INVITATION_NOT_FOUND";
  if (failure.code === Code.InvalidArgument) return "NO_TOKEN";
  return failure.reason || "other";
}
