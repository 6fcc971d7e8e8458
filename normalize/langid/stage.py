"""The language stage: every block cut into language segments; the document's main language."""

from __future__ import annotations

from collections import Counter

from ..boilerplate import BODY_SEPARATOR
from ..document import UNDETERMINED, Document, Segment
from ..pipeline import Stage
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
        offset = 0
        for index, block in enumerate(doc.blocks):
            is_body = block.role == "body"
            for span in detect_spans(block.text, prior=prior):
                segment = Segment(
                    text=block.text[span.start:span.end],
                    lang=span.lang,
                    role=block.role,
                    block=index,
                    confidence=span.confidence,
                )
                if is_body:
                    segment.start, segment.end = offset + span.start, offset + span.end
                segments.append(segment)
                self.stats.count(span.lang)
            if is_body:
                offset += len(block.text) + len(BODY_SEPARATOR)
        doc.segments = segments
        return doc
