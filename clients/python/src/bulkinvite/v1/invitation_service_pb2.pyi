from bulkinvite.v1 import invitation_pb2 as _invitation_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AcceptInvitationRequest(_message.Message):
    __slots__ = ["token"]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class AcceptInvitationResponse(_message.Message):
    __slots__ = ["invitation", "member"]
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    invitation: _invitation_pb2.Invitation
    member: _invitation_pb2.Member
    def __init__(self, member: _Optional[_Union[_invitation_pb2.Member, _Mapping]] = ..., invitation: _Optional[_Union[_invitation_pb2.Invitation, _Mapping]] = ...) -> None: ...

class GetInvitationRequest(_message.Message):
    __slots__ = ["invitation_id"]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    def __init__(self, invitation_id: _Optional[str] = ...) -> None: ...

class GetInvitationResponse(_message.Message):
    __slots__ = ["invitation"]
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    invitation: _invitation_pb2.Invitation
    def __init__(self, invitation: _Optional[_Union[_invitation_pb2.Invitation, _Mapping]] = ...) -> None: ...

class ListInvitationsRequest(_message.Message):
    __slots__ = ["import_id", "organization_id", "page_size", "page_token", "status"]
    IMPORT_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    import_id: str
    organization_id: str
    page_size: int
    page_token: str
    status: _invitation_pb2.InvitationStatus
    def __init__(self, organization_id: _Optional[str] = ..., status: _Optional[_Union[_invitation_pb2.InvitationStatus, str]] = ..., import_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListInvitationsResponse(_message.Message):
    __slots__ = ["invitations", "next_page_token"]
    INVITATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    invitations: _containers.RepeatedCompositeFieldContainer[_invitation_pb2.Invitation]
    next_page_token: str
    def __init__(self, invitations: _Optional[_Iterable[_Union[_invitation_pb2.Invitation, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListMembersRequest(_message.Message):
    __slots__ = ["organization_id", "page_size", "page_token"]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    organization_id: str
    page_size: int
    page_token: str
    def __init__(self, organization_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListMembersResponse(_message.Message):
    __slots__ = ["members", "next_page_token"]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[_invitation_pb2.Member]
    next_page_token: str
    def __init__(self, members: _Optional[_Iterable[_Union[_invitation_pb2.Member, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class LookupInvitationRequest(_message.Message):
    __slots__ = ["token"]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class LookupInvitationResponse(_message.Message):
    __slots__ = ["invitation"]
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    invitation: _invitation_pb2.InvitationPreview
    def __init__(self, invitation: _Optional[_Union[_invitation_pb2.InvitationPreview, _Mapping]] = ...) -> None: ...

class ResendInvitationRequest(_message.Message):
    __slots__ = ["invitation_id", "request_id"]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    request_id: str
    def __init__(self, invitation_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ResendInvitationResponse(_message.Message):
    __slots__ = ["invitation"]
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    invitation: _invitation_pb2.Invitation
    def __init__(self, invitation: _Optional[_Union[_invitation_pb2.Invitation, _Mapping]] = ...) -> None: ...

class RevokeInvitationRequest(_message.Message):
    __slots__ = ["invitation_id"]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    def __init__(self, invitation_id: _Optional[str] = ...) -> None: ...

class RevokeInvitationResponse(_message.Message):
    __slots__ = ["invitation"]
    INVITATION_FIELD_NUMBER: _ClassVar[int]
    invitation: _invitation_pb2.Invitation
    def __init__(self, invitation: _Optional[_Union[_invitation_pb2.Invitation, _Mapping]] = ...) -> None: ...
