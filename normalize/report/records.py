"""``normalize/1`` records read back from JSONL, checked against the contract in the README.

Only the contract is used, and every field added later within ``normalize/1`` is optional, so
any earlier output can be read. A line that is not such a record is a :class:`Malformed` with its
line number and the reason; nothing here raises for bad data.

>>> import json
>>> record = check_record(json.loads('{"schema": "normalize/1", "id": "a", "segments": []}'))
>>> record.id, record.lang, record.segments
('a', 'und', [])
>>> check_record({"schema": "other/2", "id": "a"})
'not a normalize/1 record (schema: other/2)'
>>> check_record([1, 2])
'a JSON list, not a record object'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..document import SCHEMA
from ..read import bounded_lines, open_input

#: Longest record line read. A 10 MiB document (``run``'s default ``--max-bytes``) with its
#: segments and translations makes a record of ~3-4 times its text; this leaves room for that.
MAX_RECORD_BYTES = 64 * 1024 * 1024


@dataclass
class Segment:
    text: str
    lang: str
    role: str
    confidence: float | None
    translation: str | None


@dataclass
class Record:
    """The fields of one ``normalize/1`` record that a report uses."""

    id: str
    source: str
    lang: str
    title: str | None
    encoding: str | None
    translated_to: str | None
    segments: list[Segment]
    repairs: list[tuple[str, int]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: the record's ``metadata`` shown under its title: authors, date, site name, URL (those it
    #: has; records written before the field have none)
    byline: list[str] = field(default_factory=list)


def _byline(metadata: object) -> list[str]:
    """What the document view shows of a record's ``metadata``.

    >>> _byline({"author": ["Jane Doe", "John Roe"], "date": "2024-03-03", "site_name": None, "url": "https://a.example/x"})
    ['Jane Doe, John Roe', '2024-03-03', 'https://a.example/x']
    >>> _byline(None)
    []
    """
    if not isinstance(metadata, dict):
        return []
    authors = metadata.get("author")
    shown = [", ".join(a for a in authors if isinstance(a, str))] if isinstance(authors, list) else []
    shown += [metadata[k] for k in ("date", "site_name", "url") if isinstance(metadata.get(k), str)]
    return [s for s in shown if s]


@dataclass
class Malformed:
    """A line of the input that is not a ``normalize/1`` record."""

    where: str  # "path:line"
    reason: str


class ReportInputError(Exception):
    """An input that cannot be opened at all (missing, a directory, unreadable)."""


def check_record(value: Any) -> Record | str:
    """The record in a parsed JSON value, or a sentence saying why it is not one."""
    if not isinstance(value, dict):
        return f"a JSON {_json_type(value)}, not a record object"
    if value.get("schema") != SCHEMA:
        found = f"schema: {value['schema']}" if "schema" in value else "no 'schema' field"
        return f"not a {SCHEMA} record ({found})"
    if not isinstance(value.get("id"), str):
        return "no string 'id'"
    segments = value.get("segments", [])
    if not isinstance(segments, list):
        return "'segments' is not a list"
    checked = []
    for number, s in enumerate(segments):
        if not isinstance(s, dict) or not isinstance(s.get("text"), str):
            return f"segment {number} has no string 'text'"
        confidence = s.get("confidence")
        translation = s.get("translation")
        checked.append(Segment(
            text=s["text"], lang=_text(s.get("lang"), "und"), role=_text(s.get("role"), "body"),
            confidence=float(confidence) if isinstance(confidence, (int, float)) else None,
            translation=translation if isinstance(translation, str) else None,
        ))
    return Record(
        id=value["id"], source=_text(value.get("source"), ""), lang=_text(value.get("lang"), "und"),
        title=value.get("title") if isinstance(value.get("title"), str) else None,
        encoding=value.get("encoding") if isinstance(value.get("encoding"), str) else None,
        translated_to=value.get("translated_to") if isinstance(value.get("translated_to"), str) else None,
        segments=checked,
        repairs=[(_text(r.get("kind"), "other"), r["count"] if isinstance(r.get("count"), int) else 1)
                 for r in _dicts(value.get("repairs"))],
        errors=[(_text(e.get("stage"), "?"), _text(e.get("message"), "")) for e in _dicts(value.get("errors"))],
        warnings=[(_text(w.get("stage"), "?"), _text(w.get("message"), "")) for w in _dicts(value.get("warnings"))],
        byline=_byline(value.get("metadata")),
    )


def read_records(path: str) -> Iterator[Record | Malformed]:
    """Every line of a JSONL file (``.gz``, ``.zst`` too; ``-`` for stdin) as a record or a
    :class:`Malformed`, streaming. Raises :class:`ReportInputError` only when the file cannot be
    opened; a stream that breaks part-way ends with a :class:`Malformed` saying so."""
    try:
        stream = sys.stdin.buffer if path == "-" else open_input(path)
    except IsADirectoryError:
        raise ReportInputError(f"cannot read {path}: it is a directory (name a JSONL file)") from None
    except OSError as exc:
        raise ReportInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    name = "<stdin>" if path == "-" else path
    number = 0
    try:
        for number, line in enumerate(bounded_lines(stream, MAX_RECORD_BYTES), start=1):
            if line is None:
                yield Malformed(f"{name}:{number}", f"line over {MAX_RECORD_BYTES} bytes: skipped")
                continue
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError as exc:
                detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
                yield Malformed(f"{name}:{number}", f"bad JSON: {detail}")
                continue
            checked = check_record(value)
            yield checked if isinstance(checked, Record) else Malformed(f"{name}:{number}", checked)
    except (OSError, EOFError, ValueError) as exc:  # a corrupt or truncated archive
        yield Malformed(f"{name}:{number + 1}", f"cannot read the rest of the file: {exc}")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


def _dicts(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _json_type(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}.get(type(value), "value")
