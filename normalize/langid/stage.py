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

from collections import Counter

from ..document import UNDETERMINED, Document, Segment, Span
from ..stage import Stage
from .config import LanguageConfig
from .detector import Detector, Guess, count_letters, detector_for, main_language
from .models import ModelLoadError
from .spans import detect_spans, spans_of_many

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
        texts = [block.text for block in doc.blocks]
        try:  # the blocks as one batch; a failure, block by block to find the failing ones
            every_span = spans_of_many(texts, prior=prior, detector=detector) if not failed else None
        except ModelLoadError:
            raise
        except Exception:  # noqa: BLE001 - the failing block is counted and noted just below
            every_span = None
        if every_span is None:
            every_span = [self._guarded(doc, index, failed, lambda text=text: detect_spans(
                text, prior=prior, detector=detector)) for index, text in enumerate(texts)]
        segments: list[Segment] = []
        for index, (block, spans) in enumerate(zip(doc.blocks, every_span)):
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
        body).

        Blocks are identified longest first, and only until the leader cannot be caught: its
        letters exceed the runner-up's plus every block not yet identified. The answer is the
        one identifying every block would give (a strict lead; ties never stop early), at a
        fraction of the cost on a long article in one language."""
        chosen = [(i, b) for i, b in enumerate(doc.blocks) if b.role == "body"] or \
            [(i, b) for i, b in enumerate(doc.blocks) if b.role == "title"]
        letters = [count_letters(block.text) for _, block in chosen]
        guesses: list[Guess | None] = [None] * len(chosen)
        found: Counter[str] = Counter()
        left = sum(letters)
        for k in sorted(range(len(chosen)), key=lambda k: -letters[k]):
            ranked = found.most_common(2) + [("", 0)] * 2
            if ranked[0][1] > ranked[1][1] + left:
                break
            index, block = chosen[k]
            guesses[k] = self._guarded(doc, index, failed, lambda text=block.text: detector.identify(text))
            left -= letters[k]
            if guesses[k] is not None and guesses[k].lang != UNDETERMINED:
                found[guesses[k].lang] += letters[k]
        return main_language(zip(guesses, letters)) or UNDETERMINED

    def _guarded(self, doc: Document, index: int, failed: set[int], call):
        """``call()`` for block ``index``, or None when it raises (but a model that cannot load):
        counted and noted on the document, once a block."""
        if index in failed:
            return None
        try:
            return call()
        except ModelLoadError:
            raise
        except Exception as exc:  # noqa: BLE001 - counted and noted here, never silent
            failed.add(index)
            self.stats.count(FAILED)
            doc.add_warning(self.name, f"language ID failed on block {index}: {type(exc).__name__}: {exc}")
            return None
