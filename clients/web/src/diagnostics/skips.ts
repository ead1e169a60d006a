import type { Import } from "../gen/bulkinvite/v1/import_pb.js";

// Valid rows that applying skips: addresses already invited (a pending invitation) or already
// members. The server counts them: already_invited_rows and already_member_rows after the check
// (and after each fix of rows), skipped_already_invited_count and skipped_already_member_count
// after the apply.

/** Valid rows of a checked import that applying will skip, as of the check or the last fix (as the C# client counts them). */
export function rowsToSkip(checked: Import): number {
  return checked.alreadyInvitedRows + checked.alreadyMemberRows;
}

/** The users applying will invite, as of the check (an invitation or a membership made since may skip a few more). */
export function rowsToInvite(checked: Import): number {
  return Math.max(0, checked.validRows - rowsToSkip(checked));
}

/** Why the applied import's skipped rows were skipped; `either` counts those the server's split does not name. */
export interface SkipReasons {
  alreadyInvited: number;
  alreadyMembers: number;
  either: number;
}

export function skipReasons(applied: Import): SkipReasons {
  const alreadyInvited = applied.skippedAlreadyInvitedCount;
  const alreadyMembers = applied.skippedAlreadyMemberCount;
  return { alreadyInvited, alreadyMembers, either: Math.max(0, applied.skippedCount - alreadyInvited - alreadyMembers) };
}
