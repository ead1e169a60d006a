import { DiagnosticCode, type Diagnostic } from "./gen/bulkinvite/v1/diagnostic_pb.js";
import { ImportState, type Import } from "./gen/bulkinvite/v1/import_pb.js";

/**
 * What an import came to, so that 0 invited users is never ambiguous:
 * - "invited": at least one user was invited;
 * - "nobody_to_invite": the file had valid rows, but every one was already invited or a member;
 * - "no_valid_rows": every row had errors (see rowDiagnostics);
 * - "rejected": the file itself was refused (see fileDiagnostics) and nothing was applied.
 */
export type ImportOutcome = "invited" | "nobody_to_invite" | "no_valid_rows" | "rejected";

interface OutcomeInput {
  import: Import;
  fileDiagnostics: Diagnostic[];
  invitedCount: number;
  skippedCount: number;
}

export function importOutcome(result: OutcomeInput): ImportOutcome {
  if (result.import.state === ImportState.REJECTED) return "rejected";
  if (result.invitedCount > 0) return "invited";
  return result.import.validRows === 0 ? "no_valid_rows" : "nobody_to_invite";
}

/** One line for a person: "4 users invited to acme", "Nobody invited to acme: all 4 valid rows are already invited or members", … */
export function describeImport(result: OutcomeInput): string {
  const { import: imported, invitedCount, skippedCount } = result;
  const org = imported.organizationId;
  switch (importOutcome(result)) {
    case "rejected": {
      const problem = result.fileDiagnostics[0];
      const why = problem ? `${DiagnosticCode[problem.code]}: ${problem.message}` : "see fileDiagnostics";
      return `File rejected, nobody invited to ${org}: ${why}`;
    }
    case "no_valid_rows":
      return `Nobody invited to ${org}: every row has errors (${imported.invalidRows}; see rowDiagnostics)`;
    case "nobody_to_invite":
      return `Nobody invited to ${org}: all ${imported.validRows} valid rows are already invited or members`;
    case "invited":
      return `${users(invitedCount)} invited to ${org}` + (skippedCount > 0 ? ` (${skippedCount} skipped: already invited or members)` : "");
  }
}

const users = (count: number) => (count === 1 ? "1 user" : `${count} users`);
