"""import_file says what it came to, so that 0 invited is never ambiguous (against the real server of conftest.py)."""

from __future__ import annotations

from pathlib import Path

from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client import import_file

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "BulkInvite.Core.Tests" / "Fixtures"


def test_invited(stub: UserImportServiceStub, org: str) -> None:
    result = import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"])

    assert (result.outcome, result.summary) == ("invited", f"4 users invited to {org}")


def test_nobody_to_invite_when_the_same_users_are_imported_again(stub: UserImportServiceStub, org: str) -> None:
    import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"])

    again = import_file(stub, FIXTURES / "team_libreoffice.xlsx", org, ["projects.view"])

    assert (again.invited_count, again.skipped_count, again.outcome) == (0, 4, "nobody_to_invite")
    assert again.summary == f"Nobody invited to {org}: all 4 valid rows are already invited or members"


def test_rejected_for_a_wrong_header(stub: UserImportServiceStub, org: str) -> None:
    result = import_file(stub, b"Mail,Name\nada@example.com,Ada\n", org, ["projects.view"], file_name="users.csv")

    assert (result.invited_count, result.outcome) == (0, "rejected")
    assert result.summary.startswith(f"File rejected, nobody invited to {org}: HEADER_MISMATCH: ")


def test_no_valid_rows_when_every_row_has_errors(stub: UserImportServiceStub, org: str) -> None:
    result = import_file(stub, b"Email,First name,Last name\nnot-an-email,Ada,Lovelace\n", org, ["projects.view"], file_name="u.csv")

    assert (result.invited_count, result.outcome) == (0, "no_valid_rows")
    assert result.summary == f"Nobody invited to {org}: every row has errors (1; see row_diagnostics)"
