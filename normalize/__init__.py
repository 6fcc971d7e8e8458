"""normalize: offline, multilingual article normaliser and translator.

Turn scraped articles (plain-text dumps or HTML, any language, often damaged) into clean,
language-tagged text:

>>> import normalize
>>> doc = normalize.normalize_document("Home\\nBig Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said on Tuesday.\\nShare")
>>> doc.title, doc.lang, doc.text
('Big Storm Hits the Coast', 'en', 'The storm reached the coast on Monday night, officials said on Tuesday.')

Each stage is also usable alone: :func:`decode_bytes`, :func:`repair_text`, :func:`extract_html`,
:func:`clean_text`, :func:`detect_language`, :func:`detect_spans`, and offline translation:
:func:`translate_text`, :func:`translate_batch` (models: ``normalize models install``; without
one they raise :class:`MissingModelError`, whose message names the install command).
"""

from __future__ import annotations

import functools as _functools

from .boilerplate import clean_text, extract_html
from .config import Config
from .document import SCHEMA, Block, Document, Error, Repair, Segment, Span
from .encoding import NotTextError, decode_bytes, repair_text
from .langid import detect_language, detect_spans
from .pipeline import build_pipeline
from .stage import Pipeline
from .translate import MissingModelError, translate_batch, translate_text
from .write import to_record

__version__ = "0.1.0"

__all__ = [
    "SCHEMA", "Block", "Config", "Document", "Error", "MissingModelError", "NotTextError", "Pipeline", "Repair", "Segment",
    "Span", "build_pipeline", "clean_text", "decode_bytes", "detect_language", "detect_spans",
    "extract_html", "normalize_document", "repair_text", "to_record", "translate_batch", "translate_text",
]


#: Pipelines kept for :func:`normalize_document`, one per config (and, translating, per models
#: directory and cache): a process uses one or two configs, and a translating pipeline holds its
#: models (hundreds of MB each), so a few (set by hand, no measurement: room for a default and a
#: translating one, and a change of directory).
PIPELINES_KEPT = 4


def __dir__() -> list[str]:
    """The API only: not the modules and helpers the package is made of."""
    return sorted([*__all__, "__version__"])


@_functools.lru_cache(maxsize=PIPELINES_KEPT)
def _pipeline(config: Config, places: tuple[str, str] | None) -> Pipeline:
    """The pipeline of ``config``. ``places``: the models directory and the translation cache a
    translating pipeline would use, which ``$NORMALIZE_MODELS_DIR`` and ``$NORMALIZE_CACHE_DIR``
    can change between calls (as :func:`translate_text` keys its translators)."""
    return build_pipeline(config)


def _translation_places(config: Config) -> tuple[str, str] | None:
    """The models directory and cache file of a translating ``config`` (None: it does not translate)."""
    if not config.translate_to:
        return None
    from .translate.cache import default_cache_path
    from .translate.models import models_dir

    return str(models_dir(config.models_dir)), str(default_cache_path())


def normalize_document(text_or_bytes: str | bytes, *, id: str | None = None, html: bool | None = None,
                       config: Config | None = None, url: str | None = None, date: str | None = None) -> Document:
    """Run the whole pipeline on one document.

    ``html``: True for an HTML page, False for plain text, None to decide from the content.
    ``config``: the pipeline's options, e.g. ``Config(translate_to="en")`` to translate foreign
    segments (models: ``normalize models install``); its ``read`` part does not apply here.
    ``url``, ``date``: what is known of the document already (where it was fetched from, when it
    was published), evidence for its ``metadata`` like ``--url-field``/``--date-field``.
    Problems are reported in ``Document.errors``; this function does not raise for bad input.
    """
    config = config or Config()
    doc = Document(id=id or "document", source=id or "", raw=text_or_bytes, is_html=html)
    doc.given = {k: v for k, v in (("url", url), ("date", date)) if v}
    return _pipeline(config, _translation_places(config)).process(doc)
