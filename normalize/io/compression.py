"""gzip and zstd streams: recognised by file extension or by magic bytes, read on the fly, and
written in independent members (gzip) or frames (zstd) so that a file can be cut after any
finished member and continued: the decompressed content is the concatenation.

>>> import io
>>> raw = io.BytesIO()
>>> writer = MemberWriter(raw, "gzip")
>>> _ = writer.write(b"one\\n"); writer.end_member(); _ = writer.write(b"two\\n"); writer.close()
>>> compression_of_bytes(raw.getvalue()), decompressing(io.BytesIO(raw.getvalue()), "gzip").read()
('gzip', b'one\\ntwo\\n')
>>> compression_of_name("dump.jsonl.zst"), compression_of_name("page.html")
('zstd', None)
"""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO

SUFFIXES = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
MAGIC = {b"\x1f\x8b": "gzip", b"\x28\xb5\x2f\xfd": "zstd"}


def compression_of_name(path: str) -> str | None:
    """``gzip`` or ``zstd`` by the file name's extension (``.warc.gz`` is WARC's own business)."""
    lower = path.lower()
    if lower.endswith(".warc.gz"):
        return None
    return next((kind for suffix, kind in SUFFIXES.items() if lower.endswith(suffix)), None)


def strip_compression(name: str) -> str:
    """The name without its compression extension: ``a.jsonl.gz`` -> ``a.jsonl``."""
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def compression_of_bytes(head: bytes) -> str | None:
    """``gzip`` or ``zstd`` by the first bytes of a stream."""
    return next((kind for magic, kind in MAGIC.items() if head.startswith(magic)), None)


def decompressing(stream: BinaryIO, kind: str) -> BinaryIO:
    """A buffered reader of the decompressed bytes (every member or frame, never all at once)."""
    if kind == "gzip":
        return io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"))
    import zstandard

    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True, closefd=True))


class MemberWriter(io.RawIOBase):
    """Compresses what is written to ``file``; :meth:`end_member` finishes the current gzip member
    or zstd frame, so everything written so far decompresses on its own. Output bytes depend only
    on the bytes written and where members end (gzip headers carry no name and no time)."""

    def __init__(self, file: BinaryIO, kind: str) -> None:
        super().__init__()
        self.file, self.kind = file, kind
        self.member_bytes = 0  # uncompressed bytes in the current member
        self._member: gzip.GzipFile | None = None
        if kind == "zstd":
            import zstandard

            self._zstd = zstandard.ZstdCompressor().stream_writer(file, closefd=False, write_return_read=True)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.kind == "gzip":
            if self._member is None:
                self._member = gzip.GzipFile(filename="", fileobj=self.file, mode="wb", mtime=0)
            self._member.write(data)
        else:
            self._zstd.write(data)
        self.member_bytes += len(data)
        return len(data)

    def end_member(self) -> None:
        if self.kind == "gzip":
            if self._member is not None:
                self._member.close()  # writes the trailer; the file stays open
                self._member = None
        elif self.member_bytes:
            import zstandard

            self._zstd.flush(zstandard.FLUSH_FRAME)
        self.member_bytes = 0

    def close(self) -> None:
        if not self.closed:
            self.end_member()
        super().close()
