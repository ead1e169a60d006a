"""The resumable upload against the real server started by conftest.py, directly and through a
proxy that cuts the connection half-way through a write."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Iterator

import pytest
from cutting_proxy import CuttingProxy

from bulkinvite.v1 import import_pb2
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client import MAX_CHUNK_SIZE, check_import, connect, import_file, upload_file_resumably
from conftest import mint_token


def users(rows: int) -> bytes:
    """A CSV of ``rows`` valid users: about 40 bytes a row."""
    tag = uuid.uuid4().hex[:8]
    lines = ["Email,First name,Last name", *(f"user{i}.{tag}@example.com,First,Last" for i in range(rows))]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def proxy(server_target: str) -> Iterator[CuttingProxy]:
    cutting = CuttingProxy(server_target)
    yield cutting
    cutting.close()


def test_writes_the_file_at_its_offsets_and_returns_the_import_the_server_verified(stub: UserImportServiceStub, org: str) -> None:
    content = users(60_000)
    reports: list[int] = []

    uploaded = upload_file_resumably(stub, io.BytesIO(content), org, "users.csv", on_progress=lambda stored, _: reports.append(stored))
    checked = check_import(stub, uploaded.import_id)

    assert len(content) > 2 * MAX_CHUNK_SIZE, "the file must take several writes"
    assert (reports[0], reports[-1]) == (0, len(content))
    assert uploaded.state == import_pb2.IMPORT_STATE_UPLOADED
    assert (uploaded.size_bytes, uploaded.sha256) == (len(content), hashlib.sha256(content).hexdigest())
    assert checked.import_.valid_rows == 60_000


def test_an_upload_whose_connection_is_cut_mid_write_resumes_from_the_bytes_the_server_stored(proxy: CuttingProxy, org: str) -> None:
    content = users(80_000)
    reports: list[int] = []
    channel, stub = connect(proxy.target, token=mint_token(org, ["organization.admin"]))
    with channel:
        # Half-way through the second 1 MiB write.
        proxy.cut_after(3 * MAX_CHUNK_SIZE // 2)

        uploaded = upload_file_resumably(
            stub, io.BytesIO(content), org, "users.csv", on_progress=lambda stored, _: reports.append(stored), initial_backoff=0.1
        )
        checked = check_import(stub, uploaded.import_id)

    assert proxy.cuts == 1
    assert proxy.connections >= 2, "the client connected again after the cut"
    # The reports never go back: the second write's bytes were never stored, the first's were kept.
    assert reports == sorted(reports)
    assert reports.count(MAX_CHUNK_SIZE) == 2, "1 MiB stored before the cut, and again as QueryUploadStatus's answer"
    assert (uploaded.size_bytes, uploaded.sha256) == (len(content), hashlib.sha256(content).hexdigest())
    assert checked.import_.valid_rows == 80_000


def test_import_file_with_resumable_uploads_through_the_resumable_upload_and_applies(stub: UserImportServiceStub, org: str) -> None:
    result = import_file(stub, users(3), org, ["projects.view"], file_name="users.csv", resumable=True)

    assert result.import_.state == import_pb2.IMPORT_STATE_APPLIED
    assert result.invited_count == 3
