"""Unicode scripts of letters, and the languages a script settles on its own.

>>> dominant_script("Заголовок открываемого материала")
'Cyrillic'
>>> SINGLE_LANGUAGE_SCRIPTS["Hangul"]
'ko'
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

# (first code point, last code point, script) for the scripts the detector tells apart.
_RANGES = [
    (0x0041, 0x024F, "Latin"), (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"), (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"), (0x0A80, 0x0AFF, "Gujarati"), (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"),
    (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"),
    (0x1E00, 0x1EFF, "Latin"), (0x1F00, 0x1FFF, "Greek"), (0x3040, 0x309F, "Kana"),
    (0x30A0, 0x30FF, "Kana"), (0x3130, 0x318F, "Hangul"), (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"), (0xAC00, 0xD7AF, "Hangul"), (0xF900, 0xFAFF, "Han"),
    (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"), (0xFF66, 0xFF9F, "Kana"),
]

SINGLE_LANGUAGE_SCRIPTS = {
    "Greek": "el", "Hebrew": "he", "Hangul": "ko", "Thai": "th", "Georgian": "ka",
    "Armenian": "hy", "Gujarati": "gu", "Gurmukhi": "pa", "Tamil": "ta", "Telugu": "te",
    "Bengali": "bn", "Kana": "ja", "Kannada": "kn", "Malayalam": "ml",
}


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The script of a letter, or None for anything that is not a letter we know."""
    if not char.isalpha():
        return None
    code = ord(char)
    for first, last, script in _RANGES:
        if first <= code <= last:
            return script
    return "Other"


def script_counts(text: str) -> Counter[str]:
    return Counter(s for s in map(script_of, text) if s)


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    if not counts:
        return None
    if counts.get("Kana") and counts.get("Han"):
        return "Kana"  # Japanese mixes kanji and kana; kana alone says Japanese
    return counts.most_common(1)[0][0]


_MODEL_SCRIPTS = {
    "Cyrillic": {"ru", "uk", "bg", "mk", "sr", "be", "kk", "ky", "mn", "tg", "tt", "ba"},
    "Arabic": {"ar", "fa", "ur", "ps", "ug", "ku"},
    "Devanagari": {"hi", "mr", "ne", "sa"},
    "Han": {"zh"},
}
_SCRIPT_OF_LANGUAGE = {lang: script for script, lang in SINGLE_LANGUAGE_SCRIPTS.items()}
_SCRIPT_OF_LANGUAGE.update({lang: script for script, langs in _MODEL_SCRIPTS.items() for lang in langs})


def script_of_language(lang: str) -> str:
    """The script a language is usually written in (Latin unless known otherwise).

    >>> script_of_language("uk"), script_of_language("de")
    ('Cyrillic', 'Latin')
    """
    return _SCRIPT_OF_LANGUAGE.get(lang, "Latin")
