from bulkinvite.v1 import audit_pb2 as _audit_pb2
from bulkinvite.v1 import diagnostic_pb2 as _diagnostic_pb2
from bulkinvite.v1 import import_pb2 as _import_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
RESULTS_SCOPE_ALL_ROWS: ResultsScope
RESULTS_SCOPE_ROWS_TO_FIX: ResultsScope
RESULTS_SCOPE_UNSPECIFIED: ResultsScope
ROW_FILTER_ERRORS: RowFilter
ROW_FILTER_UNSPECIFIED: RowFilter
ROW_FILTER_WARNINGS: RowFilter

class ApplyPermissionsRequest(_message.Message):
    __slots__ = ["confirm_privileged_permissions", "import_id", "invitation_lifetime", "permissions", "personal_message", "request_id"]
    CONFIRM_PRIVILEGED_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    INVITATION_LIFETIME_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    confirm_privileged_permissions: bool
    import_id: str
    invitation_lifetime: _duration_pb2.Duration
    permissions: _containers.RepeatedScalarFieldContainer[str]
    personal_message: str
    request_id: str
    def __init__(self, import_id: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., request_id: _Optional[str] = ..., personal_message: _Optional[str] = ..., invitation_lifetime: _Optional[_Union[_duration_pb2.Duration, _Mapping]] = ..., confirm_privileged_permissions: bool = ...) -> None: ...

class ApplyPermissionsResponse(_message.Message):
    __slots__ = ["invited_count", "skipped_count"]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    INVITED_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_COUNT_FIELD_NUMBER: _ClassVar[int]
    invited_count: int
    skipped_count: int
    def __init__(self, invited_count: _Optional[int] = ..., skipped_count: _Optional[int] = ..., **kwargs) -> None: ...

class CancelResumableUploadRequest(_message.Message):
    __slots__ = ["upload_id"]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    upload_id: str
    def __init__(self, upload_id: _Optional[str] = ...) -> None: ...

class CancelResumableUploadResponse(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class CheckImportRequest(_message.Message):
    __slots__ = ["import_id", "page_size", "page_token"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    page_size: int
    page_token: str
    def __init__(self, import_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class CheckImportResponse(_message.Message):
    __slots__ = ["column_mappings", "file_diagnostics", "next_page_token", "row_diagnostics"]
    COLUMN_MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    FILE_DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ROW_DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    column_mappings: _containers.RepeatedCompositeFieldContainer[_import_pb2.ColumnMapping]
    file_diagnostics: _containers.RepeatedCompositeFieldContainer[_diagnostic_pb2.Diagnostic]
    next_page_token: str
    row_diagnostics: _containers.RepeatedCompositeFieldContainer[_diagnostic_pb2.Diagnostic]
    def __init__(self, file_diagnostics: _Optional[_Iterable[_Union[_diagnostic_pb2.Diagnostic, _Mapping]]] = ..., row_diagnostics: _Optional[_Iterable[_Union[_diagnostic_pb2.Diagnostic, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., column_mappings: _Optional[_Iterable[_Union[_import_pb2.ColumnMapping, _Mapping]]] = ..., **kwargs) -> None: ...

class CheckProgress(_message.Message):
    __slots__ = ["bytes_read", "rows_read", "size_bytes"]
    BYTES_READ_FIELD_NUMBER: _ClassVar[int]
    ROWS_READ_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    bytes_read: int
    rows_read: int
    size_bytes: int
    def __init__(self, rows_read: _Optional[int] = ..., bytes_read: _Optional[int] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class DeleteImportRequest(_message.Message):
    __slots__ = ["import_id"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    def __init__(self, import_id: _Optional[str] = ...) -> None: ...

class DeleteImportResponse(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ExportImportResultsRequest(_message.Message):
    __slots__ = ["format", "import_id", "scope"]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    format: _import_pb2.FileFormat
    import_id: str
    scope: ResultsScope
    def __init__(self, import_id: _Optional[str] = ..., format: _Optional[_Union[_import_pb2.FileFormat, str]] = ..., scope: _Optional[_Union[ResultsScope, str]] = ...) -> None: ...

class ExportImportResultsResponse(_message.Message):
    __slots__ = ["chunk", "file_name"]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    chunk: bytes
    file_name: str
    def __init__(self, file_name: _Optional[str] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class GetCallerRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetCallerResponse(_message.Message):
    __slots__ = ["can_invite", "display_name", "grantable_permissions", "organization_display_name", "organization_id", "permissions", "subject"]
    CAN_INVITE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANTABLE_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    can_invite: bool
    display_name: str
    grantable_permissions: _containers.RepeatedScalarFieldContainer[str]
    organization_display_name: str
    organization_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    subject: str
    def __init__(self, subject: _Optional[str] = ..., display_name: _Optional[str] = ..., organization_id: _Optional[str] = ..., organization_display_name: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., can_invite: bool = ..., grantable_permissions: _Optional[_Iterable[str]] = ...) -> None: ...

class GetImportRequest(_message.Message):
    __slots__ = ["import_id"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    def __init__(self, import_id: _Optional[str] = ...) -> None: ...

class GetImportResponse(_message.Message):
    __slots__ = []
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    def __init__(self, **kwargs) -> None: ...

class GetSampleFileRequest(_message.Message):
    __slots__ = ["format"]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    format: _import_pb2.FileFormat
    def __init__(self, format: _Optional[_Union[_import_pb2.FileFormat, str]] = ...) -> None: ...

class GetSampleFileResponse(_message.Message):
    __slots__ = ["chunk", "file_name"]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    chunk: bytes
    file_name: str
    def __init__(self, file_name: _Optional[str] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class ImportFileMetadata(_message.Message):
    __slots__ = ["file_name", "organization_id", "sha256", "size_bytes"]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    organization_id: str
    sha256: str
    size_bytes: int
    def __init__(self, organization_id: _Optional[str] = ..., file_name: _Optional[str] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ...) -> None: ...

class ImportRow(_message.Message):
    __slots__ = ["description", "diagnostics", "email", "first_name", "last_name", "revision", "row_number", "valid"]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    ROW_NUMBER_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    description: str
    diagnostics: _containers.RepeatedCompositeFieldContainer[_diagnostic_pb2.Diagnostic]
    email: str
    first_name: str
    last_name: str
    revision: int
    row_number: int
    valid: bool
    def __init__(self, row_number: _Optional[int] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., description: _Optional[str] = ..., revision: _Optional[int] = ..., valid: bool = ..., diagnostics: _Optional[_Iterable[_Union[_diagnostic_pb2.Diagnostic, _Mapping]]] = ...) -> None: ...

class ListAuditEventsRequest(_message.Message):
    __slots__ = ["organization_id", "page_size", "page_token"]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    organization_id: str
    page_size: int
    page_token: str
    def __init__(self, organization_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAuditEventsResponse(_message.Message):
    __slots__ = ["events", "next_page_token"]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[_audit_pb2.AuditEvent]
    next_page_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[_audit_pb2.AuditEvent, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListImportRowsRequest(_message.Message):
    __slots__ = ["filter", "import_id", "page_size", "page_token"]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    filter: RowFilter
    import_id: str
    page_size: int
    page_token: str
    def __init__(self, import_id: _Optional[str] = ..., filter: _Optional[_Union[RowFilter, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListImportRowsResponse(_message.Message):
    __slots__ = ["next_page_token", "rows"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    rows: _containers.RepeatedCompositeFieldContainer[ImportRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[ImportRow, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListImportsRequest(_message.Message):
    __slots__ = ["organization_id", "page_size", "page_token"]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    organization_id: str
    page_size: int
    page_token: str
    def __init__(self, organization_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListImportsResponse(_message.Message):
    __slots__ = ["imports", "next_page_token"]
    IMPORTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    imports: _containers.RepeatedCompositeFieldContainer[_import_pb2.Import]
    next_page_token: str
    def __init__(self, imports: _Optional[_Iterable[_Union[_import_pb2.Import, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListPermissionsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListPermissionsResponse(_message.Message):
    __slots__ = ["permissions"]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    permissions: _containers.RepeatedCompositeFieldContainer[Permission]
    def __init__(self, permissions: _Optional[_Iterable[_Union[Permission, _Mapping]]] = ...) -> None: ...

class Permission(_message.Message):
    __slots__ = ["description", "grantable", "id", "not_grantable_reason", "privileged"]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    GRANTABLE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NOT_GRANTABLE_REASON_FIELD_NUMBER: _ClassVar[int]
    PRIVILEGED_FIELD_NUMBER: _ClassVar[int]
    description: str
    grantable: bool
    id: str
    not_grantable_reason: str
    privileged: bool
    def __init__(self, id: _Optional[str] = ..., description: _Optional[str] = ..., privileged: bool = ..., grantable: bool = ..., not_grantable_reason: _Optional[str] = ...) -> None: ...

class QueryUploadStatusRequest(_message.Message):
    __slots__ = ["upload_id"]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    upload_id: str
    def __init__(self, upload_id: _Optional[str] = ...) -> None: ...

class QueryUploadStatusResponse(_message.Message):
    __slots__ = ["complete", "persisted_size"]
    COMPLETE_FIELD_NUMBER: _ClassVar[int]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    PERSISTED_SIZE_FIELD_NUMBER: _ClassVar[int]
    complete: bool
    persisted_size: int
    def __init__(self, persisted_size: _Optional[int] = ..., complete: bool = ..., **kwargs) -> None: ...

class RemoveImportRowsRequest(_message.Message):
    __slots__ = ["import_id", "row_numbers"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    ROW_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    row_numbers: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, import_id: _Optional[str] = ..., row_numbers: _Optional[_Iterable[int]] = ...) -> None: ...

class RemoveImportRowsResponse(_message.Message):
    __slots__ = ["affected_row_numbers"]
    AFFECTED_ROW_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    affected_row_numbers: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, affected_row_numbers: _Optional[_Iterable[int]] = ..., **kwargs) -> None: ...

class RowEdit(_message.Message):
    __slots__ = ["description", "email", "expected_revision", "first_name", "last_name", "row_number"]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_REVISION_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    ROW_NUMBER_FIELD_NUMBER: _ClassVar[int]
    description: str
    email: str
    expected_revision: int
    first_name: str
    last_name: str
    row_number: int
    def __init__(self, row_number: _Optional[int] = ..., expected_revision: _Optional[int] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class StartResumableUploadRequest(_message.Message):
    __slots__ = ["metadata"]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    metadata: ImportFileMetadata
    def __init__(self, metadata: _Optional[_Union[ImportFileMetadata, _Mapping]] = ...) -> None: ...

class StartResumableUploadResponse(_message.Message):
    __slots__ = ["max_chunk_bytes", "upload_id"]
    MAX_CHUNK_BYTES_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    max_chunk_bytes: int
    upload_id: str
    def __init__(self, upload_id: _Optional[str] = ..., max_chunk_bytes: _Optional[int] = ...) -> None: ...

class StreamCheckImportRequest(_message.Message):
    __slots__ = ["import_id", "page_size"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    page_size: int
    def __init__(self, import_id: _Optional[str] = ..., page_size: _Optional[int] = ...) -> None: ...

class StreamCheckImportResponse(_message.Message):
    __slots__ = ["progress", "result"]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    progress: CheckProgress
    result: CheckImportResponse
    def __init__(self, progress: _Optional[_Union[CheckProgress, _Mapping]] = ..., result: _Optional[_Union[CheckImportResponse, _Mapping]] = ...) -> None: ...

class UpdateImportRowsRequest(_message.Message):
    __slots__ = ["edits", "import_id"]
    EDITS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    edits: _containers.RepeatedCompositeFieldContainer[RowEdit]
    import_id: str
    def __init__(self, import_id: _Optional[str] = ..., edits: _Optional[_Iterable[_Union[RowEdit, _Mapping]]] = ...) -> None: ...

class UpdateImportRowsResponse(_message.Message):
    __slots__ = ["affected_row_numbers", "rows"]
    AFFECTED_ROW_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    affected_row_numbers: _containers.RepeatedScalarFieldContainer[int]
    rows: _containers.RepeatedCompositeFieldContainer[ImportRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[ImportRow, _Mapping]]] = ..., affected_row_numbers: _Optional[_Iterable[int]] = ..., **kwargs) -> None: ...

class UploadImportFileRequest(_message.Message):
    __slots__ = ["chunk", "metadata"]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    chunk: bytes
    metadata: ImportFileMetadata
    def __init__(self, metadata: _Optional[_Union[ImportFileMetadata, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class UploadImportFileResponse(_message.Message):
    __slots__ = []
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    def __init__(self, **kwargs) -> None: ...

class WriteUploadRequest(_message.Message):
    __slots__ = ["data", "finish_write", "sha256", "upload_id", "write_offset"]
    DATA_FIELD_NUMBER: _ClassVar[int]
    FINISH_WRITE_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    WRITE_OFFSET_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    finish_write: bool
    sha256: str
    upload_id: str
    write_offset: int
    def __init__(self, upload_id: _Optional[str] = ..., write_offset: _Optional[int] = ..., data: _Optional[bytes] = ..., finish_write: bool = ..., sha256: _Optional[str] = ...) -> None: ...

class WriteUploadResponse(_message.Message):
    __slots__ = ["persisted_size"]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    PERSISTED_SIZE_FIELD_NUMBER: _ClassVar[int]
    persisted_size: int
    def __init__(self, persisted_size: _Optional[int] = ..., **kwargs) -> None: ...

class RowFilter(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ResultsScope(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
