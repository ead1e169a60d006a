from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

AUDIT_ACTION_APPLIED: AuditAction
AUDIT_ACTION_CHECKED: AuditAction
AUDIT_ACTION_DELETED: AuditAction
AUDIT_ACTION_INVITATION_ACCEPTED: AuditAction
AUDIT_ACTION_INVITATION_RESENT: AuditAction
AUDIT_ACTION_INVITATION_REVOKED: AuditAction
AUDIT_ACTION_PURGED: AuditAction
AUDIT_ACTION_REJECTED: AuditAction
AUDIT_ACTION_ROWS_REMOVED: AuditAction
AUDIT_ACTION_ROWS_UPDATED: AuditAction
AUDIT_ACTION_UNSPECIFIED: AuditAction
AUDIT_ACTION_UPLOADED: AuditAction
DESCRIPTOR: _descriptor.FileDescriptor

class AuditEvent(_message.Message):
    __slots__ = ["action", "actor", "event_id", "event_time", "file_name", "import_id", "invalid_rows", "invitation_id", "invited_count", "organization_id", "permissions", "row_numbers", "skipped_count", "total_rows", "valid_rows"]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    INVALID_ROWS_FIELD_NUMBER: _ClassVar[int]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    INVITED_COUNT_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    ROW_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ROWS_FIELD_NUMBER: _ClassVar[int]
    VALID_ROWS_FIELD_NUMBER: _ClassVar[int]
    action: AuditAction
    actor: str
    event_id: str
    event_time: _timestamp_pb2.Timestamp
    file_name: str
    import_id: str
    invalid_rows: int
    invitation_id: str
    invited_count: int
    organization_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    row_numbers: _containers.RepeatedScalarFieldContainer[int]
    skipped_count: int
    total_rows: int
    valid_rows: int
    def __init__(self, event_id: _Optional[str] = ..., event_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., organization_id: _Optional[str] = ..., actor: _Optional[str] = ..., action: _Optional[_Union[AuditAction, str]] = ..., import_id: _Optional[str] = ..., file_name: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., total_rows: _Optional[int] = ..., valid_rows: _Optional[int] = ..., invalid_rows: _Optional[int] = ..., invited_count: _Optional[int] = ..., skipped_count: _Optional[int] = ..., invitation_id: _Optional[str] = ..., row_numbers: _Optional[_Iterable[int]] = ...) -> None: ...

class AuditAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
