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

import codecs
import itertools
import json
import os
import sys
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..document import Document
from ..io import parquet
from ..io.compression import compression_of_bytes, compression_of_name, decompressing
from .discover import OWN_OUTPUT, note_skipped, walk
from .jsonfile import NotRecords, RecordTooLarge, is_json_line, json_kind, json_records

#: Documents larger than this are cut to it (and say so in ``errors``): 10 MB.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: JSON Lines or a JSON array of records, told apart by content (:mod:`.jsonfile`).
JSON_SUFFIX = ".json"
#: Field names an error message lists at most (a record can have hundreds).
FIELDS_SHOWN = 12
#: A document cut to the size limit ends at its last line break (else space) within this many
#: bytes of the limit: far longer than a line of text, and a bounded search (set by hand in the
#: skeleton, 3ee5510; no sweep on record: no dev document reaches the limit).
CUT_LOOKBACK_BYTES = 64 * 1024


@dataclass(frozen=True)
class ReadConfig:
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str = "auto"  # auto | text | html | jsonl | parquet
    #: Globs for files in directories: taken whatever their kind / left out (see discover.py).
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: The record field holding the document's id (None: ``id``, else ``url``, else the source).
    id_field: str | None = None
    #: The field holding plain text (None: ``text``); e.g. ``raw_content`` for CCNet, ``content``.
    text_field: str | None = None
    #: The field holding HTML (None: ``html``). When both are named, HTML is used when present.
    html_field: str | None = None
    #: The field holding the document's URL, evidence for its metadata (None: ``url``, if any).
    url_field: str | None = None
    #: The field holding its publication date, evidence for its metadata (None: no such field).
    date_field: str | None = None

    def fields(self) -> tuple[tuple[str, bool | None], ...]:
        """The (field, is_html) pairs to look for, in order: an HTML field holds HTML, a text
        field whatever its content shows (a page put in ``text`` is still a page).

        >>> ReadConfig().fields()
        (('html', True), ('text', None))
        >>> ReadConfig(text_field="raw_content").fields()
        (('raw_content', None),)
        """
        if self.text_field is None and self.html_field is None:
            return (("html", True), ("text", None))
        return tuple((name, is_html) for name, is_html in ((self.html_field, True), (self.text_field, None)) if name)

    def columns(self) -> list[str]:
        """Every field a reader needs (for column stores such as Parquet)."""
        ids = [self.id_field] if self.id_field else ["id", "url"]
        given = [self.url_field or "url"] + ([self.date_field] if self.date_field else [])
        return list(dict.fromkeys(ids + [name for name, _ in self.fields()] + given))


def read_inputs(inputs: Iterable[str], config: ReadConfig = ReadConfig(), *, own: Collection[str] = (),
                skipped: dict[str, list[str]] | None = None) -> Iterator[Document]:
    """Documents from paths (files or directories, recursively) and ``-`` for stdin.

    ``own``: real paths of the run's output files, never read; ``skipped`` gets the files left
    out, by reason (reason -> paths)."""
    for name in inputs:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", config)
        elif os.path.isdir(name):
            for path in _walk(name, config, own, skipped):
                yield from read_file(path, config)
        elif os.path.realpath(name) in own:
            note_skipped(skipped, OWN_OUTPUT, name)
        else:
            yield from read_file(name, config)


def _walk(directory: str, config: ReadConfig, own: Collection[str] = (),
          skipped: dict[str, list[str]] | None = None) -> Iterator[str]:
    return walk(directory, include=config.include, exclude=config.exclude, own=own, skipped=skipped)


_COMPRESSION = (".gz", ".zst", ".zstd")


def _kind(path: str, config: ReadConfig) -> str:
    name = path.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith(parquet.PARQUET_SUFFIX):
        return "parquet"
    if config.input_format != "auto":
        return config.input_format
    for suffix in _COMPRESSION:
        name = name.removesuffix(suffix)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(JSON_SUFFIX):
        return "json"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "auto"


def open_input(path: str) -> BinaryIO:
    """A file's bytes, decompressed on the fly for ``.gz`` and ``.zst`` (never all at once)."""
    kind = compression_of_name(path)
    return decompressing(open(path, "rb"), kind) if kind else open(path, "rb")


def read_file(path: str, config: ReadConfig = ReadConfig()) -> Iterator[Document]:
    """The documents in one file: one for a text or HTML file, one per line for JSONL, one per
    HTML response for WARC."""
    kind = _kind(path, config)
    if kind == "parquet":
        yield from _parquet(path, config)
        return
    try:
        stream = open_input(path)
    except OSError as exc:
        yield _failed(path, f"cannot read file: {exc.strerror or exc}")
        return
    with stream:
        try:
            if kind == "jsonl":
                yield from _jsonl(stream, path, config)
            elif kind == "json":
                yield from _json(stream, path, config)
            elif kind == "warc":
                yield from _warc(stream, path, config)
            else:
                yield _whole(stream, path, kind, config)
        except (OSError, EOFError, ValueError) as exc:  # corrupt archives, truncated streams
            yield _failed(path, f"cannot read file: {exc}")


def _warc(stream: BinaryIO, path: str, config: ReadConfig) -> Iterator[Document]:
    """HTML responses of a WARC file, each a document with its URL as id."""
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or not record.http_headers:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if "html" not in content_type.lower():
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or path
        doc = _whole(record.content_stream(), url, "html", config)
        doc.source = f"{path}#{url}"
        # what the crawl says about the page: evidence for its metadata (the URL, the fetch
        # date that bounds a plausible publication date, the declared language)
        for key, value in (("url", record.rec_headers.get_header("WARC-Target-URI")),
                           ("fetched", record.rec_headers.get_header("WARC-Date")),
                           ("content_language", record.http_headers.get_header("Content-Language"))):
            if value:
                doc.given[key] = value
        yield doc


def _parquet(path: str, config: ReadConfig) -> Iterator[Document]:
    """One document per row of a Parquet file (``path:row`` as source), the same fields as JSONL."""
    try:
        columns = parquet.file_columns(path)
    except ImportError:
        yield _failed(path, parquet.needs_pyarrow("reading .parquet"))
        return
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        yield _failed(path, f"cannot read Parquet file: {exc}")
        return
    missing = [f"no column {config.id_field!r} (--id-field)"] if config.id_field and config.id_field not in columns else []
    if not any(name in columns for name, _ in config.fields()):
        missing.append("no column " + " or ".join(repr(name) for name, _ in reversed(config.fields())))
    if missing:
        more = f" and {len(columns) - FIELDS_SHOWN} more" if len(columns) > FIELDS_SHOWN else ""
        yield _failed(path, f"Parquet file has {' and '.join(missing)}; its columns: "
                            f"{', '.join(columns[:FIELDS_SHOWN]) or 'none'}{more} (name yours with --text-field, --html-field, --id-field)")
        return
    try:
        for number, row in enumerate(parquet.read_rows(path, config.columns()), start=1):
            doc = document_from_record(row, f"{path}:{number}", config)
            if isinstance(doc.raw, str) and len(doc.raw) > config.max_bytes // 4 and len(doc.raw.encode("utf-8", "surrogatepass")) > config.max_bytes:
                data = doc.raw.encode("utf-8", "surrogatepass")
                doc.raw = _cut(data, config.max_bytes).decode("utf-8", "ignore")
                doc.add_error("read", f"document over the size limit of {config.max_bytes} bytes: only the first {len(doc.raw.encode('utf-8', 'surrogatepass'))} bytes were processed")
            yield doc
    except (OSError, ValueError) as exc:
        yield _failed(path, f"cannot read Parquet file: {exc}")


def _read_stream(stream: BinaryIO, name: str, config: ReadConfig) -> Iterator[Document]:
    """Documents of a stream (stdin): gzip or zstd by their magic bytes, JSONL when it starts
    with ``{``."""
    try:
        compression = compression_of_bytes(stream.peek(4)[:4]) if hasattr(stream, "peek") else None
        if compression:
            stream = decompressing(stream, compression)
        kind = config.input_format
        if kind == "auto":
            first = stream.peek(1) if hasattr(stream, "peek") else b""
            kind = "jsonl" if first.lstrip()[:1] == b"{" else "auto"
        if kind == "jsonl":
            yield from _jsonl(stream, name, config)
        else:
            yield _whole(stream, name, kind, config)
    except (OSError, EOFError, ValueError) as exc:  # a truncated or corrupt compressed stream
        yield _failed(name, f"cannot read {name}: {exc}")


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
    """The first ``limit`` bytes, ending at a line break when one is near, else at a space, else
    not inside a UTF-8 character.

    >>> _cut("один два".encode(), 12).decode(), _cut("одиндва".encode(), 9).decode()
    ('один ', 'один')
    """
    data = data[:limit]
    for separator in (b"\n", b" "):
        end = data.rfind(separator, max(0, limit - CUT_LOOKBACK_BYTES))
        if end > 0:
            return data[: end + 1]
    start = len(data)  # back over the continuation bytes of a character the cut went through
    while start > 0 and len(data) - start < 3 and data[start - 1] & 0xC0 == 0x80:
        start -= 1
    if start > 0 and data[start - 1] >= 0xC0:  # its lead byte: 2, 3 or 4 bytes long
        lead = data[start - 1]
        if len(data) - (start - 1) < (2 if lead < 0xE0 else 3 if lead < 0xF0 else 4):
            return data[: start - 1]
    return data


def _jsonl(stream: BinaryIO, path: str, config: ReadConfig, lines: Iterable[bytes | None] = ()) -> Iterator[Document]:
    """A document per line (``lines``: those already read from the stream, first)."""
    every = itertools.chain(lines, bounded_lines(stream, config.max_bytes))
    for number, line in enumerate(every, start=1):
        doc = document_from_line(line, f"{path}:{number}", config)
        if doc is not None:
            yield doc


def _json(stream: BinaryIO, path: str, config: ReadConfig) -> Iterator[Document]:
    """A ``.json`` file: JSON Lines when its first line is a whole object (``path:line`` as
    source), else the objects of a JSON array (``path:N``, the N-th record); anything else is an
    error record naming the file and ``--input-format``."""
    head = [stream.readline(config.max_bytes + 1).removeprefix(codecs.BOM_UTF8)]
    while head[-1] and not head[-1].strip():  # blank lines before the first record
        head.append(stream.readline(config.max_bytes + 1))
    if is_json_line(head[-1], config.max_bytes):
        if len(head[-1]) > config.max_bytes and not head[-1].endswith(b"\n"):  # skipped, as bounded_lines does
            while (rest := stream.readline(config.max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            head[-1] = None
        yield from _jsonl(stream, path, config, head)
        return
    try:
        for number, record in enumerate(json_records(stream, config.max_bytes, b"".join(head)), start=1):
            if isinstance(record, dict):
                yield document_from_record(record, f"{path}:{number}", config)
            else:
                names = " or ".join(repr(name) for name, _ in reversed(config.fields()))
                yield _failed(f"{path}:{number}", f"record {number} of the JSON array is a {json_kind(record)}, "
                                                  f"not an object with {names}")
    except RecordTooLarge as exc:
        yield _failed(path, str(exc))
    except NotRecords as exc:
        yield _failed(path, f"{path} is neither JSON Lines nor a JSON array of objects ({exc}); to read it as "
                            "plain text, HTML or JSON Lines, say which: --input-format text, html or jsonl")


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of a stream; ``None`` for a line over ``limit`` bytes, which is skipped without
    ever holding more than ``limit`` bytes of it in memory."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
            pass
        yield None


def document_from_line(line: bytes | str | None, source: str, config: ReadConfig = ReadConfig()) -> Document | None:
    """The document in one JSONL line (None for a blank line); a bad line gives an error record."""
    if line is None or len(line) > config.max_bytes:
        return _failed(source, f"JSONL line over the size limit of {config.max_bytes} bytes: skipped")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except ValueError as exc:
        # some of json's messages end in "at" ("Invalid control character at"): the column follows
        message = exc.msg.removesuffix(" at") if isinstance(exc, json.JSONDecodeError) else str(exc)
        column = f" at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        return _failed(source, f"bad JSON: {message}{column}")
    return document_from_record(record, source, config)


def document_from_record(record: object, source: str, config: ReadConfig = ReadConfig()) -> Document:
    """A document from one parsed record: ``{"id", "text"}`` or ``{"id", "html"}``, or the
    fields ``config`` names (``id_field``, ``text_field``, ``html_field``).

    >>> doc = document_from_record({"url": "u", "raw_content": "Hi"}, "f:1", ReadConfig(text_field="raw_content"))
    >>> (doc.id, doc.raw, doc.is_html, doc.errors)
    ('u', 'Hi', None, [])
    >>> [e.message for e in document_from_record({"text": "Hi"}, "f:2", ReadConfig(id_field="doc_id")).errors]
    ["record has no field 'doc_id' (--id-field); its fields: text"]
    >>> [e.message for e in document_from_record({"id": "a1", "body": "Hi"}, "f:3").errors]
    ["record has no string field 'text' or 'html'; its fields: id, body (name yours with --text-field NAME or --html-field NAME)"]
    """
    wanted = config.fields()
    if not isinstance(record, dict):
        names = " or ".join(repr(name) for name, _ in reversed(wanted))
        return _failed(source, f"JSONL line is a {type(record).__name__}, not an object with {names}")
    if config.id_field:
        doc_id = record.get(config.id_field)
    else:
        doc_id = record.get("id", record.get("url"))
    doc = Document(id=source if doc_id is None else str(doc_id), source=source)
    if config.id_field and doc_id is None:
        doc.add_error("read", f"record has no field {config.id_field!r} (--id-field); its fields: {_field_names(record)}")
    _given(doc, record, config)
    for key, is_html in wanted:
        value = record.get(key)
        if isinstance(value, str):
            doc.raw, doc.is_html = value, is_html
            return doc
    if config.text_field is None and config.html_field is None:
        doc.add_error("read", f"record has no string field 'text' or 'html'; its fields: {_field_names(record)} "
                              f"({_field_options(record, config)})")
    else:
        options = " or ".join(f"{name!r} (--{'html' if is_html else 'text'}-field)" for name, is_html in wanted)
        doc.add_error("read", f"record has no string field {options}; its fields: {_field_names(record)}")
    return doc


def _given(doc: Document, record: dict, config: ReadConfig) -> None:
    """The record's URL and date fields (``--url-field``, ``--date-field``) into ``doc.given``:
    evidence for the metadata stage. A named field the record lacks is a warning (the text is
    still read); a date that is no date is left to the metadata stage, which ignores it.

    >>> doc = Document(id="a")
    >>> _given(doc, {"link": "https://a.example/x", "ts": "2024-03-03"}, ReadConfig(url_field="link", date_field="ts"))
    >>> doc.given
    {'url': 'https://a.example/x', 'date': '2024-03-03'}
    """
    for key, name, option in (("url", config.url_field or "url", "--url-field"), ("date", config.date_field, "--date-field")):
        if not name:
            continue
        value = record.get(name)
        if value is None or value == "":
            if name != "url" or config.url_field:
                doc.add_warning("read", f"record has no field {name!r} ({option}); its fields: {_field_names(record)}")
            continue
        doc.given[key] = str(value)


def _field_options(record: dict, config: ReadConfig) -> str:
    """What to do about a record without the default fields: name its own.

    >>> _field_options({"doc_id": "a1", "body": "Hi"}, ReadConfig())
    'name yours with --text-field NAME or --html-field NAME, and the id with --id-field NAME'
    """
    hint = "name yours with --text-field NAME or --html-field NAME"
    no_id = config.id_field is None and "id" not in record and "url" not in record
    return hint + (", and the id with --id-field NAME" if no_id else "")


def _field_names(record: dict) -> str:
    """The record's field names, for error messages (a few, then how many more)."""
    names = [str(k) for k in record][:FIELDS_SHOWN]
    more = len(record) - len(names)
    return (", ".join(names) or "none") + (f" and {more} more" if more else "")


def count_documents(inputs: Iterable[str], config: ReadConfig = ReadConfig(), own: Collection[str] = ()) -> int | None:
    """How many documents the inputs hold, when that is known cheaply: a file is one document, an
    uncompressed JSONL file as many as it has lines (counted at disk speed, not parsed); None
    for stdin, WARC, Parquet, ``.json`` and compressed JSONL. For the progress bar's ETA."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        for path in _walk(name, config, own) if os.path.isdir(name) else [name]:
            kind = _kind(path, config)
            if kind in ("warc", "parquet", "json") or kind == "jsonl" and compression_of_name(path):
                return None
            total += _count_lines(path) if kind == "jsonl" else 1
    return total


def _count_lines(path: str) -> int:
    """Lines of a file, the last one even without a line break."""
    lines, last = 0, b"\n"
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return lines + (last != b"\n")
