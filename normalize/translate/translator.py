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
    """No installed model (or pair of models through English) translates ``source`` to ``target``.
    ``needed``: the pairs to install, a direct one or the missing legs through English.

    >>> print(MissingModelError("ru", "de", [("ru", "en"), ("en", "de")]))
    no ru→de translation model installed; through English it needs ru→en and en→de: normalize models install ru en && normalize models install en de (or with argostranslate: argospm install translate-ru_en && argospm install translate-en_de)
    """

    def __init__(self, source: str, target: str, needed: list[tuple[str, str]] | None = None) -> None:
        self.source, self.target = source, target
        self.needed = needed or [(source, target)]
        commands = " && ".join(install_command(*pair) for pair in self.needed)
        if self.needed == [(source, target)]:
            message = f"no {source}→{target} translation model installed; install it with: {commands}"
        else:
            legs = " and ".join(f"{a}→{b}" for a, b in self.needed)
            message = f"no {source}→{target} translation model installed; through English it needs {legs}: {commands}"
        argos = " && ".join(argos_install_command(*pair) for pair in self.needed)
        super().__init__(f"{message} (or with argostranslate: {argos})")


class BrokenModelError(ModelError):
    """An installed model that cannot be used: a file damaged or missing after install."""

    def __init__(self, model: InstalledModel, why: str) -> None:
        self.source, self.target = model.source, model.target
        super().__init__(
            f"the {model.source}→{model.target} translation model in {model.path} is damaged ({why}); reinstall it: "
            f"normalize models remove {model.source} {model.target} && {install_command(model.source, model.target)} "
            "(or install its .argosmodel file again)")


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
    _broken: dict = field(default_factory=dict, repr=False)  # model path -> BrokenModelError

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

    def missing(self, source: str, target: str) -> list[tuple[str, str]]:
        """The pairs to install for ``source→target``: the direct one when English is one side,
        else the legs through English that are not installed (Argos publishes pairs with English)."""
        if PIVOT in (source, target):
            return [(source, target)]
        pairs = {(m.source, m.target) for m in self.installed()}
        return [leg for leg in ((source, PIVOT), (PIVOT, target)) if leg not in pairs]

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate every text; texts without letters (numbers, symbols) come back unchanged.
        Raises :class:`MissingModelError` when no route exists."""
        if source == target:
            return list(texts)
        route = self.route(source, target)
        if route is None:
            raise MissingModelError(source, target, self.missing(source, target))
        split = [split_sentences(t) if is_translatable(t) else [] for t in texts]
        sentences = list(dict.fromkeys(s for parts in split for s in parts if is_translatable(s)))
        self.stats.sentences += len(sentences)
        current = {s: s for s in sentences}
        for model in route:
            done = self._translate_unique(model, list(dict.fromkeys(current.values())))
            current = {s: done[t] for s, t in current.items()}
        return [" ".join(current.get(s, s) for s in parts) if parts else text for text, parts in zip(texts, split)]

    def _translate_unique(self, model: InstalledModel, sentences: list[str]) -> dict[str, str]:
        """Raises :class:`BrokenModelError` when the model's files are damaged: found once,
        then raised again for every later use without trying to load it again."""
        if model.path in self._broken:
            raise self._broken[model.path]
        try:
            return self._translate_with(model, sentences)
        except (OSError, RuntimeError, ValueError) as exc:  # what ctranslate2 and sentencepiece raise
            self._broken[model.path] = BrokenModelError(model, f"{type(exc).__name__}: {exc}")
            raise self._broken[model.path] from None

    def _translate_with(self, model: InstalledModel, sentences: list[str]) -> dict[str, str]:
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
