"""What the streamed and the resumable upload share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bulkinvite.v1 import import_pb2

MAX_CHUNK_SIZE = 1 << 20
"""The largest chunk the server accepts (1 MiB)."""

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes sent so far, file size) after each chunk; for the resumable upload, the bytes the server stored."""


def import_of(response: Any) -> import_pb2.Import:
    """The ``import`` field of a response, which Python can only reach through getattr."""
    import_: import_pb2.Import = getattr(response, "import")
    return import_
