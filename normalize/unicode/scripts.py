"""Unicode scripts of letters, and the languages each script leaves as candidates.

A script settles many languages on its own (Greek, Hangul, Thai…); for the others it narrows the
candidates a model has to choose between.

>>> dominant_script("Последние новости недели")
'Cyrillic'
>>> dominant_script("Share to Twitter एक बार अवंतिपुर में साधु")  # page chrome around Hindi
'Devanagari'
>>> SINGLE_LANGUAGE_SCRIPTS["Hangul"], sorted(CANDIDATES["Devanagari"])
('ko', ['hi', 'mr'])
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
    "Bengali": "bn", "Kana": "ja", "Kannada": "kn", "Malayalam": "ml", "Han": "zh",
}

#: The languages a model chooses between, by script (the 75 of the lingua test set and more).
CANDIDATES: dict[str, frozenset[str]] = {
    "Latin": frozenset(
        "af az bs ca cs cy da de en eo es et eu fi fr ga hr hu id is it la lg lt lv mi ms nb nl "
        "nn pl pt ro sk sl sn so sq st sv sw tl tn tr ts vi xh yo zu".split()
    ),
    "Cyrillic": frozenset("be bg kk mk mn ru sr uk".split()),
    "Arabic": frozenset("ar fa ur".split()),
    "Devanagari": frozenset("hi mr".split()),
}
for _script, _lang in SINGLE_LANGUAGE_SCRIPTS.items():
    CANDIDATES[_script] = frozenset({_lang})

#: Every language the detector can answer.
LANGUAGES = frozenset().union(*CANDIDATES.values())

# A non-Latin script holding this share of the letters wins over Latin page chrome around it.
_NON_LATIN_SHARE = 0.2
#: Letters outside the Latin blocks (or among rare ones) that living Latin orthographies write:
#: ə, ɛ, ɔ of African languages, Vietnamese ơ ư, Pinyin ǎ, Romanian ș ț.
ORTHOGRAPHY_LETTERS = frozenset("ƏəƐɛƆɔƉɖƊɗƓɠƔɣƲʋƁɓƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜȘșȚț")
# Scripts that legitimately share one word (Japanese mixes kanji and kana), as one writing system.
_WRITING_SYSTEMS = {"Han": "CJK", "Kana": "CJK", "Hangul": "CJK"}


@lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The script of a letter: a name, ``"Other"`` for letters of scripts we do not tell apart,
    ``None`` for anything that is not a letter."""
    if not char.isalpha():
        return None
    code = ord(char)
    for first, last, script in _RANGES:
        if first <= code <= last:
            return script
    return "Other"


@lru_cache(maxsize=8192)
def writing_system(char: str) -> str | None:
    """The script of a letter as words mix them: Han, kana and Hangul are one, ``"CJK"``; the
    letters of :data:`ORTHOGRAPHY_LETTERS` are Latin; None for anything that is not a letter.

    >>> writing_system("ж"), writing_system("漢"), writing_system("ɛ"), writing_system("1")
    ('Cyrillic', 'CJK', 'Latin', None)
    """
    if char in ORTHOGRAPHY_LETTERS:
        return "Latin"  # ə, ɛ, ɔ sit in the IPA block but are letters of Latin orthographies
    script = script_of(char)
    return _WRITING_SYSTEMS.get(script, script) if script else None


def main_script(text: str) -> str | None:
    """The writing system (:func:`writing_system`) most letters of ``text`` are in; None
    without letters; a tie goes to the one met first. What a text is written in, where
    :func:`dominant_script` is the script that says most about its language.

    >>> main_script("Новости 2024"), main_script("2024"), main_script("東京はどこ")
    ('Cyrillic', None, 'CJK')
    >>> main_script("ab вг"), main_script("вг ab")  # a tie, whatever the process's hash seed
    ('Latin', 'Cyrillic')
    """
    counts = Counter(writing_system(c) for c in text if c.isalpha())
    return counts.most_common(1)[0][0] if counts else None


def script_counts(text: str) -> Counter[str]:
    """Letters of each script in ``text`` (``"Other"`` included: the total counts letters).

    >>> script_counts("Ok, Москва!")
    Counter({'Cyrillic': 6, 'Latin': 2})
    """
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():  # each distinct character looked up once
        script = script_of(char)
        if script:
            counts[script] += n
    return counts


def dominant_script(text: str, counts: Counter[str] | None = None) -> str | None:
    """The script that says most about the language of ``text`` (whose :func:`script_counts`
    may be passed); None without letters. Unlike :func:`main_script`, kana wins over kanji
    (Japanese, not Chinese), and a non-Latin script holding a fifth of the letters wins over
    Latin chrome around it."""
    counts = Counter(script_counts(text) if counts is None else counts)
    counts.pop("Other", None)
    if not counts:
        return None
    if counts.get("Kana"):
        return "Kana"  # Japanese mixes kanji and kana; kana says Japanese, not Chinese
    total = sum(counts.values())
    script, count = max(((s, n) for s, n in counts.items() if s != "Latin"), key=lambda x: x[1],
                        default=("Latin", 0))
    if script != "Latin" and count >= _NON_LATIN_SHARE * total:
        return script
    return counts.most_common(1)[0][0]
