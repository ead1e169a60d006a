"""What an import came to, so that 0 invited users is never ambiguous."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from bulkinvite.v1 import diagnostic_pb2, import_pb2

if TYPE_CHECKING:
    from bulkinvite_client.client import ImportResult

Outcome = Literal["invited", "nobody_to_invite", "no_valid_rows", "rejected"]
"""- "invited": at least one user was invited;
- "nobody_to_invite": the file had valid rows, but every one was already invited or a member;
- "no_valid_rows": every row had errors (see row_diagnostics);
- "rejected": the file itself was refused (see file_diagnostics) and nothing was applied."""


def outcome_of(result: ImportResult) -> Outcome:
    if result.import_.state == import_pb2.IMPORT_STATE_REJECTED:
        return "rejected"
    if result.invited_count > 0:
        return "invited"
    return "no_valid_rows" if result.import_.valid_rows == 0 else "nobody_to_invite"


def describe(result: ImportResult) -> str:
    """One line for a person: "4 users invited to acme", "Nobody invited to acme: all 4 valid rows are …", …"""
    imported = result.import_
    org = imported.organization_id
    outcome = outcome_of(result)
    if outcome == "rejected":
        problem = result.file_diagnostics[0] if result.file_diagnostics else None
        why = (
            f"{diagnostic_pb2.DiagnosticCode.Name(problem.code).removeprefix('DIAGNOSTIC_CODE_')}: {problem.message}"
            if problem is not None
            else "see file_diagnostics"
        )
        return f"File rejected, nobody invited to {org}: {why}"
    if outcome == "no_valid_rows":
        return f"Nobody invited to {org}: every row has errors ({imported.invalid_rows}; see row_diagnostics)"
    if outcome == "nobody_to_invite":
        return f"Nobody invited to {org}: all {imported.valid_rows} valid rows are already invited or members"
    users = "1 user" if result.invited_count == 1 else f"{result.invited_count} users"
    skipped = f" ({result.skipped_count} skipped: already invited or members)" if result.skipped_count else ""
    return f"{users} invited to {org}{skipped}"
