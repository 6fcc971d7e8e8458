"""One config object for a run, like ftfy's ``TextFixerConfig``: every option in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from .langid.config import LanguageConfig
from .read.reader import ReadConfig


@dataclass(frozen=True)
class Config:
    """Options for a whole run. Stages read the fields they care about."""

    read: ReadConfig = field(default_factory=ReadConfig)
    language: LanguageConfig = field(default_factory=LanguageConfig)
    #: Keep the readers' comments under a web page's article (a product page's customer reviews)
    #: in its body (default: boilerplate, as WCXB's annotators have it; trafilatura's
    #: ``include_comments``).
    comments: bool = False
    #: Translate foreign segments into this language (None: no translation stage).
    translate_to: str | None = None
    #: Where translation models live (None: $NORMALIZE_MODELS_DIR, else the user data dir).
    models_dir: str | None = None
    #: CTranslate2 device: cpu, cuda or auto (cuda when a GPU is visible).
    translate_device: str = "auto"
    #: CPU threads per translation model (0: CTranslate2's default).
    translate_threads: int = 0
    #: Reuse and store sentence translations in the persistent cache.
    translate_cache: bool = True
    #: A foreign segment without a model is an error (exit status 1), not a warning.
    require_translation: bool = False
    #: Documents whose segments are translated together (the translation stage's batch, and so
    #: a worker's chunk when translating): 64 documents hold a few hundred sentences, where
    #: scripts/bench_translate.py shows batched throughput levelling off.
    translate_window: int = 64
