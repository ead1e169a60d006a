"""connect() and upload_file() as a server sees them: an in-process server records what it receives."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from concurrent import futures
from typing import Any

import grpc
import pytest

from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1 import user_import_service_pb2_grpc as pb_grpc
from bulkinvite_client import connect, upload_file


class RecordingService(pb_grpc.UserImportServiceServicer):
    def __init__(self) -> None:
        self.authorization: list[str | None] = []
        self.uploads: list[pb.ImportFileMetadata] = []

    def ListPermissions(self, request: pb.ListPermissionsRequest, context: Any) -> pb.ListPermissionsResponse:
        metadata = dict(context.invocation_metadata())
        self.authorization.append(metadata.get("authorization"))
        return pb.ListPermissionsResponse(permissions=[pb.Permission(id="projects.view")])

    def UploadImportFile(self, requests: Iterator[pb.UploadImportFileRequest], context: Any) -> Any:
        self.authorization.append(dict(context.invocation_metadata()).get("authorization"))
        first = next(requests)
        self.uploads.append(first.metadata)
        received = b"".join(r.chunk for r in requests)
        response = pb.UploadImportFileResponse()
        getattr(response, "import").size_bytes = len(received)
        return response

    def GetSampleFile(self, request: pb.GetSampleFileRequest, context: Any) -> Iterator[pb.GetSampleFileResponse]:
        self.authorization.append(dict(context.invocation_metadata()).get("authorization"))
        yield pb.GetSampleFileResponse(file_name="s.csv", chunk=b"x")


@pytest.fixture
def recording() -> Iterator[tuple[str, RecordingService]]:
    service = RecordingService()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    pb_grpc.add_UserImportServiceServicer_to_server(service, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}", service
    server.stop(None)


def test_every_call_sends_the_token(recording: tuple[str, RecordingService]) -> None:
    target, service = recording
    channel, stub = connect(target, token="s3cret")
    with channel:
        assert [p.id for p in stub.ListPermissions(pb.ListPermissionsRequest()).permissions] == ["projects.view"]
        assert [r.chunk for r in stub.GetSampleFile(pb.GetSampleFileRequest())] == [b"x"]
        file = io.BytesIO(b"--abc")
        file.seek(2)  # uploads from the current position
        assert upload_file(stub, file, "org", "a.csv").size_bytes == 3
    assert service.authorization == ["Bearer s3cret"] * 3
    assert service.uploads == [
        pb.ImportFileMetadata(
            organization_id="org", file_name="a.csv", size_bytes=3, sha256=hashlib.sha256(b"abc").hexdigest()
        )
    ]


def test_the_token_defaults_to_the_environment(
    recording: tuple[str, RecordingService], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, service = recording
    monkeypatch.setenv("BULKINVITE_TOKEN", "from-env")
    channel, stub = connect(target)
    with channel:
        stub.ListPermissions(pb.ListPermissionsRequest())
    assert service.authorization == ["Bearer from-env"]


def test_no_token_sends_no_authorization(
    recording: tuple[str, RecordingService], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, service = recording
    monkeypatch.delenv("BULKINVITE_TOKEN", raising=False)
    channel, stub = connect(target)
    with channel:
        stub.ListPermissions(pb.ListPermissionsRequest())
    assert service.authorization == [None]
