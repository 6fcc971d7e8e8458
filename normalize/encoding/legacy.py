"""A line of legacy code page text read in the wrong code page: re-decode it if plausible.

Text written in one single-byte code page and read in another (``Íîâîñòè``: cp1251 read
as cp1252). Single-byte decoding always succeeds, so only the character statistics can tell:
the line is re-decoded only when the result is no odder (:func:`~.plausibility.oddity`), the
words that change read clearly more plausible (:func:`~.plausibility.plausibility`), the whole
line more ordinary in some language (:func:`~.plausibility.fluency`), and the reading brings
in no script the rest of the line does not use (:func:`~.plausibility.brings_in_script`).
Cheap signs are checked first, so that clean lines almost never get scored.

>>> fix_legacy_mojibake("Ïîñëåäíèå íîâîñòè íåäåëè")
('Последние новости недели', 'cp1251')
>>> fix_legacy_mojibake("Ayrýca geçmiþten bugüne köklenerek gelen milli kimliðimizi")
('Ayrıca geçmişten bugüne köklenerek gelen milli kimliğimizi', 'cp1254')
>>> fix_legacy_mojibake("вЕЪХНОБС ЦЕОЭЙОБ УТБЦБМБУШ ЙЪП ЧУЕИ УЙМ")
('Безумная женщина сражалась изо всех сил', 'koi8_r')
>>> fix_legacy_mojibake("Il a été à la plage, très joli. Það er gott.")
('Il a été à la plage, très joli. Það er gott.', None)
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..unicode.charsets import LEGACY, MISREAD_AS, codec
from ..unicode.plausibility import (
    JUDGED_CHARS,
    brings_in_script,
    fits_one_alphabet,
    fluency,
    in_alphabet_without_statistics,
    is_common_letter,
    is_garble,
    non_ascii_letters,
    oddity,
    plausibility,
)

# How much better a re-decoded line must read: the words it changes more plausible (ordinary
# letter pairs less signs of damage, so ¿ glued into uwa¿a counts), and the whole line more
# ordinary (which ties them to one language); chosen on the dev lines, checked on fresh ones
# (commit 97bb857). On bench_repair.py's 136 legacy rows (134 right): MIN_WORD_GAIN 0.1 / 0.5
# gives 134 / 132, MIN_LINE_GAIN 0.02 / 0.08 gives 134 / 130, and no clean row changes at any.
MIN_WORD_GAIN, MIN_LINE_GAIN = 0.25, 0.04
# Cheap signs that a line may be read in the wrong code page, checked before any scoring. Read
# as cp1252: a symbol or C1 control that legacy code pages use for letters, glued to a letter
# (mi³o, opä\x9d). Read as cp1251 (KOI8 swaps case there): lower case then upper inside a
# word (вЕЪХНОБС), or a long run of capitals.
_LETTER_SYMBOLS = re.compile("[\x80-\x9f¹²³¿º¾¼½¥£¦¨¯´¸¤¬ª]")
# Letters of cp1252 that other code pages have other letters for (Czech č, ě read as è, ì;
# Latvian ā, ē, ī read as â, ç, î): a pair of them no language has seen is a sign too.
_AMBIGUOUS_LETTERS = re.compile("[ÀÂÃÅÆÇÈÊÌÎÏÐÑÒÔÕØÙÛÝÞàâãåæçèêìîïðñòôõøùûýþ]")
# Such a letter inside a word (not a word of its own, like the Ã of "C O N C L U S Ã O"):
# worth scoring, since some code page reads it as another letter (Lithuanian dalykø, dalykų).
_AMBIGUOUS_IN_WORD = re.compile(
    rf"(?<=[^\W\d_]){_AMBIGUOUS_LETTERS.pattern}|{_AMBIGUOUS_LETTERS.pattern}(?=[^\W\d_])")
#: A run of this many Cyrillic capitals is a sign of KOI8 read as cp1251 (which swaps case):
#: a gate only (commit 34f71a9): a line it lets through is still scored before anything changes.
CAPITALS_RUN = 4
_CYRILLIC_CASE_SWAPPED = re.compile(f"[а-яё][А-ЯЁ]|[А-ЯЁ]{{{CAPITALS_RUN},}}")


def _changed_words(original: str, candidate: str) -> tuple[str, str]:
    """The words that differ between two equally long texts, from each."""
    pairs = [(a, b) for a, b in zip(original.split(" "), candidate.split(" ")) if a != b]
    return " ".join(a for a, _ in pairs), " ".join(b for _, b in pairs)


def _looks_misread(line: str, misread_as: str, letters: set[str]) -> bool:
    """Cheap signs worth scoring for (``letters``: the line's :func:`non_ascii_letters`). Read as
    cp1252: letters no one language uses together, a symbol glued to a letter, or a letter pair
    no language has. Read as cp1251: Cyrillic case gone wrong."""
    if misread_as == "cp1251":
        return bool(_CYRILLIC_CASE_SWAPPED.search(line))
    return (
        not fits_one_alphabet(letters)
        or _symbol_glued_to_letter(line)
        or bool(_AMBIGUOUS_IN_WORD.search(line))
    )


def _symbol_glued_to_letter(line: str) -> bool:
    for match in _LETTER_SYMBOLS.finditer(line):
        i = match.start()
        if (i and line[i - 1].isalpha()) or line[i + 1 : i + 2].isalpha():
            return True
    return False


@lru_cache(maxsize=None)
def _outside_repertoire(misread_as: str) -> re.Pattern[str]:
    """A character the code page cannot encode (a quicker test than encoding and failing)."""
    repertoire = bytes(range(0x100)).decode(codec(misread_as))
    return re.compile("[^" + "".join(re.escape(c) for c in repertoire) + "]")


def _candidates(line: str, letters: set[str]):
    """Re-decodings of ``line`` as (the code page that misread it, the one it was written in,
    the text), for each code page that could have misread it and where it looks misread."""
    for misread_as in MISREAD_AS:
        if _outside_repertoire(misread_as).search(line) or not _looks_misread(line, misread_as, letters):
            continue
        data = line.encode(codec(misread_as))
        for written_in in LEGACY:
            if written_in != misread_as:
                candidate = data.decode(codec(written_in))
                if candidate != line and len(candidate) == len(line):
                    yield misread_as, written_in, candidate


def fix_legacy_mojibake(line: str) -> tuple[str, str | None]:
    """Re-decode ``line`` if it is legacy-encoded text read in the wrong code page; also the
    code page it was written in (None when the line stays as it is). A long line is judged on
    its start."""
    if line.isascii():
        return line, None
    sample = line[:JUDGED_CHARS]
    sample_fluency = None
    best, best_gain = None, MIN_LINE_GAIN
    # A line in an alphabet the statistics do not cover reads worse than it is. Where it has
    # letters no language with statistics uses (Icelandic ð, þ), it is left alone; where all
    # its letters are common ones (Yoruba's accented vowels, which are also Czech sedìli read
    # as cp1252), a reading must at least spell one language's alphabet (seděli does, Yoruba
    # nkòkòrò -> nkňkňrň beside ŕ does not).
    letters = non_ascii_letters(sample)
    unscored = in_alphabet_without_statistics(letters, sample)
    if unscored and not all(map(is_common_letter, letters)):
        return line, None
    for misread_as, written_in, candidate in _candidates(sample, letters):
        before, after = _changed_words(sample, candidate)
        if oddity(after) > oddity(before):
            continue
        if not plausibility(after) - plausibility(before) > MIN_WORD_GAIN:  # also false for nan (no letters)
            continue
        if brings_in_script(sample, candidate):  # a script the line's language does not use
            continue
        if unscored and not fits_one_alphabet(non_ascii_letters(candidate)):
            continue
        if sample_fluency is None:
            sample_fluency = fluency(sample)
        gain = fluency(candidate) - sample_fluency
        if gain > best_gain and gain != math.inf:
            best, best_gain = (misread_as, written_in, candidate), gain
    if best is None or not _reads_as_text(best[2], sample):
        return line, None
    misread_as, written_in, _ = best
    return line.encode(codec(misread_as)).decode(codec(written_in)), written_in


def _reads_as_text(candidate: str, line: str) -> bool:
    """A re-decoded line must be no odder than the line as a whole, and read as text rather
    than garble: fewer signs of damage than one per five characters."""
    return oddity(candidate) <= oddity(line) and not is_garble(candidate)
