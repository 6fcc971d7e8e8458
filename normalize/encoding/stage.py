"""The decode and repair stages: a document's raw bytes to its input text, then that text repaired.

The decode stage also settles the document's kind (HTML page or plain text) from the decoded
text, when the way in did not say, so that the repair stage and every later one agree on it.
"""

from __future__ import annotations

from ..document import Document
from ..stage import Stage
from .decode import NotTextError, decode, looks_like_html
from .repair import repair


class DecodeStage(Stage):
    """Sets ``input_text`` from the raw bytes (or string) the read stage found, its ``encoding``,
    and ``is_html`` when the way in did not say (stdin, a ``.txt`` file, a JSONL ``text`` field)."""

    name = "decode"

    def apply(self, doc: Document) -> Document:
        if isinstance(doc.raw, str):
            doc.input_text = doc.raw
        elif isinstance(doc.raw, bytes):
            try:
                decoded = decode(doc.raw)
            except NotTextError as exc:  # the message says it all, no exception name in front
                doc.add_error(self.name, str(exc))
                self.stats.errors += 1
                doc.raw = None
                return doc
            doc.input_text, doc.encoding = decoded.text, decoded.encoding
            self.stats.count(decoded.encoding)
        if doc.raw is not None and not doc.input_text.strip():
            doc.add_error(self.name, "empty document: no text to process")
        if doc.is_html is None:  # the kind, decided once: repair already needs it
            doc.is_html = looks_like_html(doc.input_text)
        doc.raw = None  # the text is all later stages need; don't carry the bytes along
        return doc


class RepairStage(Stage):
    """Repairs ``input_text`` in place and records what it repaired."""

    name = "repair"

    def apply(self, doc: Document) -> Document:
        doc.input_text, doc.repairs = repair(doc.input_text, html=bool(doc.is_html))
        for r in doc.repairs:
            self.stats.count(r.kind, r.count)
        return doc
