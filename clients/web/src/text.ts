// Every sentence a person reads on the page, in one place so it can be translated later.

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export const text = {
  appName: "BulkInvite",
  skipToContent: "Skip to content",
  nav: { label: "Main", importFile: "Import a file", invitations: "Invitations", signOut: "Sign out" },
  signedInAs: (name: string, organization: string) => `Signed in as ${name} for ${organization}`,
  busy: "Working…",

  signIn: {
    title: "Sign in",
    intro: "Sign in as an administrator of your organization to invite a batch of users from a spreadsheet.",
    tokenLabel: "Access token",
    tokenHelp: "Paste a bearer token (a JWT) issued for your organization.",
    developmentHelp: "In Development, mint one with this command at the repository root and paste its last line:",
    developmentCommand: "dotnet run --project src/BulkInvite.Server -- token --org acme --permission organization.admin | tail -n 1",
    submit: "Sign in",
    withProvider: "Sign in with your organization's account",
    completing: "Completing sign-in…",
    emptyToken: "Paste a token first.",
    notAToken: "This is not a token: a token is three base64url parts separated by dots, and carries an org claim.",
    failed: "Signing in did not complete. Try again.",
  },

  steps: { label: "Import steps", upload: "Upload", review: "Review", permissions: "Permissions", result: "Result" },
  stepOf: (index: number, count: number) => `Step ${index} of ${count}`,

  upload: {
    title: "Import a file of users",
    intro: "The file lists one user a row under the header Email, First name, Last name and, optionally, Description.",
    dropZone: "Drop a .csv, .xlsx or .xls file here",
    or: "or",
    chooseLabel: "File of users (.csv, .xlsx or .xls)",
    refused: (name: string, reason: string) => `${name} cannot be imported: ${reason}`,
    reasonType: "only .csv, .xlsx and .xls files can be imported.",
    reasonEmpty: "the file is empty.",
    reasonTooLarge: (limit: string) => `the file is larger than ${limit}.`,
    reasonSeveral: "drop one file at a time.",
    uploading: (name: string) => `Uploading ${name}`,
    preparing: "Preparing the upload (reading the file)…",
    progress: (sent: string, total: string, percent: number) => `${sent} of ${total} (${percent}%)`,
    cancel: "Cancel upload",
    cancelled: "The upload was cancelled.",
    interruptedTitle: "An upload was interrupted",
    interrupted: (name: string, sent: string, total: string, percent: number) =>
      `The upload of ${name} stopped at ${sent} of ${total} (${percent}%). Choose or drop the same file again to continue from there.`,
    forget: "Forget it",
    checking: "Checking the file…",
    checkingRows: (rows: number, percent: number) => `${plural(rows, "row", "rows")} read (${percent}%)`,
    sampleTitle: "Not sure of the format?",
    sampleIntro: "Download a sample file that passes the check, and fill it in.",
    sampleCsv: "Download the sample (CSV)",
    sampleXlsx: "Download the sample (Excel .xlsx)",
  },

  review: {
    title: (fileName: string) => `Review ${fileName}`,
    totals: "Totals",
    totalRows: "Rows",
    validRows: "Valid",
    invalidRows: "With errors",
    warningRows: "With warnings",
    skippedRows: "To be skipped",
    skippedWhy: (alreadyInvited: number, alreadyMembers: number) =>
      `${alreadyInvited.toLocaleString("en")} already invited, ${alreadyMembers.toLocaleString("en")} ${alreadyMembers === 1 ? "already a member" : "already members"}`,
    rejectedTitle: "This file cannot be imported",
    rejectedFix: "Correct the file and upload it again.",
    tryAnother: "Try another file",
    errors: (count: number) => `Errors (${count.toLocaleString("en")})`,
    warnings: (count: number) => `Warnings (${count.toLocaleString("en")})`,
    errorsIntro: "Rows with an error will not be invited. Fix them here (Fix), or in the file and import it again, or go on without them.",
    warningsIntro: "Rows with a warning stay valid and are invited unless they will be skipped.",
    none: "Nothing to show.",
    filterLabel: "Show only",
    filterAll: "All problems",
    columns: { row: "Row", column: "Column", problem: "Problem", value: "Value", fix: "How to fix" },
    truncated: (shown: number) => `Showing the first ${shown.toLocaleString("en")} problems.`,
    next: "Next: choose permissions",
    nothingValid: "No row is valid: there is nobody to invite. Correct the file and try again.",
  },

  columns: {
    title: "How the columns were read",
    named: (header: string) => `'${header}'`,
    numbered: (column: number) => `column ${column.toLocaleString("en")} (no header)`,
    mapped: (column: string, field: string) => `File column ${column} → ${field}`,
    notImported: (column: string) => `${column.charAt(0).toUpperCase()}${column.slice(1)} not imported`,
    // ImportField's values, as the sample file's header names them.
    fields: { 1: "Email", 2: "First name", 3: "Last name", 4: "Description" } as Record<number, string>,
  },

  rows: {
    edit: "Fix",
    editRow: (row: number) => `Fix row ${row}`,
    actions: "Actions",
    title: (row: number) => `Fix row ${row}`,
    intro: "Change the cells and save: the row is checked again at once. Nothing is sent to anyone until you invite.",
    problems: "What is wrong now",
    noProblem: "Nothing: this row will be invited.",
    cells: { email: "Email", firstName: "First name", lastName: "Last name", description: "Description" } as Record<string, string>,
    save: "Save and check again",
    saving: "Saving…",
    remove: "Remove this row",
    confirmRemove: (row: number) => `Remove row ${row} from this import? It will not be invited; the file is not changed.`,
    confirmRemoveYes: "Yes, remove it",
    keep: "Keep it",
    close: "Close",
    unchanged: "Nothing was changed: change a cell, or close.",
    stillWrong: (row: number) => `Row ${row} was saved, but it still has a problem:`,
    saved: (row: number) => `Row ${row} was saved and checked again.`,
    fixed: (row: number) => `Row ${row} is fixed: it has no error now.`,
    removed: (row: number) => `Row ${row} was removed: it will not be invited.`,
    changedElsewhere: (row: number) => `Row ${row} was changed by someone else meanwhile. Here it is as it is now: redo your change.`,
    gone: (row: number) => `Row ${row} is no longer in this import.`,
  },

  pager: {
    label: "Pages",
    previous: "Previous page",
    next: "Next page",
    position: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },

  permissions: {
    title: "Choose permissions",
    intro: "Every invited user gets the same permissions. To give someone other permissions, invite them on their own.",
    legend: "Permissions for the whole batch",
    notGrantable: "You do not hold this permission, so you cannot grant it.",
    chooseOne: "Choose at least one permission.",
    privilegedTitle: "Privileged permissions",
    // What each privileged permission lets every invited person do, in words (the CLI asks the same).
    privilegedConsequence: (id: string, description: string, organization: string) =>
      ({
        "organization.admin": `Every invited person will be able to administer ${organization}.`,
        "members.invite": `Every invited person will be able to invite others to ${organization}.`,
      })[id] ?? `Every invited person will get ${id} in ${organization}: ${description}`,
    confirmPrivileged: (count: number) => `I confirm: all ${plural(count, "person", "people")} this batch invites should have ${count === 1 ? "this" : "these"} powers.`,
    messageLabel: "Personal message (optional)",
    messageHelp: "Shown as plain text in every invitation email and on the page where people accept. Line breaks are kept.",
    messageCount: (length: number, limit: number) => `${length.toLocaleString("en")} / ${limit.toLocaleString("en")}`,
    messageTooLong: (over: number) => `The message is ${plural(over, "character", "characters")} too long: shorten it to send the invitations.`,
    messageControlCharacter: "The message holds a tab or another invisible control character: remove it to send the invitations.",
    lifetimeLabel: "The invitations can be accepted for",
    lifetimeHelp: "Counted from when each invitation is sent; a resend gives the same time again.",
    days: (days: number) => plural(days, "day", "days"),
    invite: (count: number) => `Invite ${plural(count, "user", "users")}`,
    back: "Back to the review",
  },

  result: {
    title: "Invitations sent",
    invited: (count: number, organization: string) => `${plural(count, "user", "users")} invited to ${organization}`,
    skipped: (alreadyInvited: number, alreadyMembers: number, either: number) => {
      const n = (count: number) => count.toLocaleString("en");
      const total = alreadyInvited + alreadyMembers + either;
      const invitedWords = "already invited";
      const membersWords = alreadyMembers === 1 ? "already a member" : "already members";
      if (either > 0) return `${n(total)} skipped: already invited or already members`;
      if (alreadyMembers === 0) return `${n(total)} skipped: ${invitedWords}`;
      if (alreadyInvited === 0) return `${n(total)} skipped: ${membersWords}`;
      return `${n(total)} skipped: ${n(alreadyInvited)} ${invitedWords}, ${n(alreadyMembers)} ${membersWords}`;
    },
    pending: "See the pending invitations of this import",
    another: "Import another file",
  },

  results: {
    title: "Results file",
    intro: "Every row of the file with its status (will be invited, invited, skipped, error) and the reason.",
    introWithFixes: "Every row of the file with its status (will be invited, invited, skipped, error) and the reason, or only the rows to fix, in the upload's layout: correct them and upload that file again.",
    format: "Format",
    csv: "CSV",
    xlsx: "Excel (.xlsx)",
    all: "Download results",
    toFix: (count: number) => `Download the ${plural(count, "row", "rows")} to fix`,
  },

  invitations: {
    title: "Invitations",
    filters: "Filters",
    status: "Status",
    anyStatus: "Any status",
    importId: "Import id",
    importHelp: "Only the invitations of one import (leave empty for all).",
    apply: "Show",
    empty: "No invitation matches.",
    columns: { email: "Email", name: "Name", status: "Status", delivery: "Email delivery", expires: "Expires", actions: "Actions" },
    resend: "Resend",
    revoke: "Revoke",
    resendFor: (email: string) => `Resend the invitation to ${email}`,
    revokeFor: (email: string) => `Revoke the invitation to ${email}`,
    confirmResendTitle: "Resend this invitation?",
    confirmResend: (email: string) => `${email} gets a new email with a new link; the old link stops working.`,
    confirmRevokeTitle: "Revoke this invitation?",
    confirmRevoke: (email: string) => `${email} will no longer be able to accept it. This cannot be undone.`,
    confirm: "Yes, go on",
    cancel: "Cancel",
    resent: (email: string) => `The invitation to ${email} was sent again.`,
    revoked: (email: string) => `The invitation to ${email} was revoked.`,
    attempts: (count: number) => plural(count, "attempt", "attempts"),
  },

  status: {
    INVITATION_STATUS_PENDING: "Pending",
    INVITATION_STATUS_ACCEPTED: "Accepted",
    INVITATION_STATUS_REVOKED: "Revoked",
    INVITATION_STATUS_EXPIRED: "Expired",
  } as Record<string, string>,
  delivery: {
    DELIVERY_STATE_QUEUED: "Queued",
    DELIVERY_STATE_SENT: "Sent",
    DELIVERY_STATE_FAILED: "Failed",
    DELIVERY_STATE_CANCELLED: "Cancelled",
    DELIVERY_STATE_UNSPECIFIED: "No email",
  } as Record<string, string>,

  accept: {
    title: "Your invitation",
    accept: "Accept the invitation",
    accepting: "Accepting…",
    acceptedTitle: "You are in",
    accepted: (organization: string) => `You are now a member of ${organization}.`,
    acceptedEmail: (email: string) => `You joined as ${email}.`,
    permissions: "Your permissions",
    greeting: (firstName: string) => `Hello ${firstName},`,
    wrote: (inviter: string) => `${inviter} wrote:`,
    invitedBy: (inviter: string, organization: string, email: string) => `${inviter} invites you (${email}) to join ${organization}.`,
    until: (date: string) => `The invitation can be accepted until ${date}.`,
    noToken: "This link has no invitation in it. Open the link from your invitation email as it is.",
    whatToDo: "Ask the person who invited you to send a new invitation.",
  },

  acceptProblem: {
    INVITATION_ALREADY_ACCEPTED: { title: "This invitation was already accepted", body: "The link was used once already, and works only once. If it was you, you are a member: there is nothing more to do." },
    INVITATION_REVOKED: { title: "This invitation was withdrawn", body: "The person who invited you revoked it, so the link no longer works." },
    INVITATION_TOKEN_REPLACED: { title: "This link was replaced by a newer one", body: "The invitation was sent to you again. Use the link in the newest email." },
    INVITATION_EXPIRED: { title: "This invitation has expired", body: "The link was valid for a limited time only, and that time has passed." },
    INVITATION_NOT_FOUND: { title: "This link is not a valid invitation", body: "It may have been copied incompletely. Open the link from your invitation email as it is." },
    other: { title: "The invitation could not be accepted", body: "Something went wrong on our side. Try the link again in a few minutes." },
  } as Record<string, { title: string; body: string }>,

  errors: {
    signedOut: "Your sign-in has expired or was refused. Sign in again.",
    permissionDenied: "You are not allowed to do this with your current permissions.",
    unavailable: "The server cannot be reached. Check your connection and try again.",
    unexpected: "Something went wrong. Try again.",
    dismiss: "Dismiss",
  },

  bytes: (count: number) => {
    if (count < 1024) return `${count} B`;
    if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KiB`;
    return `${(count / 1024 / 1024).toFixed(1)} MiB`;
  },
  date: (value: Date) => value.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" }),
};

// A short name for each diagnostic code (the filter's choices); the server's message says the rest.
export const codeNames: Record<string, string> = {
  DIAGNOSTIC_CODE_FILE_EMPTY: "Empty file",
  DIAGNOSTIC_CODE_FILE_UNREADABLE: "Unreadable file",
  DIAGNOSTIC_CODE_UNSUPPORTED_FORMAT: "Unsupported format",
  DIAGNOSTIC_CODE_HEADER_MISMATCH: "Wrong header",
  DIAGNOSTIC_CODE_NO_USER_ROWS: "No user rows",
  DIAGNOSTIC_CODE_TOO_MANY_ROWS: "Too many rows",
  DIAGNOSTIC_CODE_EMAIL_MISSING: "Missing email",
  DIAGNOSTIC_CODE_EMAIL_INVALID: "Invalid email",
  DIAGNOSTIC_CODE_DUPLICATE_EMAIL: "Duplicate email",
  DIAGNOSTIC_CODE_FIRST_NAME_MISSING: "Missing first name",
  DIAGNOSTIC_CODE_LAST_NAME_MISSING: "Missing last name",
  DIAGNOSTIC_CODE_VALUE_TOO_LONG: "Value too long",
  DIAGNOSTIC_CODE_INVALID_CHARACTERS: "Invalid characters",
  DIAGNOSTIC_CODE_EXTRA_FIELDS: "Extra cells",
  DIAGNOSTIC_CODE_ALREADY_INVITED: "Already invited",
  DIAGNOSTIC_CODE_FORMULA_PREFIX: "Looks like a formula",
  DIAGNOSTIC_CODE_EMAIL_NON_ASCII: "Non-ASCII address",
  DIAGNOSTIC_CODE_UNCLOSED_QUOTE: "Unclosed quote",
  DIAGNOSTIC_CODE_FILE_LIMIT_EXCEEDED: "File over a safety limit",
  DIAGNOSTIC_CODE_ALREADY_MEMBER: "Already a member",
  DIAGNOSTIC_CODE_DUPLICATE_COLUMN: "Column named twice",
  DIAGNOSTIC_CODE_COLUMNS_NOT_IMPORTED: "Columns not imported",
  DIAGNOSTIC_CODE_HEADER_ROW_MISSING: "Header row missing",
};
