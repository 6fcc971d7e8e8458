"""Parquet in and out (``pip install "normalize[parquet]"``).

Reading: :func:`read_rows` streams the rows of a ``.parquet`` file in small batches, only the
columns asked for (the read stage turns them into documents with the same field options as JSONL).

Writing: :class:`ParquetOutput` is ``-o out.parquet``: the records in the column layout of
:mod:`.arrow`, atomic and resumable like the JSONL output (:mod:`normalize.write.output`). While the
run goes, records are written in parts, each a small complete Parquet file under
``OUT.partial/`` (one every :data:`PART_ROWS` documents or :data:`PART_SECONDS` seconds, synced
to disk), and ``OUT.progress`` says how many parts and documents are complete. A resumed run
drops any part after the checkpoint and goes on. At the end the parts are streamed into ``OUT``
in row groups of :data:`ROW_GROUP_ROWS` rows (fewer when they would pass
:data:`ROW_GROUP_BYTES`), so the file's row groups depend only on the records, never on timing,
interruptions or the number of workers, and ``OUT`` appears by an atomic rename.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from typing import Any

from ..document import Document
from ..write.output import ResumeError
from ..write.formats import to_record

#: Rows read from an input file at a time (documents can be large; a few dozen stay small).
READ_BATCH_ROWS = 64
#: Rows per row group of the final file: large enough for good compression and fast scans,
#: small enough for a datasets/pandas reader to stream (1000 is what HF's own Parquet export uses).
ROW_GROUP_ROWS = 1000
#: A row group is closed earlier once its texts (body and segments, UTF-8) pass this size: 32 MiB
#: keeps a reader's memory per row group bounded when documents are huge.
ROW_GROUP_BYTES = 32 << 20
#: A part is written after this many documents ...
PART_ROWS = ROW_GROUP_ROWS
#: ... or this many seconds, whichever comes first: at most this much work is redone on resume.
PART_SECONDS = 10.0
#: ... or once the buffered text passes this many characters (bounded memory for huge documents).
PART_CHARS = 32 << 20
PARQUET_SUFFIX = ".parquet"


def needs_pyarrow(what: str) -> str:
    return f"{what} needs pyarrow: pip install \"normalize[parquet]\""


def is_parquet(path: str) -> bool:
    """Whether a path names a Parquet file.

    >>> is_parquet("out.parquet"), is_parquet("out.jsonl")
    (True, False)
    """
    return path.lower().endswith(PARQUET_SUFFIX)


def file_columns(path: str) -> list[str]:
    """The top-level column names of a Parquet file (raises OSError or ValueError when broken)."""
    import pyarrow.parquet as pq

    return list(pq.ParquetFile(path).schema_arrow.names)


def read_rows(path: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file as dicts of ``columns`` (those present), streamed in batches."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as parquet:
        present = [c for c in columns if c in parquet.schema_arrow.names]
        for batch in parquet.iter_batches(batch_size=READ_BATCH_ROWS, columns=present):
            yield from batch.to_pylist()


class ParquetOutput:
    """``-o OUT.parquet``: same interface as :class:`normalize.write.output.FileOutput` (``done``,
    :meth:`document_done`, :meth:`commit`, :meth:`close`), and :meth:`write` takes documents."""

    def __init__(self, path: str, fingerprint: dict[str, Any], *, resume: bool = False,
                 extra: Callable[[], Any] | None = None) -> None:
        """``extra``: what else each checkpoint records; after a resume, in ``resumed_extra``."""
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise OSError(needs_pyarrow("-o OUT.parquet")) from None
        self.path = path
        self.partial = path + ".partial"
        self.progress = path + ".progress"
        self.fingerprint = fingerprint
        self.extra = extra
        self.resumed_extra: Any = None
        self.done = 0  # documents in complete parts
        self.parts = 0
        if resume and os.path.exists(self.progress) and os.path.isdir(self.partial):
            with open(self.progress, encoding="utf-8") as f:
                state = json.load(f)
            if state.get("fingerprint") != fingerprint:
                raise ResumeError(f"{self.progress} was written by a run with other inputs or options; "
                                  "run again without --resume to start over")
            self.done, self.parts = state["documents"], state["parts"]
            self.resumed_extra = state.get("extra")
            kept = {os.path.basename(self._part_path(n)) for n in range(self.parts)}
            for name in os.listdir(self.partial):  # parts after the checkpoint, half-written ones
                if name not in kept:
                    os.unlink(os.path.join(self.partial, name))
        else:
            if os.path.isdir(self.partial):
                shutil.rmtree(self.partial)
            elif os.path.exists(self.partial):
                os.unlink(self.partial)
            os.makedirs(self.partial)
        if os.path.exists(self.partial + ".final"):  # a commit that died half-way is redone
            os.unlink(self.partial + ".final")
        self._buffer: list[dict[str, Any]] = []
        self._chars = 0
        self._started = time.monotonic()
        self.closed = False
        self.saved = self.done  # documents the checkpoint on disk holds

    def write(self, doc: Document) -> None:
        record = to_record(doc)
        self._buffer.append(record)
        self._chars += len(record["text"]) + sum(len(s["text"]) for s in record["segments"])

    def document_done(self) -> None:
        if self.done + len(self._buffer) == 1 and not self.parts:
            self.checkpoint()  # a checkpoint exists early, as with JSONL
        elif (len(self._buffer) >= PART_ROWS or self._chars >= PART_CHARS
              or time.monotonic() - self._started >= PART_SECONDS):
            self.checkpoint()

    def _part_path(self, number: int) -> str:
        return os.path.join(self.partial, f"part-{number:06d}{PARQUET_SUFFIX}")

    def checkpoint(self) -> None:
        """Write the buffered records as the next part, durably, and record it."""
        import pyarrow.parquet as pq

        from .arrow import records_to_table

        if self._buffer:
            path = self._part_path(self.parts)
            tmp = path + ".tmp"
            pq.write_table(records_to_table(self._buffer), tmp)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
            self.parts += 1
            self.done += len(self._buffer)
            self._buffer, self._chars = [], 0
        state = {"fingerprint": self.fingerprint, "documents": self.done, "parts": self.parts,
                 "extra": self.extra() if self.extra else None}
        tmp = self.progress + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(state, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.progress)
        self._started = time.monotonic()
        self.saved = self.done

    def commit(self) -> None:
        """The run is complete: the parts become ``OUT``, in row groups fixed by the records alone."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .arrow import RECORD_SCHEMA

        self.checkpoint()
        tmp = self.partial + ".final"
        with pq.ParquetWriter(tmp, RECORD_SCHEMA) as writer:
            pending: list[pa.RecordBatch] = []
            rows = size = 0
            for number in range(self.parts):
                with pq.ParquetFile(self._part_path(number)) as part:
                    for batch in part.iter_batches(batch_size=ROW_GROUP_ROWS):
                        weights, position = _row_bytes(batch), 0
                        while position < batch.num_rows:
                            take, added = _rows_that_fit(weights[position:], ROW_GROUP_ROWS - rows, ROW_GROUP_BYTES - size)
                            pending.append(batch.slice(position, take))
                            position, rows, size = position + take, rows + take, size + added
                            if rows >= ROW_GROUP_ROWS or size >= ROW_GROUP_BYTES:
                                writer.write_table(pa.Table.from_batches(pending), row_group_size=rows)
                                pending, rows, size = [], 0, 0
            if pending:
                writer.write_table(pa.Table.from_batches(pending), row_group_size=rows)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        shutil.rmtree(self.partial, ignore_errors=True)
        if os.path.exists(self.progress):
            os.unlink(self.progress)
        self.closed = True

    def abandon(self) -> None:
        """Stop after a failed write (a full disk): the last checkpoint stays as it was."""
        self._buffer, self.closed = [], True

    def close(self) -> None:
        """Stop without completing (interrupt, error): what is buffered becomes a part."""
        if not self.closed:
            self.checkpoint()
            self.closed = True

    def __enter__(self) -> ParquetOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _row_bytes(batch) -> Any:
    """Per row: UTF-8 bytes of its body and of its segments' texts (what makes a row big)."""
    import numpy as np
    import pyarrow.compute as pc

    text = pc.fill_null(pc.binary_length(batch.column("text")), 0).to_numpy(zero_copy_only=False)
    segments = batch.column("segments")
    lengths = pc.fill_null(pc.binary_length(pc.list_flatten(segments).field("text")), 0).to_numpy(zero_copy_only=False)
    by_row = np.bincount(pc.list_parent_indices(segments).to_numpy(zero_copy_only=False), weights=lengths,
                         minlength=batch.num_rows)
    return text.astype(np.int64) + by_row.astype(np.int64)


def _rows_that_fit(weights: Any, rows_left: int, bytes_left: int) -> tuple[int, int]:
    """How many of the next rows go into the current row group (at least one; the row that
    crosses the byte limit is the last), and their bytes.

    >>> import numpy as np
    >>> _rows_that_fit(np.array([5, 5, 5]), 10, 100), _rows_that_fit(np.array([5, 5, 5]), 2, 100)
    ((3, 15), (2, 10))
    >>> _rows_that_fit(np.array([5, 50, 5]), 10, 20)
    (2, 55)
    """
    import numpy as np

    total = np.cumsum(weights[:rows_left])
    over = int(np.searchsorted(total, bytes_left, side="left"))
    take = min(over + 1, len(total))
    return take, int(total[take - 1])
