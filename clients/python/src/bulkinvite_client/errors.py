"""The errors of BulkInvite calls: gRPC statuses with their google.rpc details."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import grpc
from google.protobuf import any_pb2

# google.rpc is generated into this client (src/google/rpc) from the same protos as
# googleapis-common-protos, which Debian 12 does not package.
from google.rpc import error_details_pb2, status_pb2


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
        self.privileged_permissions = _privileged_permissions(self.details)
        """For PRIVILEGED_PERMISSIONS_NOT_CONFIRMED: the privileged permissions the apply would grant."""
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


def _privileged_permissions(details: Sequence[any_pb2.Any]) -> list[str]:
    """The subjects of the PreconditionFailure violations of type PRIVILEGED_PERMISSIONS_NOT_CONFIRMED."""
    permissions: list[str] = []
    for detail in details:
        if detail.Is(error_details_pb2.PreconditionFailure.DESCRIPTOR):
            failure = error_details_pb2.PreconditionFailure()
            detail.Unpack(failure)
            permissions += [v.subject for v in failure.violations if v.type == "PRIVILEGED_PERMISSIONS_NOT_CONFIRMED"]
    return permissions


@contextmanager
def translated_errors() -> Iterator[None]:
    """Raises a failed call's grpc.RpcError as the BulkInviteError it carries."""
    try:
        yield
    except grpc.RpcError as error:
        if not isinstance(error, grpc.Call):
            raise
        raise BulkInviteError.from_call(error) from error
