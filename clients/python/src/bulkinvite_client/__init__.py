"""Python client of BulkInvite (bulkinvite.v1.UserImportService)."""

from bulkinvite_client.client import (
    MAX_CHUNK_SIZE,
    BulkInviteError,
    CheckResult,
    Connection,
    ImportResult,
    apply_permissions,
    check_import,
    connect,
    error_info,
    import_file,
    upload_file,
)
from bulkinvite_client.outcome import Outcome

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
    "import_file",
    "upload_file",
]
