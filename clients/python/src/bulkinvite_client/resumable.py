"""The resumable upload: a file written at offsets, continued after the server could not be reached."""

from __future__ import annotations

import random
import time
from typing import BinaryIO

import grpc

from bulkinvite.v1 import import_pb2
from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client.errors import translated_errors
from bulkinvite_client.transfer import MAX_CHUNK_SIZE, ProgressCallback, import_of, measure

# The call did not reach the server, or its answer did not come back: the server may hold the
# upload still. A connection reset mid-call is UNAVAILABLE in grpcio.
_UNREACHABLE = (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)


def _unreachable(error: grpc.RpcError) -> bool:
    return isinstance(error, grpc.Call) and error.code() in _UNREACHABLE


def upload_file_resumably(
    stub: UserImportServiceStub,
    file: BinaryIO,
    organization_id: str,
    file_name: str,
    chunk_size: int = MAX_CHUNK_SIZE,
    on_progress: ProgressCallback | None = None,
    resume_within: float = 30.0,
    initial_backoff: float = 0.25,
    max_backoff: float = 4.0,
) -> import_pb2.Import:
    """Uploads a seekable binary file, from its position to its end, with the resumable upload.

    StartResumableUpload with the size and SHA-256, then WriteUpload at each chunk's offset, the last
    one finishing. When a write fails because the server cannot be reached (UNAVAILABLE, a dropped
    connection, DEADLINE_EXCEEDED), it waits (``initial_backoff`` seconds, doubling up to
    ``max_backoff``), asks QueryUploadStatus how many bytes the server has and continues from there,
    for up to ``resume_within`` seconds (the server's default idle timeout: the upload has expired
    after that). ``on_progress`` gets the bytes the server has stored. If it gives up or fails
    otherwise, it cancels the upload on the server. Returns the new import (UPLOADED); raises
    BulkInviteError.
    """
    if not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"chunk_size must be between 1 and {MAX_CHUNK_SIZE}, not {chunk_size}")
    start, size, sha256 = measure(file)
    metadata = pb.ImportFileMetadata(organization_id=organization_id, file_name=file_name, size_bytes=size, sha256=sha256)
    with translated_errors():
        started = stub.StartResumableUpload(pb.StartResumableUploadRequest(metadata=metadata))
    upload_id = started.upload_id
    chunk_size = min(chunk_size, started.max_chunk_bytes or MAX_CHUNK_SIZE)

    def report(stored: int) -> None:
        if on_progress is not None:
            on_progress(stored, size)

    def resume(failure: grpc.RpcError) -> pb.QueryUploadStatusResponse:
        """Asks how much the server has, with backoff, until it answers or the time runs out."""
        give_up_at = time.monotonic() + resume_within
        attempt = 0
        while time.monotonic() < give_up_at:
            attempt += 1
            # Jitter spreads the retries of clients that failed together.
            time.sleep(min(max_backoff, initial_backoff * 2 ** (attempt - 1)) * random.uniform(0.8, 1.2))  # noqa: S311
            try:
                return stub.QueryUploadStatus(pb.QueryUploadStatusRequest(upload_id=upload_id))
            except grpc.RpcError as error:
                if not _unreachable(error):
                    raise
                failure = error
        raise failure

    try:
        with translated_errors():
            offset = 0
            report(0)
            while True:
                if offset > size:
                    raise RuntimeError(f"the server holds {offset} bytes of upload {upload_id}, more than the file's {size}")
                file.seek(start + offset)
                data = file.read(min(chunk_size, size - offset))
                finish = offset + len(data) == size
                request = pb.WriteUploadRequest(
                    upload_id=upload_id, write_offset=offset, data=data, finish_write=finish, sha256=sha256 if finish else ""
                )
                try:
                    stored = stub.WriteUpload(request)
                    complete = stored.HasField("import")
                except grpc.RpcError as error:
                    if not _unreachable(error):
                        raise
                    # The write may have been stored before its answer was lost: go on where the server is.
                    status = resume(error)
                    stored, complete = status, status.complete
                offset = stored.persisted_size
                report(offset)
                if complete:
                    return import_of(stored)
    except BaseException:
        # Free the organization's upload slot now rather than when the upload expires.
        try:
            stub.CancelResumableUpload(pb.CancelResumableUploadRequest(upload_id=upload_id), timeout=5)
        except grpc.RpcError:
            pass  # it expires after the server's idle timeout
        raise
