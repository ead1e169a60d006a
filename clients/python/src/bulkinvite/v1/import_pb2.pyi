from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
FILE_FORMAT_CSV: FileFormat
FILE_FORMAT_UNSPECIFIED: FileFormat
FILE_FORMAT_XLS: FileFormat
FILE_FORMAT_XLSX: FileFormat
IMPORT_FIELD_DESCRIPTION: ImportField
IMPORT_FIELD_EMAIL: ImportField
IMPORT_FIELD_FIRST_NAME: ImportField
IMPORT_FIELD_IGNORED: ImportField
IMPORT_FIELD_LAST_NAME: ImportField
IMPORT_FIELD_UNSPECIFIED: ImportField
IMPORT_STATE_APPLIED: ImportState
IMPORT_STATE_CHECKED: ImportState
IMPORT_STATE_REJECTED: ImportState
IMPORT_STATE_UNSPECIFIED: ImportState
IMPORT_STATE_UPLOADED: ImportState

class ColumnMapping(_message.Message):
    __slots__ = ["column_number", "field", "header"]
    COLUMN_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    column_number: int
    field: ImportField
    header: str
    def __init__(self, column_number: _Optional[int] = ..., header: _Optional[str] = ..., field: _Optional[_Union[ImportField, str]] = ...) -> None: ...

class Import(_message.Message):
    __slots__ = ["already_invited_rows", "already_member_rows", "create_time", "file_name", "format", "import_id", "invalid_rows", "invited_count", "organization_id", "permissions", "sha256", "size_bytes", "skipped_already_invited_count", "skipped_already_member_count", "skipped_count", "state", "total_rows", "update_time", "valid_rows", "warning_rows"]
    ALREADY_INVITED_ROWS_FIELD_NUMBER: _ClassVar[int]
    ALREADY_MEMBER_ROWS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    INVALID_ROWS_FIELD_NUMBER: _ClassVar[int]
    INVITED_COUNT_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_ALREADY_INVITED_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_ALREADY_MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_COUNT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ROWS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    VALID_ROWS_FIELD_NUMBER: _ClassVar[int]
    WARNING_ROWS_FIELD_NUMBER: _ClassVar[int]
    already_invited_rows: int
    already_member_rows: int
    create_time: _timestamp_pb2.Timestamp
    file_name: str
    format: FileFormat
    import_id: str
    invalid_rows: int
    invited_count: int
    organization_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    sha256: str
    size_bytes: int
    skipped_already_invited_count: int
    skipped_already_member_count: int
    skipped_count: int
    state: ImportState
    total_rows: int
    update_time: _timestamp_pb2.Timestamp
    valid_rows: int
    warning_rows: int
    def __init__(self, import_id: _Optional[str] = ..., organization_id: _Optional[str] = ..., file_name: _Optional[str] = ..., format: _Optional[_Union[FileFormat, str]] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ..., state: _Optional[_Union[ImportState, str]] = ..., total_rows: _Optional[int] = ..., valid_rows: _Optional[int] = ..., invalid_rows: _Optional[int] = ..., invited_count: _Optional[int] = ..., skipped_count: _Optional[int] = ..., permissions: _Optional[_Iterable[str]] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., warning_rows: _Optional[int] = ..., already_invited_rows: _Optional[int] = ..., already_member_rows: _Optional[int] = ..., skipped_already_invited_count: _Optional[int] = ..., skipped_already_member_count: _Optional[int] = ...) -> None: ...

class FileFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ImportState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ImportField(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
