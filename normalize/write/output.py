"""Where formatted documents go: stdout, or a file written atomically and resumably.

A file output is written as ``OUT.partial`` next to a checkpoint ``OUT.progress`` (how many
documents and bytes of the partial file are complete, synced to disk); ``OUT`` itself appears only,
by an atomic rename, when the run completes. After a crash or a kill, resuming truncates the
partial file to the last checkpoint and skips the documents already written, so the final file
holds every input document exactly once, as an uninterrupted run would have written it.

``OUT`` ending in ``.gz`` or ``.zst`` is compressed. The partial file is then a series of gzip
members (zstd frames), one ended at each checkpoint, so a resumed run truncates it to a member
boundary and appends new members; checkpoints come at fixed amounts of output
(:data:`COMPRESSED_CHECKPOINT_BYTES`), not at time intervals, so an uninterrupted run writes the
same bytes every time.
"""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Callable
from typing import Any, TextIO

from ..io.compression import MemberWriter, compression_of_name

#: Uncompressed output between two checkpoints of a compressed file (each ends a gzip member or
#: a zstd frame): large enough that member headers cost nothing, small enough to lose little.
COMPRESSED_CHECKPOINT_BYTES = 4 * 1024 * 1024


class ResumeError(ValueError):
    """The checkpoint on disk cannot be resumed from: it belongs to a different run (other
    inputs, format or options), it is damaged, or the partial file does not match it."""


class OutputError(OSError):
    """Writing the output failed (a full disk, a file-size limit): names the file."""


class FileOutput:
    """A resumable, atomically committed output file. Use as a context manager; call
    :meth:`document_done` after each whole document and :meth:`commit` at the end."""

    def __init__(self, path: str, fingerprint: dict[str, Any], *, resume: bool = False, sync_seconds: float = 1.0,
                 extra: Callable[[], Any] | None = None) -> None:
        """``extra``: what else each checkpoint records (e.g. the run's counts so far); after a
        resume, the value of the last checkpoint is in ``resumed_extra``."""
        self.path = path
        self.partial = path + ".partial"
        self.progress = path + ".progress"
        self.fingerprint = fingerprint
        self.sync_seconds = sync_seconds
        self.done = 0  # documents complete in the partial file
        self.extra = extra
        self.resumed_extra: Any = None
        offset = 0
        if resume and os.path.exists(self.progress) and os.path.exists(self.partial):
            state = self._read_checkpoint()
            if state.get("fingerprint") != fingerprint:
                raise ResumeError(f"{self.progress} was written by a run with other inputs or options; "
                                  "run again without --resume to start over")
            self.done, offset = state["documents"], state["bytes"]
            self.resumed_extra = state.get("extra")
            self._check_partial(offset, compressed=compression_of_name(path) is not None)
        self.saved = self.done  # documents in the last checkpoint
        binary = open(self.partial, "r+b" if offset else "wb")
        binary.truncate(offset)  # drop whatever was written after the last checkpoint
        binary.seek(offset)
        self._file = binary
        kind = compression_of_name(path)
        self._members = MemberWriter(binary, kind) if kind else None
        sink = io.BufferedWriter(self._members) if self._members else binary
        self.stream: TextIO = io.TextIOWrapper(sink, encoding="utf-8", newline="\n", write_through=False)
        self._last_sync = time.monotonic()
        self._unsynced = 0

    def _start_over(self) -> str:
        return f"delete {self.partial} and {self.progress} and run again without --resume to start over"

    def _read_checkpoint(self) -> dict[str, Any]:
        """The checkpoint, checked: a damaged one is a :class:`ResumeError`, never a guess."""
        try:
            with open(self.progress, encoding="utf-8") as f:
                state = json.load(f)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ResumeError(f"the checkpoint {self.progress} is damaged ({exc}); {self._start_over()}") from None
        if not (isinstance(state, dict) and isinstance(state.get("fingerprint"), dict)
                and all(type(state.get(k)) is int and state[k] >= 0 for k in ("documents", "bytes"))):
            raise ResumeError(f"the checkpoint {self.progress} is damaged (not a checkpoint of normalize); "
                              f"{self._start_over()}")
        return state

    def _check_partial(self, offset: int, *, compressed: bool) -> None:
        """The partial file must hold at least what the checkpoint says, ending with a record
        (for compressed output: with a gzip member or zstd frame, which is not looked into)."""
        size = os.path.getsize(self.partial)
        if size < offset:
            raise ResumeError(f"{self.partial} is shorter ({size} bytes) than its checkpoint {self.progress} says "
                              f"({offset} bytes): it was cut or replaced; {self._start_over()}")
        if offset and not compressed:
            with open(self.partial, "rb") as f:
                f.seek(offset - 1)
                if f.read(1) != b"\n":
                    raise ResumeError(f"{self.partial} does not end a record where its checkpoint {self.progress} "
                                      f"says ({offset} bytes): it was changed; {self._start_over()}")

    def abandon(self) -> None:
        """Stop after a failed write (a full disk): the last checkpoint stays as it was, and
        whatever came after it in the partial file is dropped when resuming."""
        if not self.stream.closed:
            try:
                self.stream.close()
            except OSError:  # the buffered rest cannot be written either; the file is closed anyway
                pass

    def document_done(self) -> None:
        self.done += 1
        self._unsynced += 1
        # the first document at once (a checkpoint exists early), then at most once per interval
        # (compressed: per amount of output, so the bytes do not depend on timing)
        if self.done == 1 or (self._members is None and time.monotonic() - self._last_sync >= self.sync_seconds):
            self.checkpoint()
        elif self._members is not None:
            self.stream.flush()
            if self._members.member_bytes >= COMPRESSED_CHECKPOINT_BYTES:
                self.checkpoint()

    def checkpoint(self) -> None:
        """Make everything written so far durable and record it in the progress file."""
        if not self._unsynced and os.path.exists(self.progress):
            return
        self.stream.flush()
        if self._members is not None:
            self._members.end_member()
        binary = self._file
        binary.flush()
        os.fsync(binary.fileno())
        state = {"fingerprint": self.fingerprint, "documents": self.done, "bytes": binary.tell(),
                 "extra": self.extra() if self.extra else None}
        tmp = self.progress + ".tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(state, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.progress)
        except OSError:  # no room even for the checkpoint: the previous one stays, whole
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        self._last_sync, self._unsynced = time.monotonic(), 0
        self.saved = self.done

    def commit(self) -> None:
        """The run is complete: the partial file becomes the output."""
        self.stream.close()
        self._file.close()
        os.replace(self.partial, self.path)
        if os.path.exists(self.progress):
            os.unlink(self.progress)

    def close(self) -> None:
        """Stop without completing (interrupt, error): keep a checkpoint to resume from."""
        if not self.stream.closed:
            self.checkpoint()
            self.stream.close()
        self._file.close()

    def __enter__(self) -> FileOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
