from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DELIVERY_STATE_CANCELLED: DeliveryState
DELIVERY_STATE_FAILED: DeliveryState
DELIVERY_STATE_QUEUED: DeliveryState
DELIVERY_STATE_SENT: DeliveryState
DELIVERY_STATE_UNSPECIFIED: DeliveryState
DESCRIPTOR: _descriptor.FileDescriptor
INVITATION_STATUS_ACCEPTED: InvitationStatus
INVITATION_STATUS_EXPIRED: InvitationStatus
INVITATION_STATUS_PENDING: InvitationStatus
INVITATION_STATUS_REVOKED: InvitationStatus
INVITATION_STATUS_UNSPECIFIED: InvitationStatus

class Invitation(_message.Message):
    __slots__ = ["create_time", "delivery", "email", "expire_time", "first_name", "import_id", "invitation_id", "inviter", "inviter_display_name", "last_name", "organization_display_name", "organization_id", "permissions", "personal_message", "status", "update_time"]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    INVITER_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITER_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    create_time: _timestamp_pb2.Timestamp
    delivery: InvitationDelivery
    email: str
    expire_time: _timestamp_pb2.Timestamp
    first_name: str
    import_id: str
    invitation_id: str
    inviter: str
    inviter_display_name: str
    last_name: str
    organization_display_name: str
    organization_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    personal_message: str
    status: InvitationStatus
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, invitation_id: _Optional[str] = ..., organization_id: _Optional[str] = ..., import_id: _Optional[str] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., inviter: _Optional[str] = ..., status: _Optional[_Union[InvitationStatus, str]] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., delivery: _Optional[_Union[InvitationDelivery, _Mapping]] = ..., inviter_display_name: _Optional[str] = ..., organization_display_name: _Optional[str] = ..., personal_message: _Optional[str] = ...) -> None: ...

class InvitationDelivery(_message.Message):
    __slots__ = ["attempts", "last_error", "next_attempt_time", "sent_time", "state"]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    SENT_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    attempts: int
    last_error: str
    next_attempt_time: _timestamp_pb2.Timestamp
    sent_time: _timestamp_pb2.Timestamp
    state: DeliveryState
    def __init__(self, state: _Optional[_Union[DeliveryState, str]] = ..., attempts: _Optional[int] = ..., last_error: _Optional[str] = ..., next_attempt_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., sent_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InvitationPermission(_message.Message):
    __slots__ = ["description", "id"]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    description: str
    id: str
    def __init__(self, id: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class InvitationPreview(_message.Message):
    __slots__ = ["email", "expire_time", "first_name", "inviter_display_name", "last_name", "organization_display_name", "organization_id", "permissions", "personal_message"]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITER_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    email: str
    expire_time: _timestamp_pb2.Timestamp
    first_name: str
    inviter_display_name: str
    last_name: str
    organization_display_name: str
    organization_id: str
    permissions: _containers.RepeatedCompositeFieldContainer[InvitationPermission]
    personal_message: str
    def __init__(self, organization_id: _Optional[str] = ..., organization_display_name: _Optional[str] = ..., inviter_display_name: _Optional[str] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., permissions: _Optional[_Iterable[_Union[InvitationPermission, _Mapping]]] = ..., expire_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., personal_message: _Optional[str] = ...) -> None: ...

class Member(_message.Message):
    __slots__ = ["email", "first_name", "invitation_id", "join_time", "last_name", "organization_id", "permissions"]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    JOIN_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    email: str
    first_name: str
    invitation_id: str
    join_time: _timestamp_pb2.Timestamp
    last_name: str
    organization_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, organization_id: _Optional[str] = ..., email: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., invitation_id: _Optional[str] = ..., join_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InvitationStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DeliveryState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
