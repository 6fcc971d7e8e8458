"""The translation stage: every foreign segment of a window of documents, translated in batches.

Translating one segment at a time wastes the model (a batched call costs a fraction per
sentence: see scripts/bench_translate.py), so the stage works on windows of documents (its
``batch_size``, :attr:`~normalize.config.Config.translate_window`): it gathers all their
segments per source language, translates each language in one call, writes the results back and
releases the documents in input order. Memory stays bounded by the window.

For each document: ``Segment.translation`` for every title, body and boilerplate segment whose
language is known and differs from the target (``zxx``, code and other text in no language, is
never sent to a model, nor is a model asked for because of it); ``Document.translated_text``, the clean body with
those segments replaced, and ``Document.translated_to``, both only when something was translated. A language without a model leaves its
segments untranslated and adds a warning naming the install command (an error instead when the
run requires translation).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..config import Config
from ..document import NO_LANGUAGE, UNDETERMINED, Document, Segment
from ..stage import Stage
from .cache import TranslationCache
from .translator import BrokenModelError, MissingModelError, Translator


def needs_translation(segment: Segment, target: str) -> bool:
    """A segment in a known language other than the target: never ``und`` (which language is
    not known) nor ``zxx`` (code, identifiers, numbers: no language at all).

    >>> needs_translation(Segment("Новости", "ru", "boilerplate", 0), "en")
    True
    >>> needs_translation(Segment("2024", "und", "body", 0), "en")
    False
    >>> needs_translation(Segment("let mut total = 0;", "zxx", "body", 0), "en")
    False
    """
    return segment.lang not in (target, UNDETERMINED, NO_LANGUAGE) and bool(segment.text.strip())


def translated_body(doc: Document) -> str:
    """``doc.text`` with each translated body segment replaced by its translation.

    >>> doc = Document(id="a", text="Hello. Привет.")
    >>> doc.segments = [Segment("Hello.", "en", "body", 0, start=0, end=6),
    ...                 Segment("Привет.", "ru", "body", 0, start=7, end=14, translation="Hi.")]
    >>> translated_body(doc)
    'Hello. Hi.'
    """
    parts, position = [], 0
    for s in sorted((s for s in doc.segments if s.translation is not None and s.start is not None), key=lambda s: s.start):
        parts += [doc.text[position:s.start], s.translation]
        position = s.end
    parts.append(doc.text[position:])
    return "".join(parts)


class TranslateStage(Stage):
    """Translate foreign segments into ``target`` (see the module docstring)."""

    name = "translate"

    def __init__(self, target: str, translator: Translator | None = None, *, require: bool = False,
                 window: int = Config.translate_window) -> None:
        super().__init__()
        self.target = target
        self.translator = translator if translator is not None else Translator(cache=TranslationCache())
        self.require = require
        self.batch_size = window

    @classmethod
    def from_config(cls, config: Config) -> TranslateStage:
        assert config.translate_to, "the translation stage needs a target language"
        translator = Translator(models_dir=config.models_dir, device=config.translate_device,
                                threads=config.translate_threads,
                                cache=TranslationCache() if config.translate_cache else None)
        return cls(config.translate_to, translator, require=config.require_translation,
                   window=config.translate_window)

    def apply(self, doc: Document) -> Document:
        return self.apply_batch([doc])[0]

    def apply_batch(self, docs: list[Document]) -> list[Document]:
        before = (self.translator.stats.cache_hits, self.translator.stats.translated)
        by_lang: dict[str, list[tuple[Document, Segment]]] = defaultdict(list)
        for doc in docs:
            for segment in doc.segments:
                if needs_translation(segment, self.target):
                    by_lang[segment.lang].append((doc, segment))
        for lang, items in by_lang.items():
            try:
                translations = self.translator.translate([s.text for _, s in items], lang, self.target)
            except (MissingModelError, BrokenModelError) as exc:
                self._report_missing(items, exc)
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a corrupt model: these documents fail, the run goes on
                for doc in _distinct(doc for doc, _ in items):
                    self._fail(doc, exc)
                continue
            for (_, segment), translation in zip(items, translations):
                segment.translation = translation
            self.stats.count("segments translated", len(items))
        for doc in docs:  # only where something was translated: else `text` is all there is
            translated = any(s.translation is not None for s in doc.segments)
            doc.translated_to = self.target if translated else None
            doc.translated_text = translated_body(doc) if translated else None
        for key, n in (("sentences from cache", self.translator.stats.cache_hits - before[0]),
                       ("sentences translated", self.translator.stats.translated - before[1])):
            if n:
                self.stats.count(key, n)
        return docs

    def _report_missing(self, items: list[tuple[Document, Segment]], exc: MissingModelError | BrokenModelError) -> None:
        """Once per document: a warning, or an error when translation is required."""
        for doc in _distinct(doc for doc, _ in items):
            if self.require:
                doc.add_error(self.name, str(exc))
                self.stats.errors += 1
            else:
                doc.add_warning(self.name, str(exc))
        self.stats.count(f"segments without a {exc.source}→{exc.target} model", len(items))


def _distinct(docs: Iterable[Document]) -> list[Document]:
    """Documents in order, each once (documents compare by value, so by identity here)."""
    return list({id(doc): doc for doc in docs}.values())
