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

from functools import lru_cache

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


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return build_pipeline()


def normalize_document(text_or_bytes: str | bytes, *, id: str | None = None, html: bool | None = None) -> Document:
    """Run the whole pipeline on one document.

    ``html``: True for an HTML page, False for plain text, None to decide from the content.
    Problems are reported in ``Document.errors``; this function does not raise for bad input.
    """
    doc = Document(id=id or "document", source=id or "", raw=text_or_bytes, is_html=html)
    return _default_pipeline().process(doc)
