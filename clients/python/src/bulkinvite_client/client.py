"""A thin client for bulkinvite.v1.UserImportService: upload, check and apply one file."""

from __future__ import annotations

import collections
import io
import json
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import grpc
from google.protobuf import duration_pb2

from bulkinvite.v1 import diagnostic_pb2, import_pb2
from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client.errors import BulkInviteError, error_info, translated_errors
from bulkinvite_client.outcome import Outcome, describe, outcome_of
from bulkinvite_client.resumable import upload_file_resumably
from bulkinvite_client.transfer import MAX_CHUNK_SIZE, ProgressCallback, import_of, measure

_SERVICE = "bulkinvite.v1.UserImportService"
# gRPC retries ApplyPermissions itself when the server is unreachable; it resends the same
# request, so the same request_id, and the server answers a repeated request_id with the
# stored result instead of inviting twice.
_SERVICE_CONFIG = json.dumps(
    {
        "methodConfig": [
            {
                "name": [{"service": _SERVICE, "method": "ApplyPermissions"}],
                "retryPolicy": {
                    "maxAttempts": 4,
                    "initialBackoff": "0.2s",
                    "maxBackoff": "2s",
                    "backoffMultiplier": 2,
                    "retryableStatusCodes": ["UNAVAILABLE"],
                },
            }
        ]
    }
)


class _CallDetails(
    collections.namedtuple(
        "_CallDetails", ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")
    ),
    grpc.ClientCallDetails,
):
    pass


class _BearerToken(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds ``authorization: Bearer <token>`` to the metadata of every call."""

    def __init__(self, token: str) -> None:
        self._header = ("authorization", f"Bearer {token}")

    def _with_token(self, details: grpc.ClientCallDetails) -> _CallDetails:
        return _CallDetails(
            details.method,
            details.timeout,
            [*(details.metadata or ()), self._header],
            details.credentials,
            details.wait_for_ready,
            details.compression,
        )

    def intercept_unary_unary(self, continuation: Any, details: grpc.ClientCallDetails, request: Any) -> Any:
        return continuation(self._with_token(details), request)

    def intercept_unary_stream(self, continuation: Any, details: grpc.ClientCallDetails, request: Any) -> Any:
        return continuation(self._with_token(details), request)

    def intercept_stream_unary(self, continuation: Any, details: grpc.ClientCallDetails, requests: Any) -> Any:
        return continuation(self._with_token(details), requests)

    def intercept_stream_stream(self, continuation: Any, details: grpc.ClientCallDetails, requests: Any) -> Any:
        return continuation(self._with_token(details), requests)


class Connection(NamedTuple):
    channel: grpc.Channel
    stub: UserImportServiceStub


def connect(
    target: str,
    token: str | None = None,
    credentials: grpc.ChannelCredentials | None = None,
) -> Connection:
    """Opens a channel to ``target`` ("host:port") and a stub on it.

    ``token`` defaults to the environment variable BULKINVITE_TOKEN; when there is one, every
    call sends ``authorization: Bearer <token>``. Without ``credentials`` the channel is
    plaintext (h2c); pass ``grpc.ssl_channel_credentials()`` for TLS. Close the channel when done.
    """
    if token is None:
        token = os.environ.get("BULKINVITE_TOKEN") or None
    options = [("grpc.enable_retries", 1), ("grpc.service_config", _SERVICE_CONFIG)]
    channel = (
        grpc.secure_channel(target, credentials, options)
        if credentials is not None
        else grpc.insecure_channel(target, options)
    )
    if token:
        channel = grpc.intercept_channel(channel, _BearerToken(token))
    return Connection(channel, UserImportServiceStub(channel))


def upload_file(
    stub: UserImportServiceStub,
    file: BinaryIO,
    organization_id: str,
    file_name: str,
    chunk_size: int = MAX_CHUNK_SIZE,
    on_progress: ProgressCallback | None = None,
) -> import_pb2.Import:
    """Streams a seekable binary file, from its position to its end, with its size and SHA-256.

    Returns the new import (UPLOADED).
    """
    if not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"chunk_size must be between 1 and {MAX_CHUNK_SIZE}, not {chunk_size}")
    start, size, sha256 = measure(file)
    file.seek(start)

    def requests() -> Iterator[pb.UploadImportFileRequest]:
        yield pb.UploadImportFileRequest(
            metadata=pb.ImportFileMetadata(
                organization_id=organization_id, file_name=file_name, size_bytes=size, sha256=sha256
            )
        )
        sent = 0
        while chunk := file.read(chunk_size):
            yield pb.UploadImportFileRequest(chunk=chunk)
            sent += len(chunk)
            if on_progress is not None:
                on_progress(sent, size)

    with translated_errors():
        return import_of(stub.UploadImportFile(requests()))


@dataclass(frozen=True)
class CheckResult:
    import_: import_pb2.Import
    file_diagnostics: list[diagnostic_pb2.Diagnostic]
    row_diagnostics: list[diagnostic_pb2.Diagnostic]


def check_import(stub: UserImportServiceStub, import_id: str, page_size: int = 1000) -> CheckResult:
    """Checks an import (or reads its stored check) and collects every page of row diagnostics."""
    rows: list[diagnostic_pb2.Diagnostic] = []
    page_token = ""
    with translated_errors():
        while True:
            page = stub.CheckImport(
                pb.CheckImportRequest(import_id=import_id, page_size=page_size, page_token=page_token)
            )
            rows.extend(page.row_diagnostics)
            page_token = page.next_page_token
            if not page_token:
                return CheckResult(import_of(page), list(page.file_diagnostics), rows)


def apply_permissions(
    stub: UserImportServiceStub,
    import_id: str,
    permissions: Sequence[str],
    request_id: str,
    personal_message: str = "",
    invitation_lifetime: timedelta | None = None,
    confirm_privileged_permissions: bool = False,
) -> pb.ApplyPermissionsResponse:
    """Grants ``permissions`` to the valid rows of a CHECKED import and invites them.

    Reuse ``request_id`` when retrying: the server then returns the stored result.
    ``personal_message`` is a note shown in every invitation email (plain text, at most 1,000
    characters); ``invitation_lifetime`` how long the invitations can be accepted (1 to 30 days;
    None for the server's configured lifetime). Granting a privileged permission (members.invite,
    organization.admin) needs ``confirm_privileged_permissions``: without it the server refuses
    with PRIVILEGED_PERMISSIONS_NOT_CONFIRMED (``BulkInviteError.privileged_permissions`` names them).
    """
    request = pb.ApplyPermissionsRequest(
        import_id=import_id,
        permissions=permissions,
        request_id=request_id,
        personal_message=personal_message,
        confirm_privileged_permissions=confirm_privileged_permissions,
    )
    if invitation_lifetime is not None:
        lifetime = duration_pb2.Duration()
        lifetime.FromTimedelta(invitation_lifetime)
        request.invitation_lifetime.CopyFrom(lifetime)
    with translated_errors():
        return stub.ApplyPermissions(request)


@dataclass(frozen=True)
class ImportResult:
    import_: import_pb2.Import
    """The import at the end: APPLIED, or REJECTED (then nothing was applied)."""
    file_diagnostics: list[diagnostic_pb2.Diagnostic]
    row_diagnostics: list[diagnostic_pb2.Diagnostic]
    invited_count: int
    skipped_count: int
    request_id: str
    """The ApplyPermissions request_id; empty when the import was rejected."""

    @property
    def outcome(self) -> Outcome:
        """What the import came to: "invited", "nobody_to_invite", "no_valid_rows" or "rejected"."""
        return outcome_of(self)

    @property
    def summary(self) -> str:
        """The outcome in one line for a person, such as "4 users invited to acme"."""
        return describe(self)


def import_file(
    stub: UserImportServiceStub,
    path_or_bytes: str | os.PathLike[str] | bytes,
    organization_id: str,
    permissions: Sequence[str],
    file_name: str | None = None,
    request_id: str | None = None,
    chunk_size: int = MAX_CHUNK_SIZE,
    on_progress: ProgressCallback | None = None,
    resumable: bool = False,
    personal_message: str = "",
    invitation_lifetime: timedelta | None = None,
    confirm_privileged_permissions: bool = False,
) -> ImportResult:
    """Uploads a file, checks it and, unless it is REJECTED, applies ``permissions`` to its valid rows.

    ``file_name`` defaults to the path's name ("upload" for bytes); it is informative only. With
    ``resumable``, the file goes up with the resumable upload (upload_file_resumably), which carries
    on after a dropped connection, instead of one stream. ``personal_message``,
    ``invitation_lifetime`` and ``confirm_privileged_permissions`` go with the apply (see
    apply_permissions). Raises BulkInviteError when a call fails.
    """
    upload = upload_file_resumably if resumable else upload_file
    if isinstance(path_or_bytes, bytes):
        name = file_name or "upload"
        with io.BytesIO(path_or_bytes) as file:
            uploaded = upload(stub, file, organization_id, name, chunk_size, on_progress)
    else:
        path = Path(path_or_bytes)
        with path.open("rb") as file:
            uploaded = upload(stub, file, organization_id, file_name or path.name, chunk_size, on_progress)

    checked = check_import(stub, uploaded.import_id)
    if checked.import_.state == import_pb2.IMPORT_STATE_REJECTED:
        return ImportResult(checked.import_, checked.file_diagnostics, checked.row_diagnostics, 0, 0, "")

    request_id = request_id or str(uuid.uuid4())
    applied = apply_permissions(
        stub,
        uploaded.import_id,
        permissions,
        request_id,
        personal_message,
        invitation_lifetime,
        confirm_privileged_permissions,
    )
    return ImportResult(
        import_of(applied),
        checked.file_diagnostics,
        checked.row_diagnostics,
        applied.invited_count,
        applied.skipped_count,
        request_id,
    )
