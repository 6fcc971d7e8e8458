"""The write stage: documents to JSONL records (the machine contract), clean text or tagged text.

>>> from normalize.document import Document, Segment
>>> doc = Document(id="a", lang="en", title="T", text="Hello.")
>>> doc.segments = [Segment("T", "en", "title", 0), Segment("Hello.", "en", "body", 1, 0.99, 0, 6)]
>>> print(format_tagged(doc))
# a
[en title] T
[en body] Hello.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TextIO

from ..document import SCHEMA, Document

FORMATS = ("jsonl", "text", "tagged")
_SURROGATES = re.compile("[\ud800-\udfff]")


def to_record(doc: Document) -> dict[str, Any]:
    """The JSONL record of a document (schema ``normalize/1``, documented in the README)."""
    return {
        "schema": SCHEMA,
        "id": doc.id,
        "source": doc.source,
        "lang": doc.lang,
        "title": doc.title,
        "metadata": doc.metadata.as_dict(),
        "text": doc.text,
        "translated_text": doc.translated_text,
        "translated_to": doc.translated_to,
        "segments": [
            {
                "text": s.text,
                "lang": s.lang,
                "confidence": round(s.confidence, 4),
                "role": s.role,
                "start": s.start,
                "end": s.end,
                "translation": s.translation,
            }
            for s in doc.segments
        ],
        "encoding": doc.encoding,
        "repairs": [{"kind": r.kind, "count": r.count} for r in doc.repairs],
        "errors": [{"stage": e.stage, "message": e.message} for e in doc.errors],
        "warnings": [{"stage": w.stage, "message": w.message} for w in doc.warnings],
    }


def format_jsonl(doc: Document) -> str:
    return json.dumps(to_record(doc), ensure_ascii=False)


def format_text(doc: Document) -> str:
    """A ``# id`` line and a ``# error stage: message`` line per error; then the title on the
    next line (none: no line), a blank line and the body paragraphs separated by blank lines. When
    translated, the title and body in the target language.

    >>> doc = Document(id="a", title="T", text="One.\\n\\nTwo.")
    >>> print(format_text(doc))
    # a
    T
    <BLANKLINE>
    One.
    <BLANKLINE>
    Two.
    >>> doc.title = None; doc.add_error("read", "cut"); print(format_text(doc))
    # a
    # error read: cut
    <BLANKLINE>
    One.
    <BLANKLINE>
    Two.
    """
    lines = [f"# {doc.id}"] + [f"# error {e.stage}: {' '.join(e.message.split())}" for e in doc.errors]
    if doc.title:
        lines.append(_translated_title(doc) or doc.title)
    if doc.text:
        lines += ["", doc.translated_text if doc.translated_text is not None else doc.text]
    return "\n".join(lines)


def _translated_title(doc: Document) -> str | None:
    return next((s.translation for s in doc.segments if s.role == "title" and s.translation is not None), None)


def format_tagged(doc: Document) -> str:
    """A ``# id`` line, then each segment on its own line as ``[lang role] text``; a translated
    segment as ``[ru→en role] original → translation``."""
    lines = [f"# {doc.id}"]
    for s in doc.segments:
        text = " ".join(s.text.split())
        if not text:
            continue
        if s.translation is not None:
            target = doc.translated_to or "?"
            lines.append(f"[{s.lang}→{target} {s.role}] {text} → {' '.join(s.translation.split())}")
        else:
            lines.append(f"[{s.lang} {s.role}] {text}")
    for e in doc.errors:
        lines.append(f"[error {e.stage}] {e.message}")
    return "\n".join(lines)


_FORMATTERS: dict[str, Callable[[Document], str]] = {
    "jsonl": format_jsonl,
    "text": format_text,
    "tagged": format_tagged,
}
# Written between two documents: JSONL needs nothing (a record a line); in text a form-feed line
# tells documents apart (paragraphs are already separated by blank lines); tagged a blank line.
_SEPARATORS = {"jsonl": "", "text": "\f\n", "tagged": "\n"}


class Writer:
    """Writes documents to a text stream in one of :data:`FORMATS`, one at a time."""

    def __init__(self, out: TextIO, fmt: str = "jsonl", *, count: int = 0) -> None:
        """``count``: documents already in ``out`` (when resuming), so separators stay right."""
        if fmt not in _FORMATTERS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out, self.fmt, self.count = out, fmt, count
        self._format = _FORMATTERS[fmt]

    def write(self, doc: Document) -> None:
        text = self._format(doc)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (e.g. from an undecodable file name): never crash here
            text = _SURROGATES.sub("\ufffd", text)
        if self.count:
            self.out.write(_SEPARATORS[self.fmt])
        self.out.write(text + "\n")
        self.count += 1
