"""The read stage: files, directories, JSONL and stdin into raw :class:`Document` objects.

Readers yield one document at a time. Whatever goes wrong with one input (unreadable, bad JSON,
too large) becomes an ``errors`` entry on that input's document, and reading goes on.

>>> import json, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
>>> _ = open(path, "w").write(json.dumps({"id": "a", "text": "Hi"}) + "\\n{oops\\n")
>>> [(d.id, d.raw, [e.message for e in d.errors]) for d in read_inputs([path])]  # doctest: +ELLIPSIS
[('a', 'Hi', []), ('...in.jsonl:2', None, ['bad JSON: Expecting property name enclosed in double quotes at column 2'])]
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .document import Document

#: Documents larger than this are cut to it (and say so in ``errors``): 10 MB.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class ReadConfig:
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str = "auto"  # auto | text | html | jsonl


def read_inputs(inputs: Iterable[str], config: ReadConfig = ReadConfig()) -> Iterator[Document]:
    """Documents from paths (files or directories, recursively) and ``-`` for stdin."""
    for name in inputs:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", config)
        elif os.path.isdir(name):
            for path in _walk(name):
                yield from read_file(path, config)
        else:
            yield from read_file(name, config)


def _walk(directory: str) -> Iterator[str]:
    """Files under ``directory`` in a stable order, hidden ones skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _kind(path: str, config: ReadConfig) -> str:
    if config.input_format != "auto":
        return config.input_format
    name = path.lower().removesuffix(".gz")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "auto"


def read_file(path: str, config: ReadConfig = ReadConfig()) -> Iterator[Document]:
    """The documents in one file: one for a text or HTML file, one per line for JSONL."""
    kind = _kind(path, config)
    try:
        stream: BinaryIO = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as exc:
        yield _failed(path, f"cannot read file: {exc.strerror or exc}")
        return
    with stream:
        try:
            if kind == "jsonl":
                yield from _jsonl(stream, path, config)
            else:
                yield _whole(stream, path, kind, config)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield _failed(path, f"cannot read file: {exc}")


def _read_stream(stream: BinaryIO, name: str, config: ReadConfig) -> Iterator[Document]:
    kind = config.input_format
    if kind == "auto":
        first = stream.peek(1) if hasattr(stream, "peek") else b""
        kind = "jsonl" if first.lstrip()[:1] == b"{" else "auto"
    if kind == "jsonl":
        yield from _jsonl(stream, name, config)
    else:
        yield _whole(stream, name, kind, config)


def _failed(source: str, message: str) -> Document:
    doc = Document(id=source, source=source)
    doc.add_error("read", message)
    return doc


def _whole(stream: BinaryIO, path: str, kind: str, config: ReadConfig) -> Document:
    data = stream.read(config.max_bytes + 1)
    doc = Document(id=path, source=path, raw=data, is_html=True if kind == "html" else None)
    if kind == "text":
        doc.is_html = False
    if len(data) > config.max_bytes:
        doc.raw = _cut(data, config.max_bytes)
        doc.add_error("read", f"document over the size limit of {config.max_bytes} bytes: only the first {len(doc.raw)} bytes were processed")
    return doc


def _cut(data: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes, ending at a line break when one is near (not mid-character)."""
    data = data[:limit]
    newline = data.rfind(b"\n", max(0, limit - 65536))
    return data[: newline + 1] if newline > 0 else data


def _jsonl(stream: BinaryIO, path: str, config: ReadConfig) -> Iterator[Document]:
    for number, line in enumerate(stream, start=1):
        source = f"{path}:{number}"
        if not line.strip():
            continue
        if len(line) > config.max_bytes:
            yield _failed(source, f"JSONL line over the size limit of {config.max_bytes} bytes: skipped")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            column = f" at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
            yield _failed(source, f"bad JSON: {message}{column}")
            continue
        yield _from_record(record, source)


def _from_record(record: object, source: str) -> Document:
    if not isinstance(record, dict):
        return _failed(source, f"JSONL line is a {type(record).__name__}, not an object with 'text' or 'html'")
    doc_id = record.get("id", record.get("url", source))
    doc = Document(id=str(doc_id), source=source)
    for key, is_html in (("html", True), ("text", False)):
        value = record.get(key)
        if isinstance(value, str):
            doc.raw, doc.is_html = value, is_html
            return doc
    doc.add_error("read", "JSONL record has no string field 'text' or 'html'")
    return doc
