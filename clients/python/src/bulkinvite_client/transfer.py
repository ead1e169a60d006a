"""What the streamed and the resumable upload share."""

from __future__ import annotations

import hashlib

from collections.abc import Callable
from typing import Any, BinaryIO

from bulkinvite.v1 import import_pb2

MAX_CHUNK_SIZE = 1 << 20
"""The largest chunk the server accepts (1 MiB)."""

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes sent so far, file size) after each chunk; for the resumable upload, the bytes the server stored."""


def import_of(response: Any) -> import_pb2.Import:
    """The ``import`` field of a response, which Python can only reach through getattr."""
    import_: import_pb2.Import = getattr(response, "import")
    return import_


def measure(file: BinaryIO) -> tuple[int, int, str]:
    """Reads a seekable binary file from its position to its end: returns that position, the size
    read and its SHA-256 (hex), and leaves the file at its end.

    Not hashlib.file_digest: it hashes a whole BytesIO, whatever its position, and leaves the
    position where it was.
    """
    start = file.tell()
    digest = hashlib.sha256()
    while block := file.read(MAX_CHUNK_SIZE):
        digest.update(block)
    return start, file.tell() - start, digest.hexdigest()
