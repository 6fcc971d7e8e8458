"""The language stage: every block cut into language segments; the document's main language.

A block that is code as a whole (a ``<pre>`` whose lines are code, :func:`~normalize.langid.
shapes.is_code_block`; a line of a text dump inside a run of code lines) is one ``zxx`` segment;
code lines and identifiers take no part in the document's language.

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
from .shapes import could_continue_code, is_code_block, is_code_line
from .spans import detect_spans, language_text, pieces_of, spans_of_many, whole_code_span

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
        code = code_blocks(doc)
        texts = [block.text for block in doc.blocks]
        prose = [i for i in range(len(texts)) if i not in code]
        cut = {i: pieces_of(texts[i]) for i in prose}  # cut once: for the main language and the spans
        doc.lang = self._main_language(doc, detector, failed, code, cut)
        prior = doc.lang if doc.lang != UNDETERMINED else None
        try:  # the blocks as one batch; a failure, block by block to find the failing ones
            found = spans_of_many([texts[i] for i in prose], prior=prior, detector=detector,
                                  pieces=[cut[i] for i in prose]) if not failed else None
            every_span = None
            if found is not None:
                every_span = [whole_code_span(text, detector) for text in texts]
                for i, spans in zip(prose, found):
                    every_span[i] = spans
        except ModelLoadError:
            raise
        except Exception:  # noqa: BLE001 - the failing block is counted and noted just below
            every_span = None
        if every_span is None:
            every_span = [whole_code_span(text, detector) if index in code else
                          self._guarded(doc, index, failed, lambda text=text: detect_spans(
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

    def _main_language(self, doc: Document, detector: Detector, failed: set[int], code: set[int],
                       cut: dict[int, list] | None = None) -> str:
        """The language holding most letters of the body (or of the title when the body has
        none in a language), code blocks, code lines and identifiers left out.

        Blocks are identified longest first, and only until the leader cannot be caught: its
        letters exceed the runner-up's plus every block not yet identified. The answer is the
        one identifying every block would give (a strict lead; ties never stop early), at a
        fraction of the cost on a long article in one language."""
        for role in ("body", "title"):  # the title's when the body has no language at all
            chosen = [(i, language_text(b.text, (cut or {}).get(i)))
                      for i, b in enumerate(doc.blocks) if b.role == role and i not in code]
            found = self._most_letters(doc, detector, failed, chosen)
            if found is not None:
                return found
        return UNDETERMINED

    def _most_letters(self, doc: Document, detector: Detector, failed: set[int],
                      chosen: list[tuple[int, str]]) -> str | None:
        """The language of most letters among the ``chosen`` (block index, text), or None."""
        letters = [count_letters(text) for _, text in chosen]
        guesses: list[Guess | None] = [None] * len(chosen)
        found: Counter[str] = Counter()
        left = sum(letters)
        for k in sorted(range(len(chosen)), key=lambda k: -letters[k]):
            ranked = found.most_common(2) + [("", 0)] * 2
            if ranked[0][1] > ranked[1][1] + left:
                break
            index, text = chosen[k]
            guesses[k] = self._guarded(doc, index, failed, lambda text=text: detector.identify(text))
            left -= letters[k]
            if guesses[k] is not None and guesses[k].lang != UNDETERMINED:
                found[guesses[k].lang] += letters[k]
        return main_language(zip(guesses, letters))

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


def code_blocks(doc: Document) -> set[int]:
    """The indices of the blocks that are code as a whole: a ``<pre>`` whose lines are code
    (:func:`~normalize.langid.shapes.is_code_block`); in a text dump, a run of indented lines
    that is code the same way (a listing); a line of code; and a block (a dump's line, a table
    cell) between two code lines that could go on their code (``return total``, ``end``, ``}``).
    """
    blocks = doc.blocks
    code = {i for i, b in enumerate(blocks) if b.tag == "pre" and is_code_block(b.text)}
    if not doc.is_html:
        for run in _indented_runs(doc):
            if is_code_block("\n".join(blocks[i].text for i in run)):
                code.update(run)
    line_code = [i in code or "\n" not in b.text and is_code_line(b.text) for i, b in enumerate(blocks)]
    code.update(i for i, is_code in enumerate(line_code) if is_code and "\n" not in blocks[i].text)
    for i in range(1, len(blocks) - 1):
        if not line_code[i] and line_code[i - 1] and line_code[i + 1] and could_continue_code(blocks[i].text):
            code.add(i)
    return code


#: A dump's line indented by this many spaces (a tab counts four) is part of an indented block,
#: a listing when its lines are code (the four spaces of Markdown's code blocks).
INDENT = 4


def _indented_runs(doc: Document) -> list[list[int]]:
    """Runs of consecutive line blocks of a text dump that are indented in its input (blank
    lines inside a run do not end it). Lines are matched to blocks in order, by their text,
    looking at most :data:`LOOKAHEAD` lines on (a block that is no line of the input, a
    hard-wrapped paragraph joined, has no indent)."""
    lines = doc.input_text.split("\n")
    position = 0
    runs: list[list[int]] = []
    last = None
    for index, block in enumerate(doc.blocks):
        found = next((k for k in range(position, min(position + LOOKAHEAD, len(lines)))
                      if block.tag == "line" and " ".join(lines[k].split()) == block.text), None)
        if found is None:
            last = None
            continue
        position = found + 1
        line = lines[found].expandtabs(INDENT)
        if len(line) - len(line.lstrip()) >= INDENT:
            if last == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
            last = index
        else:
            last = None
    return runs


LOOKAHEAD = 64  # input lines looked through for a block's line (blank and joined ones between)
