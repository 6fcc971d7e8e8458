"""Offline translation with Argos Translate models, run directly through CTranslate2.

- :mod:`.models`: install (from a file or the package index), list, find, remove models
- :mod:`.engine`: one model, batched beam search over many sentences
- :mod:`.cache`: SQLite cache of sentence translations, keyed by model identity
- :mod:`.translator`: routes (direct, or a pivot through English), cache in front of the engines
- :mod:`.stage`: :class:`TranslateStage`, the pipeline step

Nothing here opens a network connection except :func:`install_from_index`.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import NO_LANGUAGE, UNDETERMINED
from ..langid import detect_language
from .cache import TranslationCache, default_cache_path
from .models import InstalledModel, ModelError, install_file, install_from_index, list_models, models_dir, remove_model
from .stage import TranslateStage
from .translator import MissingModelError, Translator

__all__ = [
    "InstalledModel", "MissingModelError", "ModelError", "TranslateStage", "TranslationCache", "Translator",
    "install_file", "install_from_index", "list_models", "models_dir", "remove_model", "translate_batch",
    "translate_text",
]


@lru_cache(maxsize=4)
def _translator(models: str, cache: str) -> Translator:
    return Translator(models_dir=models, cache=TranslationCache(cache))


def _default_translator() -> Translator:
    """One per models directory and cache file (both can change through the environment)."""
    return _translator(str(models_dir()), str(default_cache_path()))


def translate_batch(texts: list[str], *, source: str, target: str = "en") -> list[str]:
    """Translate many texts from ``source`` to ``target`` in one batched call (models from
    :func:`models_dir`, cached). Raises :class:`MissingModelError` naming the install command."""
    return _default_translator().translate(list(texts), source, target)


def translate_text(text: str, *, source: str | None = None, target: str = "en") -> str:
    """Translate one text; ``source=None`` detects its language first (``und`` or ``zxx``:
    returned as is)."""
    if source is None:
        source = detect_language(text)
        if source in (UNDETERMINED, NO_LANGUAGE):
            return text
    return translate_batch([text], source=source, target=target)[0]
