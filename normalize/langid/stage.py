"""The language stage: every block cut into language segments; the document's main language.

The stage owns its detector (built from its :class:`~normalize.langid.config.LanguageConfig`
on first use, once a process). A model that cannot load stops the document (an error record,
as for any stage failure); any other failure of language ID on a block is counted in the
stage's stats (``language ID failed``) and noted on the document as a warning naming it, and
the block's text is left undetermined: never answered around in silence.

>>> from normalize.document import Block, Document
>>> doc = Document(id="d", blocks=[Block(text="Die Regierung hat neue Gesetze beschlossen.", role="body")])
>>> doc.set_body()
>>> stage = LanguageStage()
>>> doc = stage.apply(doc)
>>> doc.lang, [(s.lang, s.start, s.end) for s in doc.segments], stage.stats.counts
('de', [('de', 0, 43)], {'de': 1})
"""

from __future__ import annotations

from ..document import UNDETERMINED, Document, Segment, Span
from ..stage import Stage
from .config import LanguageConfig
from .detector import Detector, Guess, detector_for, main_language
from .models import ModelLoadError
from .spans import detect_spans

#: The stats key counting blocks whose language ID failed.
FAILED = "language ID failed"


class LanguageStage(Stage):
    """Sets ``doc.lang`` and ``doc.segments``: language-homogeneous pieces of every block, in
    order. Body segments carry offsets into ``doc.text``."""

    name = "language"

    def __init__(self, config: LanguageConfig | None = None) -> None:
        super().__init__()
        self.config = config or LanguageConfig()

    @property
    def detector(self) -> Detector:
        """The process's detector for this stage's config (built on first use)."""
        return detector_for(self.config)

    def apply(self, doc: Document) -> Document:
        detector = self.detector
        failed: set[int] = set()  # blocks whose language ID failed: one undetermined segment each
        doc.lang = self._main_language(doc, detector, failed)
        prior = doc.lang if doc.lang != UNDETERMINED else None
        segments: list[Segment] = []
        for index, block in enumerate(doc.blocks):
            spans = None
            if index not in failed:
                try:
                    spans = detect_spans(block.text, prior=prior, detector=detector)
                except ModelLoadError:
                    raise
                except Exception as exc:  # noqa: BLE001 - counted and noted just below, never silent
                    self._failed(doc, index, exc, failed)
            if spans is None:
                spans = [Span(0, len(block.text), UNDETERMINED, 0.0)] if block.text else []
            for span in spans:
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

    def _main_language(self, doc: Document, detector: Detector, failed: set[int]) -> str:
        """The language holding most letters of the body (or of the title when there is no
        body)."""
        chosen = [(i, b) for i, b in enumerate(doc.blocks) if b.role == "body"] or \
            [(i, b) for i, b in enumerate(doc.blocks) if b.role == "title"]
        guesses: list[tuple[Guess | None, int]] = []
        for index, block in chosen:
            try:
                guess = detector.identify(block.text)
            except ModelLoadError:
                raise
            except Exception as exc:  # noqa: BLE001 - counted and noted just below, never silent
                self._failed(doc, index, exc, failed)
                guess = None
            guesses.append((guess, sum(c.isalpha() for c in block.text)))
        return main_language(guesses) or UNDETERMINED

    def _failed(self, doc: Document, index: int, exc: Exception, failed: set[int]) -> None:
        """Count and note a block whose language ID raised (once a block)."""
        failed.add(index)
        self.stats.count(FAILED)
        doc.add_warning(self.name, f"language ID failed on block {index}: {type(exc).__name__}: {exc}")
