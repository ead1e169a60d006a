"""import_file's apply options against the real server started by conftest.py: the personal
message, the invitations' lifetime and the confirmation privileged permissions need."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import grpc
import pytest

from bulkinvite.v1 import invitation_service_pb2 as inv
from bulkinvite.v1.invitation_service_pb2_grpc import InvitationServiceStub
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client import BulkInviteError, connect, import_file

from conftest import mint_token

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "BulkInvite.Core.Tests" / "Fixtures"
TEAM = FIXTURES / "team_utf8.csv"


def invitations_of(server_target: str, org: str) -> list[inv.Invitation]:
    channel, _ = connect(server_target, token=mint_token(org, ["organization.admin"]))
    with channel:
        return list(InvitationServiceStub(channel).ListInvitations(inv.ListInvitationsRequest(organization_id=org)).invitations)


def test_sends_the_note_the_lifetime_and_the_privileged_confirmation(stub: UserImportServiceStub, org: str, server_target: str) -> None:
    note = 'Welcome, "team"!\nSee you Monday, 9:00'

    result = import_file(
        stub,
        TEAM,
        org,
        ["members.invite", "projects.view"],
        personal_message=note,
        invitation_lifetime=timedelta(days=14),
        confirm_privileged_permissions=True,
    )
    invitations = invitations_of(server_target, org)

    assert result.invited_count == 4
    assert len(invitations) == 4
    for invitation in invitations:
        assert invitation.personal_message == note
        assert invitation.expire_time.ToDatetime() - invitation.create_time.ToDatetime() == timedelta(days=14)


def test_refuses_a_privileged_permission_without_confirmation_naming_it(stub: UserImportServiceStub, org: str, server_target: str) -> None:
    with pytest.raises(BulkInviteError) as raised:
        import_file(stub, TEAM, org, ["organization.admin", "members.invite"])

    assert raised.value.code == grpc.StatusCode.FAILED_PRECONDITION
    assert raised.value.reason == "PRIVILEGED_PERMISSIONS_NOT_CONFIRMED"
    assert raised.value.privileged_permissions == ["members.invite", "organization.admin"]
    assert invitations_of(server_target, org) == []


def test_refuses_a_note_over_1000_characters(stub: UserImportServiceStub, org: str) -> None:
    with pytest.raises(BulkInviteError) as raised:
        import_file(stub, TEAM, org, ["projects.view"], personal_message="a" * 1001)

    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "personal_message has 1001 characters" in raised.value.message
