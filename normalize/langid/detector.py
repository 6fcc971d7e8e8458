"""Which language is this text in? Script rules first, then langdetect, deterministic.

>>> detect_language("Заголовок открываемого материала")
'ru'
>>> detect_language("Israel and Russia intend to set up a working group.")
'en'
>>> detect_language("12 345 — https://example.com")
'und'
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..document import UNDETERMINED
from .scripts import SINGLE_LANGUAGE_SCRIPTS, dominant_script, script_counts, script_of_language

_URLS = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\w+")
_LANGDETECT_ALIASES = {"zh-cn": "zh", "zh-tw": "zh"}
_lock = threading.Lock()


@dataclass(frozen=True)
class Guess:
    lang: str
    confidence: float


UNKNOWN = Guess(UNDETERMINED, 0.0)


@lru_cache(maxsize=1)
def _factory():
    """langdetect's profiles, loaded once a process, with a fixed seed so every call agrees."""
    from langdetect.detector_factory import DetectorFactory, init_factory
    import langdetect.detector_factory as module

    init_factory()
    factory: DetectorFactory = module._factory
    factory.set_seed(0)
    return factory


def letters_of(text: str) -> str:
    return "".join(c for c in _URLS.sub(" ", text) if c.isalpha())


def identify(text: str, *, prior: str | None = None) -> Guess:
    """The language of ``text`` with a confidence in [0, 1]; ``und`` when there is too little.

    ``prior`` is the language expected from context (the document's main language): short,
    ambiguous text that could be in it is given to it.
    """
    text = unicodedata.normalize("NFKC", _URLS.sub(" ", text))
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters < 2:
        return UNKNOWN
    script = dominant_script(text)
    if script in SINGLE_LANGUAGE_SCRIPTS:
        return Guess(SINGLE_LANGUAGE_SCRIPTS[script], 0.99)
    if script == "Han":
        return Guess("zh", 0.9)
    if prior and letters < 20 and script_of_language(prior) == script:
        return Guess(prior, 0.5)  # a few words in the document's own script: trust the context
    probabilities = _langdetect(text)
    if not probabilities:
        return UNKNOWN
    lang, p = probabilities[0]
    if prior and prior != lang and letters < 40:
        for other, q in probabilities:
            if other == prior and q > 0.15:
                return Guess(prior, q)
    return Guess(lang, round(p, 4))


def _langdetect(text: str) -> list[tuple[str, float]]:
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:  # langdetect's factory is shared state
        detector = _factory().create()
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return []
    return [(_LANGDETECT_ALIASES.get(p.lang, p.lang), p.prob) for p in found]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``und``. Never raises."""
    try:
        return identify(text).lang
    except Exception:  # noqa: BLE001 - a detector must answer for any string
        return UNDETERMINED
