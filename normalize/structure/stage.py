"""The structure stage: a document's repaired input text into blocks, each with its features."""

from __future__ import annotations

from ..document import Document
from ..stage import Stage
from .blocks import html_blocks, text_blocks
from .features import line_features


class StructureStage(Stage):
    """Splits the repaired input into blocks with their features; an HTML page's title evidence
    goes to ``title_evidence``, a cut of a huge page to ``warnings``."""

    name = "structure"

    def apply(self, doc: Document) -> Document:
        if doc.is_html:
            page, doc.blocks = html_blocks(doc.input_text)
            doc.title_evidence = page.evidence
            doc.metadata_evidence = page.metadata
            for note in page.notes:
                doc.add_warning(self.name, note)
                self.stats.count("cut")
        else:
            doc.blocks = text_blocks(doc.input_text)
            rows = line_features([b.text for b in doc.blocks])
            for block, row in zip(doc.blocks, rows):
                block.features = row
        self.stats.count("blocks", len(doc.blocks))
        return doc
