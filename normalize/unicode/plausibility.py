"""How plausible a text is as written language: the evidence repair decisions rest on.

Two measures, both computed without knowing which text is "right":

* :func:`oddity`: language-free signs of damage, per character: control and unassigned code
  points, symbols glued to letters (``Ã©``, ``√§``, ``п╬``), punctuation inside a word
  (``mo·e``), combining marks on no letter or on a letter of another script, a word that
  switches script (``Cafй``) or from lower to upper case (``вЕЪХНОБС``), letters from blocks
  that text almost never uses (IPA, NKo), a line whose words are in two scripts.
* :func:`fluency`: how ordinary the letter pairs are in the best-fitting language, from the
  character statistics langdetect ships for 55 languages (log frequency of each letter bigram,
  averaged). ``Íîâîñòè`` is no language's Latin; ``Новости`` is ordinary Russian.

>>> oddity("Café au lait") == 0
True
>>> oddity("CafÃ© au lait") > 0
True
>>> fluency("Последние новости недели") > fluency("Ïîñëåäíèå íîâîñòè íåäåëè")
True
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from .scripts import CANDIDATES, ORTHOGRAPHY_LETTERS, main_script, script_of
from .scripts import writing_system as _script
from .words import normal_words

# Letters text almost never uses; mojibake decodes into them (Latin Extended-B, IPA, Syriac,
# Thaana, NKo, half-width katakana), except those of living orthographies (Vietnamese, Pinyin,
# Romanian, African).
_RARE_LETTER_RANGES = ((0x0180, 0x02AF), (0x0700, 0x08FF), (0xFF61, 0xFF9F))
# Zero-width (non-)joiners: like combining marks, they belong inside words of some scripts only.
_JOINERS = "\u200c\u200d"
# Punctuation that text uses like symbols, never touching a word: § ¶ † ‡ • ‰.
_SYMBOL_LIKE_PUNCTUATION = frozenset("§¶†‡•‰")
# Punctuation that belongs inside words: apostrophes, hyphens.
_WORD_PUNCTUATION = frozenset("'’‘-‐‑.")
# Characters a judgement looks at: enough for any language, bounded work for huge lines (commit
# daf8777: a line of megabytes cost minutes; bench_repair.py's lines are all shorter).
JUDGED_CHARS = 4000
# What a sign of damage per character costs against the average log frequency of letter pairs
# (set by hand when decode began to rank readings, commit 35a7709). On bench_repair.py's 1,930
# text rows 2.5 and 10 give the same 1,917 right; of its 294 byte rows 2.5 gives 289 right, 5 and
# 10 give 290 (the constant set for one run, ours counted as bench_repair.py counts).
ODDITY_WEIGHT = 5.0
#: A text is garble from one sign of damage per this many characters on (ftfy's "hopeless
#: garble" case, commit e18a46f). Of bench_repair.py's 1,930 text rows (mojibake_dev, 1,917 right
#: with the defaults), 3 gives the same, 10 one legacy row less.
GARBLE_CHARS_PER_SIGN = 5
# Weights of the signs of damage, in "how sure is this damage" units, set by hand with the
# first plausibility score (commit 97bb857). Each at half or double changes at most one of
# bench_repair.py's 1,930 text rows (glued symbol at half, script switch at double: one legacy
# row less); they were not re-measured on decode's byte readings.
_CONTROL, _GLUED_SYMBOL, _SCRIPT_SWITCH, _CASE_SWITCH, _RARE_LETTER, _FOREIGN_WORD = 3.0, 2.0, 2.0, 1.0, 2.0, 0.5


@lru_cache(maxsize=8192)
def _char_class(char: str) -> str:
    """L (letter), R (rare letter), M (mark), S (symbol), P (non-ASCII punctuation that is
    no quote or bracket), C (control, unassigned, private use), or space for the rest."""
    if char.isalpha():
        code = ord(char)
        if char not in ORTHOGRAPHY_LETTERS and any(first <= code <= last for first, last in _RARE_LETTER_RANGES):
            return "R"
        return "L"
    category = unicodedata.category(char)
    if category in ("Cc", "Cn", "Co", "Cs") and char not in "\t\n\r":
        return "C"
    if category == "Mn" or char in _JOINERS:
        return "M"
    if category[0] == "S" or category in ("No", "Cf") or char in _SYMBOL_LIKE_PUNCTUATION:
        return "S"
    if category in ("Po", "Pd", "Pc") and char not in _WORD_PUNCTUATION and ord(char) > 0x7F:
        return "P"
    return " "


def is_rare_letter(char: str) -> bool:
    return _char_class(char) == "R"


@lru_cache(maxsize=4096)
def _mark_fits(mark: str, letter: str) -> bool:
    """Whether a combining mark can sit on the letter: generic marks fit any, script marks
    (Arabic harakat, Hebrew points, Indic vowel signs) only their own script, zero-width
    joiners scripts that join letters (Arabic, Indic)."""
    if mark in _JOINERS:
        return script_of(letter) not in ("Latin", "Cyrillic", "Greek")
    owner = unicodedata.name(mark, "COMBINING").split()[0]
    return owner == "COMBINING" or owner == (script_of(letter) or "").upper()


def is_garble(text: str) -> bool:
    """Whether ``text`` reads as garble rather than text: a sign of damage per five characters
    or more. A repair that leaves garble has not found the text (ftfy's "hopeless garble").

    >>> is_garble("ã†’ãƒâ€ ã¢€™ãƒæ’ã‚â¢"), is_garble("Café au lait")
    (True, False)
    """
    return oddity(text) * GARBLE_CHARS_PER_SIGN >= len(text)


def oddity(text: str) -> float:
    """Signs of damage in ``text`` (0 for ordinary text); higher is more damaged.

    >>> oddity("Ayrıca geçmişten bugüne")
    0.0
    >>> oddity("вЕЪХНОБС ЦЕОЭЙОБ") > 0 and oddity("пёя─п╬п╢") > 0
    True
    """
    score = 0.0
    infos = [_char_info(c) for c in text]
    word_scripts: list[str | None] = []
    previous = (" ", None, False)
    for i, info in enumerate(infos):
        cls, script, upper = info
        if cls in "LR":
            if cls == "R":
                score += _RARE_LETTER
            if previous[0] not in "LR":
                word_scripts.append(script)  # a word starts
            elif previous[1] != script and not _look_alike(text[i - 1], text[i]):
                score += _SCRIPT_SWITCH
            elif upper and not previous[2] and text[i - 1].islower():
                score += _CASE_SWITCH
        elif cls == "C":
            score += _CONTROL
        elif cls == "M":
            if previous[0] not in "LRM" or (previous[0] in "LR" and not _mark_fits(text[i], text[i - 1])):
                score += _SCRIPT_SWITCH  # a mark on no letter, or on a letter of another script
        elif cls in "SP":
            following = infos[i + 1][0] if i + 1 < len(infos) else " "
            if _glued(text, i, cls, previous[0] in "LRM", following in "LRM"):
                score += _GLUED_SYMBOL
        previous = info
    if word_scripts:
        main = max(set(word_scripts), key=word_scripts.count)
        score += _FOREIGN_WORD * sum(s != main for s in word_scripts)
    return score


def _glued(text: str, i: int, cls: str, after_letter: bool, before_letter: bool) -> bool:
    """Whether the symbol or punctuation mark ``text[i]`` is where text does not put it: a
    symbol touching a letter (``Ã©``); punctuation inside a word (``mo·e``), except the
    Catalan ``l·l``; an inverted ``¿`` or ``¡`` anywhere but at the start of a word (``ju¿``)."""
    if cls == "S":
        return after_letter or before_letter
    if text[i] in "¿¡":
        return after_letter
    return after_letter and before_letter and text[i - 1 : i + 2].lower() != "l·l"


def _look_alike(a: str, b: str) -> bool:
    """Latin i typed for Ukrainian and Belarusian і inside a Cyrillic word (``повiрити``) is
    common in real text, not damage."""
    return (a in "iI" and _script(b) == "Cyrillic") or (b in "iI" and _script(a) == "Cyrillic")


@lru_cache(maxsize=8192)
def _char_info(char: str) -> tuple[str, str | None, bool]:
    """What :func:`oddity` needs of a character: its class, script and whether it is upper case."""
    return _char_class(char), _script(char), char.isupper()


#: A letter is in a language's alphabet when its profile sees it more than once in 5,000 letters.
#: Set by hand with the repair package (commit 34f71a9, judged by bench_repair.py); in the
#: profiles it keeps Czech ``ď`` (2.3e-4 of letters) and French ``ï`` (2.1e-4) and drops French
#: ``û`` (1.8e-4) and the Cyrillic of Latin profiles (below 2e-4): a figure at the edge. 1e-4 and
#: 4e-4 give the same 1,917 of bench_repair.py's 1,930 text rows and 290 of its 294 byte rows.
ALPHABET_SHARE = 2e-4
#: A bigram a language never recorded scores this far (in natural log units: e² ≈ 7 times rarer)
#: below its rarest recorded one. Set by hand with the first plausibility score (commit 97bb857).
#: Of bench_repair.py's 1,930 text / 294 byte rows, 1 gives 1,916 / 288 right, 2 1,917 / 290, 4
#: 1,917 / 289.
UNSEEN_BIGRAM_MARGIN = 2.0


@lru_cache(maxsize=1)
def _profiles() -> tuple[tuple[dict[str, int], np.ndarray, dict[str, np.ndarray]], list[frozenset[str]]]:
    """langdetect's profiles, read once: the letter-bigram models (:func:`_bigram_models`) and
    the alphabets (:func:`_alphabets`)."""
    import langdetect

    tables, scripts, alphabets = [], [], []
    for path in sorted((Path(langdetect.__file__).parent / "profiles").iterdir()):
        profile = json.loads(path.read_text(encoding="utf-8"))
        freq: dict[str, int] = profile["freq"]
        total = profile["n_words"][1]
        bigrams: dict[str, int] = {}
        for gram, count in freq.items():
            if len(gram) == 2:
                bigrams[gram.lower()] = bigrams.get(gram.lower(), 0) + count
        letters = sorted((g for g in freq if len(g) == 1 and g.isalpha()), key=freq.__getitem__, reverse=True)
        scripts.append(_script(letters[0]) if letters else None)
        floor = math.log(min(bigrams.values()) / total) - UNSEEN_BIGRAM_MARGIN  # rarer than anything it recorded
        tables.append(({gram: math.log(count / total) for gram, count in bigrams.items()}, floor))
        n_letters = profile["n_words"][0]
        alphabet = {g.lower() for g, n in freq.items() if len(g) == 1 and g.isalpha() and n / n_letters > ALPHABET_SHARE}
        alphabets.append(frozenset(c for c in alphabet if not c.isascii()))
    index = {gram: i for i, gram in enumerate(sorted({g for logs, _ in tables for g in logs}))}
    matrix = np.empty((len(index) + 1, len(tables)))
    for column, (logs, floor) in enumerate(tables):
        matrix[:, column] = floor
        for gram, value in logs.items():
            matrix[index[gram], column] = value
    masks = {script: np.array([s == script for s in scripts]) for script in set(scripts)}
    return (index, matrix, masks), alphabets


def _bigram_models() -> tuple[dict[str, int], np.ndarray, dict[str, np.ndarray]]:
    """Log frequencies of lower-case letter bigrams (space marks a word edge) per language:
    the row index of each bigram, the matrix (one row per bigram, one column per language, the
    last row for bigrams never seen), and per script a mask of the languages written in it."""
    return _profiles()[0]


def _alphabets() -> list[frozenset[str]]:
    """The non-ASCII lower-case letters of each language: those its profile sees at least once
    in 5,000 letters (:data:`ALPHABET_SHARE`)."""
    return _profiles()[1]


def non_ascii_letters(text: str) -> set[str]:
    """The distinct non-ASCII letters of ``text``, in lower case."""
    return {c.lower() for c in set(text) if c > "\x7f" and c.isalpha()}


def is_common_letter(char: str) -> bool:
    """Whether some language with statistics uses the letter at least once in 5,000 (or it is
    ASCII): ``å`` is common, ``ŗ`` is not."""
    return char.isascii() or char.lower() in _common_letters()


@lru_cache(maxsize=1)
def _common_letters() -> frozenset[str]:
    return frozenset().union(*_alphabets())


def has_unseen_pair(text: str, at: re.Pattern[str]) -> bool:
    """Whether a letter ``at`` matches forms, with a letter next to it, a pair no language's
    statistics have seen (``èk`` in ``poèkanie``, which is ``počkanie`` read as cp1252).

    >>> accents = re.compile("[à-ÿ]")
    >>> has_unseen_pair("na poèkanie", accents), has_unseen_pair("très fidèle", accents)
    (True, False)
    """
    index = _bigram_models()[0]
    for match in at.finditer(text):
        i = match.start()
        for pair in (text[i - 1 : i + 1] if i else "", text[i : i + 2]):
            if len(pair) == 2 and pair.isalpha() and pair.lower() not in index:
                return True
    return False


def fits_one_alphabet(letters: set[str]) -> bool:
    """Whether these non-ASCII letters could all come from one language's alphabet.

    >>> fits_one_alphabet(set("čš")), fits_one_alphabet(set("èš"))
    (True, False)
    """
    return any(letters <= alphabet for alphabet in _alphabets())


@lru_cache(maxsize=8192)
def _bigram_char(char: str) -> str:
    """The character as the bigram tables know it: letters (Han ideographs as langdetect's
    representative of their frequency class), and the non-ASCII symbols, controls and spaces
    :func:`oddity` counts when glued into a word (mi³o, mo·e, vi\xa0e), which make odd bigrams;
    a space for the rest."""
    if _script(char) == "CJK":
        from langdetect.utils.ngram import NGram

        return NGram.normalize(char)
    if char.isalpha() or (ord(char) > 0x7F and (_char_class(char) in "SC" or char.isspace())):
        return char
    return " "


def _bigrams(text: str) -> list[str]:
    # The dot "İ".lower() leaves on the i is dropped: it would split the word.
    words = [w for w in "".join(map(_bigram_char, text.lower().replace("\u0307", ""))).split(" ") if w]
    return [pair for word in words for pair in (f" {word}"[i : i + 2] for i in range(len(word))) ] + [
        f"{word[-1]} " for word in words
    ]


# Scripts whose punctuation and signs are named after them (ARABIC COMMA, HEBREW PUNCTUATION
# PASEQ); Latin is left out: its punctuation is everyone's.
_NAMED_SCRIPTS = frozenset(CANDIDATES) - {"Latin"}


def char_script(char: str) -> str | None:
    """The script of a letter, or of a non-Latin script's punctuation (Arabic ``؟``, Hebrew
    ``׀``); None for digits, spaces and the symbols every script shares."""
    if char.isalpha():
        return _script(char)
    if char.isascii():
        return None
    owner = unicodedata.name(char, "").split(" ")[0].capitalize()  # ARABIC QUESTION MARK
    return owner if owner in _NAMED_SCRIPTS else None


def brings_in_script(original: str, candidate: str) -> bool:
    """Whether a re-reading of ``original`` (as long as it) puts in characters of a script that
    is neither the main script of the reading nor used in the rest of the line: Polish
    ``uwa¿a`` read as ``uwa؟a`` (Arabic), ``TÐ°tarnikov`` as ``T׀°tarnikov`` (Hebrew). No
    language's code page writes a word that way.

    >>> brings_in_script("uwa¿a, ¿e", "uwa؟a, ؟e"), brings_in_script("Íîâîñòè", "Новости")
    (True, False)
    """
    main = main_script(candidate)
    kept = {char_script(a) for a, b in zip(original, candidate) if a == b}
    for a, b in zip(original, candidate):
        if a != b:
            script = char_script(b)
            if script is not None and script != main and script not in kept:
                return True
    return False


def plausibility(text: str) -> float:
    """Ordinary letter pairs less the signs of damage per character: the single number that
    ranks readings of the same text.

    >>> plausibility("Последние новости") > plausibility("Ïîñëåäíèå íîâîñòè")
    True
    """
    return fluency(text) - ODDITY_WEIGHT * oddity(text[:JUDGED_CHARS]) / max(1, min(len(text), JUDGED_CHARS))


def fluency(text: str) -> float:
    """Average log frequency of the letter bigrams of ``text`` (its first few thousand
    characters) in the language they fit best (among languages of its main script); ``-inf``
    when there are no letters to judge.

    >>> round(fluency("the cat"), 1) > round(fluency("þe çat"), 1)
    True
    """
    text = text[:JUDGED_CHARS]
    main = main_script(text)
    index, matrix, masks = _bigram_models()
    if main not in masks:
        return -math.inf
    unseen = len(index)
    rows = matrix[[index.get(pair, unseen) for pair in _bigrams(text)]]
    return float(rows.mean(axis=0)[masks[main]].max())

# Languages langdetect has no statistics for, whose letters legacy code pages confuse: a text
# written only in such an alphabet, with letters from each group that marks the language, is
# left alone rather than judged unfairly. Icelandic ð, þ, ý are what Turkish ğ, ş, ı and Baltic
# š, ž become in cp1252, but those languages never write é, í, ó, ú. Yoruba marks tones with
# grave and acute accents on every vowel. (alphabet, mark groups)
_ALPHABETS_WITHOUT_STATISTICS = {
    "is": (frozenset("áéíóúýþæöð"), (frozenset("ðþ"), frozenset("éíóú"))),
    "yo": (frozenset("àáèéìíòóùúń"), (frozenset("àèìòù"), frozenset("áéíóú"))),
}
# A short Icelandic line may write none of é, í, ó, ú ("En það á að vera hægt að laga þetta."):
# then two of its commonest words written with ð or þ settle it (from the grammar: pronouns,
# conjunctions, prepositions and the commonest forms of vera, verða, hafa, koma and segja).
# Turkish ğ, ş and Baltic š, ž read as cp1252 spell hardly any of them (Turkish ağ and
# Lithuanian aš both give "að"), hence two.
# On the lingua test lines (../shared/data/langid/sentences/is.txt, 500), 20 were re-decoded as
# Turkish before; 13 are now left alone, and no line of any other language changes.
_WORDS_WITHOUT_STATISTICS = {
    "is": frozenset("að það þetta þessi þessa þess þeim þeir þær þau þeirra þú þig þér þín því þá þar "
                    "þegar þó þarf eða með við hvað verið verða orðið komið hafði hefði sagði síðan áður "
                    "aðeins".split()),
}


def in_alphabet_without_statistics(letters: set[str], text: str = "") -> bool:
    """Whether these non-ASCII letters (of ``text``, when given) spell a language the character
    statistics do not cover: letters from each of its mark groups, or two of its commonest
    words (:data:`_WORDS_WITHOUT_STATISTICS`).

    >>> in_alphabet_without_statistics(set("ðéþ")), in_alphabet_without_statistics(set("ýþ"))
    (True, False)
    >>> in_alphabet_without_statistics(set("ðþ"), "Gaman að heyra að það fari að fara vel um þig!")
    True
    """
    for lang, (alphabet, groups) in _ALPHABETS_WITHOUT_STATISTICS.items():
        if not letters <= alphabet:
            continue
        if all(letters & group for group in groups):
            return True
        words = _WORDS_WITHOUT_STATISTICS.get(lang)
        if words and text and len(words.intersection(normal_words(text).split())) >= 2:
            return True
    return False
