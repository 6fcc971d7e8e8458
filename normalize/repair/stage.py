"""The repair stage: repairs a document's input text in place and records what it repaired."""

from __future__ import annotations

from ..document import Document
from ..pipeline import Stage
from .text import repair


class RepairStage(Stage):
    """Repairs ``input_text`` in place and records what it repaired."""

    name = "repair"

    def apply(self, doc: Document) -> Document:
        doc.input_text, doc.repairs = repair(doc.input_text, html=bool(doc.is_html))
        for r in doc.repairs:
            self.stats.count(r.kind, r.count)
        return doc
