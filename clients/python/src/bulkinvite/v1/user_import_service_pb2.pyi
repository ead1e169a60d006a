from bulkinvite.v1 import audit_pb2 as _audit_pb2
from bulkinvite.v1 import diagnostic_pb2 as _diagnostic_pb2
from bulkinvite.v1 import import_pb2 as _import_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ApplyPermissionsRequest(_message.Message):
    __slots__ = ["import_id", "permissions", "request_id"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    request_id: str
    def __init__(self, import_id: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., request_id: _Optional[str] = ...) -> None: ...

class ApplyPermissionsResponse(_message.Message):
    __slots__ = ["invited_count", "skipped_count"]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    INVITED_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_COUNT_FIELD_NUMBER: _ClassVar[int]
    invited_count: int
    skipped_count: int
    def __init__(self, invited_count: _Optional[int] = ..., skipped_count: _Optional[int] = ..., **kwargs) -> None: ...

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
    __slots__ = ["file_diagnostics", "next_page_token", "row_diagnostics"]
    FILE_DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ROW_DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    file_diagnostics: _containers.RepeatedCompositeFieldContainer[_diagnostic_pb2.Diagnostic]
    next_page_token: str
    row_diagnostics: _containers.RepeatedCompositeFieldContainer[_diagnostic_pb2.Diagnostic]
    def __init__(self, file_diagnostics: _Optional[_Iterable[_Union[_diagnostic_pb2.Diagnostic, _Mapping]]] = ..., row_diagnostics: _Optional[_Iterable[_Union[_diagnostic_pb2.Diagnostic, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., **kwargs) -> None: ...

class DeleteImportRequest(_message.Message):
    __slots__ = ["import_id"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    def __init__(self, import_id: _Optional[str] = ...) -> None: ...

class DeleteImportResponse(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetImportRequest(_message.Message):
    __slots__ = ["import_id"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    def __init__(self, import_id: _Optional[str] = ...) -> None: ...

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
    __slots__ = ["description", "id"]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    description: str
    id: str
    def __init__(self, id: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

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
