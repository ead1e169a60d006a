"""A thin client for bulkinvite.v1.UserImportService: upload, check and apply one file."""

from __future__ import annotations

import collections
import hashlib
import io
import json
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import grpc
from google.protobuf import any_pb2

# google.rpc is generated into this client (src/google/rpc) from the same protos as
# googleapis-common-protos, which Debian 12 does not package.
from google.rpc import error_details_pb2, status_pb2

from bulkinvite.v1 import diagnostic_pb2, import_pb2
from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client.outcome import Outcome, describe, outcome_of

MAX_CHUNK_SIZE = 1 << 20
"""The largest chunk the server accepts (1 MiB)."""

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


class BulkInviteError(Exception):
    """A failed call: its gRPC status code, message and google.rpc.Status details.

    ``details`` holds the ``google.protobuf.Any`` messages of the google.rpc.Status (ErrorInfo,
    BadRequest, PreconditionFailure, QuotaFailure, ResourceInfo); unpack them with
    ``google.rpc.error_details_pb2``. ``reason``, ``domain`` and ``metadata`` are those of its
    ErrorInfo (every BulkInvite error has one: ``TOKEN_EXPIRED``, ``IMPORT_NOT_FOUND``, …), empty
    when the status has none. ``status_details_bin`` keeps the undecoded trailer.
    """

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        details: Sequence[any_pb2.Any] = (),
        status_details_bin: bytes | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.details = list(details)
        self.status_details_bin = status_details_bin
        info = error_info(self.details)
        self.reason = info.reason if info else ""
        self.domain = info.domain if info else ""
        self.metadata: dict[str, str] = dict(info.metadata) if info else {}
        super().__init__(f"{code.name} ({self.reason}): {message}" if self.reason else f"{code.name}: {message}")

    @classmethod
    def from_call(cls, call: grpc.Call) -> BulkInviteError:
        raw = next(
            (value for key, value in call.trailing_metadata() or () if key == "grpc-status-details-bin"),
            None,
        )
        details = list(status_pb2.Status.FromString(raw).details) if raw is not None else []
        return cls(call.code(), call.details() or "", details, raw)


def error_info(details: Sequence[any_pb2.Any]) -> error_details_pb2.ErrorInfo | None:
    """The first google.rpc.ErrorInfo among a status's details, or None."""
    for detail in details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    return None


def _import_of(response: Any) -> import_pb2.Import:
    """The ``import`` field of a response, which Python can only reach through getattr."""
    import_: import_pb2.Import = getattr(response, "import")
    return import_


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except grpc.RpcError as error:
        if not isinstance(error, grpc.Call):
            raise
        raise BulkInviteError.from_call(error) from error


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


ProgressCallback = Callable[[int, int], None]
"""Called with (bytes sent so far, file size) after each chunk is handed to gRPC."""


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
    # Not hashlib.file_digest: it hashes a whole BytesIO, whatever its position, and leaves the
    # position where it was.
    start = file.tell()
    digest = hashlib.sha256()
    while block := file.read(MAX_CHUNK_SIZE):
        digest.update(block)
    size = file.tell() - start
    sha256 = digest.hexdigest()
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

    with _errors():
        return _import_of(stub.UploadImportFile(requests()))


@dataclass(frozen=True)
class CheckResult:
    import_: import_pb2.Import
    file_diagnostics: list[diagnostic_pb2.Diagnostic]
    row_diagnostics: list[diagnostic_pb2.Diagnostic]


def check_import(stub: UserImportServiceStub, import_id: str, page_size: int = 1000) -> CheckResult:
    """Checks an import (or reads its stored check) and collects every page of row diagnostics."""
    rows: list[diagnostic_pb2.Diagnostic] = []
    page_token = ""
    with _errors():
        while True:
            page = stub.CheckImport(
                pb.CheckImportRequest(import_id=import_id, page_size=page_size, page_token=page_token)
            )
            rows.extend(page.row_diagnostics)
            page_token = page.next_page_token
            if not page_token:
                return CheckResult(_import_of(page), list(page.file_diagnostics), rows)


def apply_permissions(
    stub: UserImportServiceStub, import_id: str, permissions: Sequence[str], request_id: str
) -> pb.ApplyPermissionsResponse:
    """Grants ``permissions`` to the valid rows of a CHECKED import and invites them.

    Reuse ``request_id`` when retrying: the server then returns the stored result.
    """
    with _errors():
        return stub.ApplyPermissions(
            pb.ApplyPermissionsRequest(import_id=import_id, permissions=permissions, request_id=request_id)
        )


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
) -> ImportResult:
    """Uploads a file, checks it and, unless it is REJECTED, applies ``permissions`` to its valid rows.

    ``file_name`` defaults to the path's name ("upload" for bytes); it is informative only.
    Raises BulkInviteError when a call fails.
    """
    if isinstance(path_or_bytes, bytes):
        name = file_name or "upload"
        with io.BytesIO(path_or_bytes) as file:
            uploaded = upload_file(stub, file, organization_id, name, chunk_size, on_progress)
    else:
        path = Path(path_or_bytes)
        with path.open("rb") as file:
            uploaded = upload_file(stub, file, organization_id, file_name or path.name, chunk_size, on_progress)

    checked = check_import(stub, uploaded.import_id)
    if checked.import_.state == import_pb2.IMPORT_STATE_REJECTED:
        return ImportResult(checked.import_, checked.file_diagnostics, checked.row_diagnostics, 0, 0, "")

    request_id = request_id or str(uuid.uuid4())
    applied = apply_permissions(stub, uploaded.import_id, permissions, request_id)
    return ImportResult(
        _import_of(applied),
        checked.file_diagnostics,
        checked.row_diagnostics,
        applied.invited_count,
        applied.skipped_count,
        request_id,
    )
