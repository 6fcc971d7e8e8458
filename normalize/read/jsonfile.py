"""``.json`` files, told apart by their content: JSON Lines under another name (the first line is a
whole object), else one JSON array of records (or objects one after another, e.g. one
pretty-printed object). Anything else raises :class:`NotRecords`, saying where the file stops being
records, so the reader can tell the user to name the kind with ``--input-format``.

The array is read a chunk at a time, never whole: memory holds one record (at most the size
limit), as for JSON Lines.

>>> import io
>>> is_json_line(b'{"id": "a", "text": "Hi"}\\n', 100), is_json_line(b'[{"id": "a"},\\n', 100)
(True, False)
>>> list(json_records(io.BytesIO(b'[{"id": "a"},\\n {"id": "b"}]'), 100))
[{'id': 'a'}, {'id': 'b'}]
>>> list(json_records(io.BytesIO(b'Just some text.'), 100))
Traceback (most recent call last):
...
normalize.read.jsonfile.NotRecords: it starts with 'J', not with '[' or '{'
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

#: Bytes read at a time from a JSON array at first; a record longer than what is buffered
#: doubles the next read, so a record of n bytes costs about log2(n / READ_BYTES) parse retries
#: (set by hand: a few news articles' worth, so most records parse at the first try).
READ_BYTES = 1 << 16
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class NotRecords(ValueError):
    """A ``.json`` file that is neither JSON Lines nor a JSON array of objects; the message says
    what it is instead (where the JSON breaks, what the array holds)."""


class RecordTooLarge(ValueError):
    """A record of a JSON array over the size limit: where it ends is not looked for, so the
    rest of the file is not read."""


def is_json_line(line: bytes, limit: int) -> bool:
    """The first (non-blank) line of a ``.json`` file says JSON Lines: it is a whole JSON object,
    or it starts one and is over the size limit (the JSON Lines reader then skips it, saying so)."""
    line = line.removeprefix(codecs.BOM_UTF8).strip()
    if not line.startswith(b"{"):
        return False
    if len(line) > limit:
        return True
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class _Buffer:
    """The decoded text of a stream, read on demand, with what was consumed dropped."""

    def __init__(self, stream: BinaryIO, head: bytes, limit: int) -> None:
        self.stream, self.limit = stream, limit
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text, self.pos, self.eof = "", 0, False
        self.lines_before = 0  # line breaks in the text already dropped
        self._add(head)

    def _add(self, data: bytes, final: bool = False) -> None:
        try:
            self.text += self.decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise NotRecords(f"not UTF-8 text near line {self.line()}: {exc.reason}") from None

    def line(self, offset: int | None = None) -> int:
        """The file's line number of ``offset`` in the buffer (default: where reading is)."""
        return self.lines_before + self.text.count("\n", 0, self.pos if offset is None else offset) + 1

    def more(self) -> bool:
        """Read on (at least as much as is buffered); False at the end of the stream."""
        if self.eof:
            return False
        self.lines_before += self.text.count("\n", 0, self.pos)
        self.text, self.pos = self.text[self.pos:], 0
        data = self.stream.read(max(READ_BYTES, len(self.text)))
        self.eof = not data
        self._add(data, final=self.eof)
        return not self.eof

    def peek(self) -> str:
        """The next character that is not white space; '' at the end."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def value(self, number: int) -> object:
        """The JSON value starting at the next character that is not white space (``number``:
        the record's, for messages)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.text) - self.pos <= self.limit and self.more():
                    continue  # the record goes on past what was read
                if len(self.text) - self.pos > self.limit:
                    raise RecordTooLarge(f"record {number} of the JSON array is over the size limit of {self.limit} "
                                         "bytes (--max-bytes): it and the rest of the file were not read") from None
                raise NotRecords(f"bad JSON in record {number}, line {self.lines_before + exc.lineno}: {exc.msg}") from None
            if end == len(self.text) and self.more():
                continue  # a number at the end of what was read may go on
            self.pos = end
            return value


def json_records(stream: BinaryIO, limit: int, head: bytes = b"") -> Iterator[object]:
    """The records of a ``.json`` file that is not JSON Lines: the elements of one JSON array
    (the first must be an object; later non-objects are the caller's to report), or objects
    one after another. ``head``: bytes already read from the stream. Raises :class:`NotRecords`
    where the content stops being that, :class:`RecordTooLarge` at a record over ``limit``
    characters."""
    buffer = _Buffer(stream, head, limit)
    first = buffer.peek()
    if first == "[":
        buffer.pos += 1
        yield from _elements(buffer)
    elif first == "{":
        number = 0
        while buffer.peek() == "{":
            number += 1
            yield buffer.value(number)
    else:
        raise NotRecords(f"it starts with {first!r}, not with '[' or '{{'" if first else "the file is empty")
    rest = buffer.peek()
    if rest:
        raise NotRecords(f"more after the end of the JSON at line {buffer.line()}: {rest!r}")


def _elements(buffer: _Buffer) -> Iterator[object]:
    """The elements of an array whose ``[`` was read, up to its ``]``."""
    if buffer.peek() == "]":
        buffer.pos += 1
        return
    number = 0
    while True:
        number += 1
        value = buffer.value(number)
        if number == 1 and not isinstance(value, dict):
            raise NotRecords(f"an array of {json_kind(value)}s, not of objects")
        yield value
        after = buffer.peek()
        buffer.pos += 1
        if after == "]":
            return
        if after != ",":
            where = f"line {buffer.line(buffer.pos - 1)}"
            raise NotRecords(f"bad JSON after record {number}, {where}: expected ',' or ']'"
                             + (f", found {after!r}" if after else ", found the end of the file"))


def json_kind(value: object) -> str:
    """A JSON value's kind, as JSON names it.

    >>> json_kind("x"), json_kind([1]), json_kind(2.5), json_kind(None)
    ('string', 'array', 'number', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]
