"""Fixing rows of a checked import in place, and its results file (ListImportRows,
UpdateImportRows, RemoveImportRows, ExportImportResults)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from bulkinvite.v1 import import_pb2
from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client.errors import translated_errors


def list_import_rows(
    stub: UserImportServiceStub, import_id: str, row_filter: int = pb.ROW_FILTER_UNSPECIFIED
) -> Iterator[pb.ImportRow]:
    """Every row of a checked (or applied) import with its values, revision and diagnostics, in
    row order, fetched a page (1,000 rows) at a time as it is iterated. ``row_filter`` keeps only
    the rows with errors (ROW_FILTER_ERRORS) or the valid rows with warnings (ROW_FILTER_WARNINGS)."""
    page_token = ""
    with translated_errors():
        while True:
            page = stub.ListImportRows(
                pb.ListImportRowsRequest(import_id=import_id, filter=row_filter, page_size=1000, page_token=page_token)
            )
            yield from page.rows
            page_token = page.next_page_token
            if not page_token:
                return


def fix_import_row(
    stub: UserImportServiceStub,
    import_id: str,
    row_number: int,
    *,
    email: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    description: str | None = None,
) -> pb.UpdateImportRowsResponse:
    """Changes cells of one row of a CHECKED import: reads the row's revision, then sends the edit
    made from it. A cell left as None keeps its value; "" empties it. Someone else's edit of the row
    in between fails it with ABORTED (ROW_REVISION_MISMATCH) and nothing is changed. Returns the
    row as stored, the import's counts and the other rows whose duplicate changed."""
    current = next((row for row in list_import_rows(stub, import_id) if row.row_number >= row_number), None)
    if current is None or current.row_number != row_number:
        raise LookupError(f"The import has no row {row_number} (rows are numbered as the spreadsheet shows them).")
    cells = {"email": email, "first_name": first_name, "last_name": last_name, "description": description}
    edit = pb.RowEdit(row_number=row_number, expected_revision=current.revision, **{k: v for k, v in cells.items() if v is not None})
    with translated_errors():
        return stub.UpdateImportRows(pb.UpdateImportRowsRequest(import_id=import_id, edits=[edit]))


def remove_import_rows(stub: UserImportServiceStub, import_id: str, row_numbers: Sequence[int]) -> pb.RemoveImportRowsResponse:
    """Removes rows of a CHECKED import: they will not be invited. Removing a row again is harmless."""
    with translated_errors():
        return stub.RemoveImportRows(pb.RemoveImportRowsRequest(import_id=import_id, row_numbers=row_numbers))


def export_import_results(
    stub: UserImportServiceStub,
    import_id: str,
    destination: BinaryIO,
    file_format: int = import_pb2.FILE_FORMAT_CSV,
    scope: int = pb.RESULTS_SCOPE_ALL_ROWS,
) -> str:
    """Writes the results file of a checked or applied import to ``destination`` (CSV or XLSX):
    every row with its status and reason, or with RESULTS_SCOPE_ROWS_TO_FIX only the rows with
    errors, ready to correct and upload again. Returns the file name the server suggests."""
    file_name = ""
    with translated_errors():
        for message in stub.ExportImportResults(
            pb.ExportImportResultsRequest(import_id=import_id, format=file_format, scope=scope)
        ):
            file_name = file_name or message.file_name
            destination.write(message.chunk)
    return file_name
