from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
DIAGNOSTIC_CODE_ALREADY_INVITED: DiagnosticCode
DIAGNOSTIC_CODE_ALREADY_MEMBER: DiagnosticCode
DIAGNOSTIC_CODE_DUPLICATE_EMAIL: DiagnosticCode
DIAGNOSTIC_CODE_EMAIL_INVALID: DiagnosticCode
DIAGNOSTIC_CODE_EMAIL_MISSING: DiagnosticCode
DIAGNOSTIC_CODE_EMAIL_NON_ASCII: DiagnosticCode
DIAGNOSTIC_CODE_EXTRA_FIELDS: DiagnosticCode
DIAGNOSTIC_CODE_FILE_EMPTY: DiagnosticCode
DIAGNOSTIC_CODE_FILE_LIMIT_EXCEEDED: DiagnosticCode
DIAGNOSTIC_CODE_FILE_UNREADABLE: DiagnosticCode
DIAGNOSTIC_CODE_FIRST_NAME_MISSING: DiagnosticCode
DIAGNOSTIC_CODE_FORMULA_PREFIX: DiagnosticCode
DIAGNOSTIC_CODE_HEADER_MISMATCH: DiagnosticCode
DIAGNOSTIC_CODE_INVALID_CHARACTERS: DiagnosticCode
DIAGNOSTIC_CODE_LAST_NAME_MISSING: DiagnosticCode
DIAGNOSTIC_CODE_NO_USER_ROWS: DiagnosticCode
DIAGNOSTIC_CODE_TOO_MANY_ROWS: DiagnosticCode
DIAGNOSTIC_CODE_UNCLOSED_QUOTE: DiagnosticCode
DIAGNOSTIC_CODE_UNSPECIFIED: DiagnosticCode
DIAGNOSTIC_CODE_UNSUPPORTED_FORMAT: DiagnosticCode
DIAGNOSTIC_CODE_VALUE_TOO_LONG: DiagnosticCode
SEVERITY_ERROR: Severity
SEVERITY_UNSPECIFIED: Severity
SEVERITY_WARNING: Severity

class Diagnostic(_message.Message):
    __slots__ = ["code", "column", "message", "row_number", "severity", "value"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ROW_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    code: DiagnosticCode
    column: str
    message: str
    row_number: int
    severity: Severity
    value: str
    def __init__(self, row_number: _Optional[int] = ..., column: _Optional[str] = ..., code: _Optional[_Union[DiagnosticCode, str]] = ..., severity: _Optional[_Union[Severity, str]] = ..., message: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class Severity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DiagnosticCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
