"""The language stage: every block cut into language segments; the document's main language."""

from __future__ import annotations

from collections import Counter

from ..document import UNDETERMINED, Document, Segment
from ..stage import Stage
from .detector import identify
from .spans import detect_spans


def main_language(doc: Document) -> str:
    """The language holding most letters of the body (or of the title when there is no body)."""
    letters: Counter[str] = Counter()
    blocks = doc.body_blocks() or [b for b in doc.blocks if b.role == "title"]
    for block in blocks:
        guess = identify(block.text)
        if guess.lang != UNDETERMINED:
            letters[guess.lang] += sum(c.isalpha() for c in block.text)
    return letters.most_common(1)[0][0] if letters else UNDETERMINED


class LanguageStage(Stage):
    """Sets ``doc.lang`` and ``doc.segments``: language-homogeneous pieces of every block, in
    order. Body segments carry offsets into ``doc.text``."""

    name = "language"

    def apply(self, doc: Document) -> Document:
        doc.lang = main_language(doc)
        prior = doc.lang if doc.lang != UNDETERMINED else None
        segments: list[Segment] = []
        for index, block in enumerate(doc.blocks):
            for span in detect_spans(block.text, prior=prior):
                segment = Segment(
                    text=block.text[span.start:span.end],
                    lang=span.lang,
                    role=block.role,
                    block=index,
                    confidence=span.confidence,
                )
                if block.start is not None:  # a body block: the segment's place in doc.text
                    segment.start, segment.end = block.start + span.start, block.start + span.end
                segments.append(segment)
                self.stats.count(span.lang)
        doc.segments = segments
        return doc
