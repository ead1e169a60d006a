"""Fixing rows and the results file with bulkinvite_client, against the real server started by conftest.py."""

from __future__ import annotations

import io

import grpc
import pytest

from bulkinvite.v1 import import_pb2
from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client import (
    BulkInviteError,
    apply_permissions,
    check_import,
    export_import_results,
    fix_import_row,
    list_import_rows,
    remove_import_rows,
    upload_file,
)

TEAM = b"Email,First name,Last name\nann@example.com,Ann,Lee\nnot-an-email,Bob,Ray\nANN@example.com,Ann,Again\n"


def checked_import(stub: UserImportServiceStub, org: str) -> str:
    uploaded = upload_file(stub, io.BytesIO(TEAM), org, "team.csv")
    check_import(stub, uploaded.import_id)
    return uploaded.import_id


def test_lists_fixes_and_removes_rows_then_applies_exactly_the_rows_as_fixed(stub: UserImportServiceStub, org: str) -> None:
    import_id = checked_import(stub, org)

    errors = [row.row_number for row in list_import_rows(stub, import_id, pb.ROW_FILTER_ERRORS)]
    fixed = fix_import_row(stub, import_id, 3, email="bob@example.com", first_name="Robert")
    removed = remove_import_rows(stub, import_id, [4])
    applied = apply_permissions(stub, import_id, ["projects.view"], "rows-test")

    assert errors == [3, 4]
    assert [(r.row_number, r.email, r.first_name, r.revision, r.valid) for r in fixed.rows] == [(3, "bob@example.com", "Robert", 2, True)]
    assert getattr(removed, "import").total_rows == 2  # "import" is a Python keyword
    assert applied.invited_count == 2


def test_an_edit_from_an_older_revision_is_aborted(stub: UserImportServiceStub, org: str) -> None:
    import_id = checked_import(stub, org)
    fix_import_row(stub, import_id, 3, email="bob@example.com")

    stale = pb.RowEdit(row_number=3, expected_revision=1, first_name="Robert")
    with pytest.raises(grpc.RpcError) as raised:
        stub.UpdateImportRows(pb.UpdateImportRowsRequest(import_id=import_id, edits=[stale]))

    error = BulkInviteError.from_call(raised.value)
    assert (error.code, error.reason) == (grpc.StatusCode.ABORTED, "ROW_REVISION_MISMATCH")


def test_exports_every_row_with_its_status_and_the_rows_to_fix(stub: UserImportServiceStub, org: str) -> None:
    import_id = checked_import(stub, org)

    everything = io.BytesIO()
    to_fix = io.BytesIO()
    name = export_import_results(stub, import_id, everything)
    export_import_results(stub, import_id, to_fix, import_pb2.FILE_FORMAT_CSV, pb.RESULTS_SCOPE_ROWS_TO_FIX)

    lines = everything.getvalue().decode("utf-8-sig").split("\r\n")
    assert name.endswith(".csv")
    assert lines[:2] == ["Email,First name,Last name,Status,Reason", "ann@example.com,Ann,Lee,will be invited,"]
    assert len(to_fix.getvalue().decode("utf-8-sig").strip().split("\r\n")) == 3
