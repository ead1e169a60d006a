"""Python client of BulkInvite (bulkinvite.v1.UserImportService)."""

from bulkinvite_client.client import (
    CheckResult,
    Connection,
    ImportResult,
    apply_permissions,
    check_import,
    connect,
    import_file,
    upload_file,
)
from bulkinvite_client.errors import BulkInviteError, error_info
from bulkinvite_client.outcome import Outcome
from bulkinvite_client.resumable import upload_file_resumably
from bulkinvite_client.rows import export_import_results, fix_import_row, list_import_rows, remove_import_rows
from bulkinvite_client.transfer import MAX_CHUNK_SIZE

__all__ = [
    "MAX_CHUNK_SIZE",
    "BulkInviteError",
    "CheckResult",
    "Connection",
    "ImportResult",
    "Outcome",
    "apply_permissions",
    "check_import",
    "connect",
    "error_info",
    "export_import_results",
    "fix_import_row",
    "import_file",
    "list_import_rows",
    "remove_import_rows",
    "upload_file",
    "upload_file_resumably",
]
