"""Texts in one language to another: route (direct model or a pivot through English), sentence
splitting, cache, batched engines.

>>> Translator(models_dir="/nonexistent").route("ru", "en") is None
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .cache import TranslationCache
from .engine import BEAM_SIZE, get_engine, is_translatable, split_sentences
from .argos import argos_install_command, available_models
from .models import InstalledModel, ModelError, install_command

PIVOT = "en"


class MissingModelError(ModelError):
    """No installed model (or pair of models through English) translates ``source`` to ``target``."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__(f"no {source}→{target} translation model installed; install it with: {install_command(source, target)}"
                         f" (or with argostranslate: {argos_install_command(source, target)})")


@dataclass
class TranslatorStats:
    """Sentences seen, served from the cache, and run through a model (per hop)."""

    sentences: int = 0
    cache_hits: int = 0
    translated: int = 0


@dataclass
class Translator:
    """Translates batches of texts with the installed models.

    ``cache``: a :class:`TranslationCache`, or None to translate everything afresh.
    ``beam_size``: 4 gives argostranslate's translations; 1 (greedy) is faster.
    """

    models_dir: str | os.PathLike | None = None
    device: str = "auto"
    threads: int = 0
    cache: TranslationCache | None = None
    beam_size: int = BEAM_SIZE
    stats: TranslatorStats = field(default_factory=TranslatorStats)
    _models: list[InstalledModel] | None = field(default=None, repr=False)

    def installed(self) -> list[InstalledModel]:
        if self._models is None:
            self._models = available_models(self.models_dir)
        return self._models

    def route(self, source: str, target: str) -> list[InstalledModel] | None:
        """The models to chain: the direct one, else ``source→en`` then ``en→target``."""
        by_pair = {(m.source, m.target): m for m in self.installed()}
        if (source, target) in by_pair:
            return [by_pair[source, target]]
        if PIVOT not in (source, target) and (source, PIVOT) in by_pair and (PIVOT, target) in by_pair:
            return [by_pair[source, PIVOT], by_pair[PIVOT, target]]
        return None

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate every text; texts without letters (numbers, symbols) come back unchanged.
        Raises :class:`MissingModelError` when no route exists."""
        if source == target:
            return list(texts)
        route = self.route(source, target)
        if route is None:
            raise MissingModelError(source, target)
        split = [split_sentences(t) if is_translatable(t) else [] for t in texts]
        sentences = list(dict.fromkeys(s for parts in split for s in parts if is_translatable(s)))
        self.stats.sentences += len(sentences)
        current = {s: s for s in sentences}
        for model in route:
            done = self._translate_unique(model, list(dict.fromkeys(current.values())))
            current = {s: done[t] for s, t in current.items()}
        return [" ".join(current.get(s, s) for s in parts) if parts else text for text, parts in zip(texts, split)]

    def _translate_unique(self, model: InstalledModel, sentences: list[str]) -> dict[str, str]:
        identity = f"{model.identity}:beam{self.beam_size}"
        found = self.cache.get(identity, sentences) if self.cache is not None else {}
        self.stats.cache_hits += len(found)
        todo = [s for s in sentences if s not in found]
        if todo:
            engine = get_engine(model, device=self.device, threads=self.threads)
            fresh = dict(zip(todo, engine.translate(todo, beam_size=self.beam_size)))
            self.stats.translated += len(todo)
            if self.cache is not None:
                self.cache.put(identity, fresh)
            found.update(fresh)
        return found
