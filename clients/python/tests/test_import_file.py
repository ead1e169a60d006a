"""End-to-end tests of bulkinvite_client against the real server started by conftest.py."""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import grpc
import pytest
from google.rpc import error_details_pb2

from bulkinvite.v1 import diagnostic_pb2 as diag
from bulkinvite.v1 import import_pb2
from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client import MAX_CHUNK_SIZE, BulkInviteError, apply_permissions, check_import, import_file, upload_file

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "BulkInvite.Core.Tests" / "Fixtures"
TEAM_FILES = [
    ("team_utf8.csv", import_pb2.FILE_FORMAT_CSV),
    ("team_libreoffice.xlsx", import_pb2.FILE_FORMAT_XLSX),
]
VALID_ROWS = [2, 3, 5, 6]  # the header is row 1; row 4 is not-an-email


def summary(diagnostics: list[diag.Diagnostic]) -> list[tuple[int, str, str, str]]:
    return [
        (d.row_number, d.column, diag.DiagnosticCode.Name(d.code), diag.Severity.Name(d.severity))
        for d in diagnostics
    ]


INVALID_ROW_4 = (4, "Email", "DIAGNOSTIC_CODE_EMAIL_INVALID", "SEVERITY_ERROR")


def png_bytes() -> bytes:
    """A valid 1x1 grey PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


def sample_file(stub: UserImportServiceStub, file_format: int) -> tuple[str, bytes]:
    responses = list(stub.GetSampleFile(pb.GetSampleFileRequest(format=file_format)))
    return responses[0].file_name, b"".join(r.chunk for r in responses)


@pytest.mark.parametrize(("name", "file_format"), TEAM_FILES, ids=[name for name, _ in TEAM_FILES])
def test_imports_a_team_file_end_to_end(stub: UserImportServiceStub, org: str, name: str, file_format: int) -> None:
    result = import_file(stub, FIXTURES / name, org, ["projects.view", "images.annotate"])

    assert (result.invited_count, result.skipped_count) == (4, 0)
    assert result.file_diagnostics == []
    assert summary(result.row_diagnostics) == [INVALID_ROW_4]
    assert result.row_diagnostics[0].value == "not-an-email"
    imported = result.import_
    assert imported.state == import_pb2.IMPORT_STATE_APPLIED
    assert imported.format == file_format
    assert imported.organization_id == org
    assert imported.file_name == name
    assert (imported.total_rows, imported.valid_rows, imported.invalid_rows) == (5, 4, 1)
    assert (imported.invited_count, imported.skipped_count) == (4, 0)
    assert list(imported.permissions) == ["images.annotate", "projects.view"]
    data = (FIXTURES / name).read_bytes()
    assert imported.size_bytes == len(data)
    assert imported.sha256 == hashlib.sha256(data).hexdigest()


def test_a_second_import_of_the_same_users_skips_them(stub: UserImportServiceStub, org: str) -> None:
    first = import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"])
    second = import_file(stub, FIXTURES / "team_libreoffice.xlsx", org, ["projects.view"])

    assert (first.invited_count, first.skipped_count) == (4, 0)
    assert (second.invited_count, second.skipped_count) == (0, 4)
    already_invited = [(row, "Email", "DIAGNOSTIC_CODE_ALREADY_INVITED", "SEVERITY_WARNING") for row in VALID_ROWS]
    assert summary(second.row_diagnostics) == sorted([*already_invited, INVALID_ROW_4])
    assert second.import_.state == import_pb2.IMPORT_STATE_APPLIED
    assert (second.import_.invited_count, second.import_.skipped_count) == (0, 4)


def test_check_import_collects_every_page_of_row_diagnostics(stub: UserImportServiceStub, org: str) -> None:
    import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"])
    second = import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"])
    assert len(second.row_diagnostics) == 5

    paged = check_import(stub, second.import_.import_id, page_size=2)  # pages of 2, 2 and 1

    assert summary(paged.row_diagnostics) == summary(second.row_diagnostics)
    assert [d.value for d in paged.row_diagnostics] == [d.value for d in second.row_diagnostics]
    assert paged.import_.state == import_pb2.IMPORT_STATE_APPLIED


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (png_bytes(), "DIAGNOSTIC_CODE_UNSUPPORTED_FORMAT"),
        (b"Emial,Given name,Surname\r\nann@example.com,Ann,Lee\r\n", "DIAGNOSTIC_CODE_HEADER_MISMATCH"),
    ],
    ids=["png", "wrong-header"],
)
def test_a_rejected_file_returns_its_diagnostic_and_is_not_applied(
    stub: UserImportServiceStub, org: str, content: bytes, code: str
) -> None:
    result = import_file(stub, content, org, ["projects.view"], file_name="users.csv")

    assert result.import_.state == import_pb2.IMPORT_STATE_REJECTED
    assert summary(result.file_diagnostics) == [(0, "", code, "SEVERITY_ERROR")]
    assert result.file_diagnostics[0].message
    assert result.row_diagnostics == []
    assert (result.invited_count, result.skipped_count, result.request_id) == (0, 0, "")
    stored = getattr(stub.GetImport(pb.GetImportRequest(import_id=result.import_.import_id)), "import")
    assert stored.state == import_pb2.IMPORT_STATE_REJECTED
    assert list(stored.permissions) == []


def test_an_unknown_import_id_is_not_found(stub: UserImportServiceStub) -> None:
    unknown = "0" * 32
    with pytest.raises(BulkInviteError) as raised:
        check_import(stub, unknown)

    error = raised.value
    assert error.code == grpc.StatusCode.NOT_FOUND
    assert unknown in error.message
    assert (error.reason, error.domain) == ("IMPORT_NOT_FOUND", "bulkinvite.v1")
    assert [d.type_url for d in error.details] == [
        "type.googleapis.com/google.rpc.ErrorInfo",
        "type.googleapis.com/google.rpc.ResourceInfo",
    ]
    resource = error_details_pb2.ResourceInfo()
    error.details[1].Unpack(resource)
    assert resource.resource_name == f"imports/{unknown}"


def test_an_unknown_permission_is_invalid_and_nothing_is_invited(stub: UserImportServiceStub, org: str) -> None:
    with pytest.raises(BulkInviteError) as raised:
        import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view", "no.such.permission"])

    error = raised.value
    assert error.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "no.such.permission" in error.message
    assert error.status_details_bin is not None
    assert b"type.googleapis.com/google.rpc.BadRequest" in error.status_details_bin
    assert b"permissions[1]" in error.status_details_bin
    # The failed apply invited nobody: the same users are still new to the organization.
    retry = import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"])
    assert (retry.invited_count, retry.skipped_count) == (4, 0)


def test_progress_reports_increasing_byte_counts_up_to_the_size(stub: UserImportServiceStub, org: str) -> None:
    path = FIXTURES / "team_libreoffice.xlsx"
    size = path.stat().st_size
    chunk_size = 1000
    calls: list[tuple[int, int]] = []

    result = import_file(stub, path, org, ["projects.view"], chunk_size=chunk_size, on_progress=lambda *c: calls.append(c))

    sent = [s for s, _ in calls]
    assert len(calls) == -(-size // chunk_size) > 1
    assert sent == sorted(set(sent))
    assert sent[0] == chunk_size
    assert sent[-1] == size
    assert {total for _, total in calls} == {size}
    assert result.import_.size_bytes == size
    assert result.invited_count == 4


def test_a_file_over_one_chunk_is_uploaded_in_full(stub: UserImportServiceStub, org: str, tmp_path: Path) -> None:
    data = bytes(range(256)) * (5 * MAX_CHUNK_SIZE // 2 // 256)  # 2.5 MiB: three chunks by default
    calls: list[int] = []
    with (tmp_path / "big.bin").open("w+b") as file:
        file.write(data)
        file.seek(0)
        uploaded = upload_file(stub, file, org, "big.bin", on_progress=lambda sent, _: calls.append(sent))

    assert calls == [MAX_CHUNK_SIZE, 2 * MAX_CHUNK_SIZE, len(data)]
    assert uploaded.state == import_pb2.IMPORT_STATE_UPLOADED
    assert uploaded.size_bytes == len(data)
    assert uploaded.sha256 == hashlib.sha256(data).hexdigest()


def test_a_chunk_size_over_one_mib_is_refused(stub: UserImportServiceStub, org: str) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        import_file(stub, b"x", org, ["projects.view"], chunk_size=MAX_CHUNK_SIZE + 1)


def test_the_xlsx_sample_imports_with_no_diagnostics(stub: UserImportServiceStub, org: str) -> None:
    file_name, data = sample_file(stub, import_pb2.FILE_FORMAT_XLSX)
    assert file_name == "bulk-invite-sample.xlsx"

    result = import_file(stub, data, org, ["projects.view"], file_name=file_name)

    assert result.file_diagnostics == []
    assert result.row_diagnostics == []
    imported = result.import_
    assert imported.format == import_pb2.FILE_FORMAT_XLSX
    assert imported.state == import_pb2.IMPORT_STATE_APPLIED
    assert imported.total_rows == imported.valid_rows == result.invited_count > 0
    assert result.skipped_count == 0


def test_applying_again_with_the_same_request_id_returns_the_stored_result(
    stub: UserImportServiceStub, org: str
) -> None:
    result = import_file(stub, FIXTURES / "team_utf8.csv", org, ["projects.view"], request_id="retry-1")
    assert result.request_id == "retry-1"

    again = apply_permissions(stub, result.import_.import_id, ["projects.view"], "retry-1")

    assert (again.invited_count, again.skipped_count) == (4, 0)
    assert getattr(again, "import") == result.import_
