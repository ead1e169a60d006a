"""How a refused call reads in Python: the status, its ErrorInfo reason and a message a person understands."""

from __future__ import annotations

import os

import grpc
import pytest

from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite_client import BulkInviteError, check_import, connect
from conftest import mint_token


def _list_permissions(target: str, token: str | None) -> None:
    channel, stub = connect(target, token=token or "")
    with channel:
        try:
            stub.ListPermissions(pb.ListPermissionsRequest())
        except grpc.RpcError as error:
            assert isinstance(error, grpc.Call)
            raise BulkInviteError.from_call(error) from error


@pytest.mark.parametrize(
    ("token", "reason", "words"),
    [
        (None, "TOKEN_MISSING", "no bearer token"),
        ("not.a.token", "TOKEN_MALFORMED", "not a valid JWT"),
        (mint_token("acme", ["projects.view"], expires_in=-180), "TOKEN_EXPIRED", " ago"),
        (mint_token("acme", ["projects.view"], key=os.urandom(32)), "TOKEN_SIGNATURE_INVALID", "signing key"),
        (mint_token("acme", ["projects.view"], issuer="someone-else"), "TOKEN_ISSUER_INVALID", '"someone-else"'),
    ],
    ids=["missing", "malformed", "expired", "wrong-key", "wrong-issuer"],
)
def test_a_refused_token_is_unauthenticated_with_its_reason_and_message(
    server_target: str, token: str | None, reason: str, words: str
) -> None:
    with pytest.raises(BulkInviteError) as raised:
        _list_permissions(server_target, token)

    error = raised.value
    assert error.code == grpc.StatusCode.UNAUTHENTICATED
    assert (error.reason, error.domain) == (reason, "bulkinvite.v1")
    assert words in error.message
    assert str(error).startswith(f"UNAUTHENTICATED ({reason}): ")


def test_an_expired_token_says_when_in_its_metadata(server_target: str) -> None:
    with pytest.raises(BulkInviteError) as raised:
        _list_permissions(server_target, mint_token("acme", ["projects.view"], expires_in=-3600))

    assert raised.value.reason == "TOKEN_EXPIRED"
    assert raised.value.metadata["expires_at"].endswith("+00:00")


def test_the_client_functions_raise_the_reason_too(server_target: str) -> None:
    channel, stub = connect(server_target, token=mint_token("acme", ["projects.view"], expires_in=-120))
    with channel, pytest.raises(BulkInviteError) as raised:
        check_import(stub, "0" * 32)

    assert raised.value.reason == "TOKEN_EXPIRED"
