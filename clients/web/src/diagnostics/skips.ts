import { DiagnosticCode, type Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import type { Import } from "../gen/bulkinvite/v1/import_pb.js";

// Valid rows that applying skips: addresses already invited (a pending invitation) or already
// members. The import's counts say how many when the server fills them (already_invited_rows and
// already_member_rows after the check, skipped_already_invited_count and
// skipped_already_member_count after apply); a server that does not yet leaves them at 0, and then
// the check's ALREADY_INVITED and ALREADY_MEMBER warnings tell.

/** Rows with either warning, a row counted once (as a member's when it has both). */
function warnedRows(diagnostics: readonly Diagnostic[]): { invited: number; members: number } {
  const members = new Set(diagnostics.filter((d) => d.code === DiagnosticCode.ALREADY_MEMBER).map((d) => d.rowNumber));
  const invited = new Set(diagnostics.filter((d) => d.code === DiagnosticCode.ALREADY_INVITED && !members.has(d.rowNumber)).map((d) => d.rowNumber));
  return { invited: invited.size, members: members.size };
}

/** Valid rows of a checked import that applying will skip, as of the check. */
export function rowsToSkip(checked: Import, diagnostics: readonly Diagnostic[]): number {
  const counted = checked.alreadyInvitedRows + checked.alreadyMemberRows;
  if (counted > 0) return counted;
  const warned = warnedRows(diagnostics);
  return warned.invited + warned.members;
}

/** The users applying will invite, as of the check (an invitation or a membership made since may skip a few more). */
export function rowsToInvite(checked: Import, diagnostics: readonly Diagnostic[]): number {
  return Math.max(0, checked.validRows - rowsToSkip(checked, diagnostics));
}

/** Why the applied import's skipped rows were skipped; `either` counts those no count or warning tells apart. */
export interface SkipReasons {
  alreadyInvited: number;
  alreadyMembers: number;
  either: number;
}

export function skipReasons(applied: Import, checkDiagnostics: readonly Diagnostic[]): SkipReasons {
  const total = applied.skippedCount;
  const split = applied.skippedAlreadyInvitedCount + applied.skippedAlreadyMemberCount;
  if (total === 0 || split === total) return { alreadyInvited: applied.skippedAlreadyInvitedCount, alreadyMembers: applied.skippedAlreadyMemberCount, either: 0 };
  const warned = warnedRows(checkDiagnostics);
  if (warned.members === 0 && warned.invited > 0) return { alreadyInvited: total, alreadyMembers: 0, either: 0 };
  if (warned.invited === 0 && warned.members > 0) return { alreadyInvited: 0, alreadyMembers: total, either: 0 };
  return { alreadyInvited: 0, alreadyMembers: 0, either: total };
}
