"""Mojibake repair by re-decoding, accepted only where the result is clearly more plausible.

Two kinds of damage, each undone by encoding the text back to the bytes it was read from and
decoding those bytes the right way:

* UTF-8 misread (:func:`fix_utf8_mojibake`): each run of characters that spells valid UTF-8 in
  one of the encodings UTF-8 gets misread as (``Ã©``, ``√§``, ``п╬``, ``Р’``) is decoded, word by
  word, wherever that makes the word less odd. A whole line, one word, or twice-encoded text.
* Legacy code page misread (:func:`fix_legacy_mojibake`): a whole line of text written in one
  single-byte code page and read in another (``Çàãîëîâîê``). Single-byte decoding always
  succeeds, so only the character statistics can tell: the line is re-decoded only when the
  result is no odder and its letter pairs are clearly more ordinary in some language.

>>> fix_utf8_mojibake("Gammelstua har søkt om tilskott pÃ¥ 210.000 kr.")
('Gammelstua har søkt om tilskott på 210.000 kr.', 1)
>>> fix_utf8_mojibake("Soviel Kreativit√§t, Unabh√§ngigkeit")
('Soviel Kreativität, Unabhängigkeit', 2)
>>> fix_legacy_mojibake("Çàãîëîâîê îòêðûâàåìîãî ìàòåðèàëà")
('Заголовок открываемого материала', 'cp1251')
>>> fix_legacy_mojibake("Ayrýca geçmiþten bugüne köklenerek gelen milli kimliðimizi")
('Ayrıca geçmişten bugüne köklenerek gelen milli kimliğimizi', 'cp1254')
>>> fix_legacy_mojibake("Il a été à la plage, très joli.")
('Il a été à la plage, très joli.', None)
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from .charsets import LEGACY, MISREAD_AS, UTF8_MISREAD_AS, codec
from .plausibility import (
    fits_one_alphabet,
    fluency,
    in_alphabet_without_statistics,
    is_rare_letter,
    main_script,
    non_ascii_letters,
    oddity,
)

# How much more ordinary (average log frequency of letter pairs) a re-decoded line must read:
# in the words it changes, and over the whole line (which ties them to one language).
MIN_WORD_GAIN, MIN_LINE_GAIN = 0.25, 0.04
# Passes over the text: twice-encoded text needs two.
MAX_PASSES = 3
_SPACE = re.compile(r"\s")
# Cheap signs that a line may be read in the wrong code page, checked before any scoring. Read
# as cp1252: a symbol or C1 control that legacy code pages use for letters, glued to a letter
# (mi³o, opä\x9d). Read as cp1251 (KOI8 swaps case there): lower case then upper inside a
# word (вЕЪХНОБС), or a long run of capitals.
_LETTER_SYMBOLS = re.compile("[\x80-\x9f¹²³¿º¾¼½¥£¦¨¯´¸¤¬ª]")
_CYRILLIC_CASE_SWAPPED = re.compile("[а-яё][А-ЯЁ]|[А-ЯЁ]{4,}")


@lru_cache(maxsize=None)
def _utf8_pattern(misread_as: str) -> re.Pattern[str]:
    """Runs of characters whose bytes in ``misread_as`` are well-formed multi-byte UTF-8."""

    def chars(first: int, last: int) -> str:
        decoded = bytes(range(first, last + 1)).decode(codec(misread_as), errors="ignore")
        return "[" + "".join(re.escape(c) for c in decoded) + "]"

    cont = chars(0x80, 0xBF)
    sequence = f"{chars(0xC2, 0xDF)}{cont}|{chars(0xE0, 0xEF)}{cont}{{2}}|{chars(0xF0, 0xF4)}{cont}{{3}}"
    return re.compile(f"(?:{sequence})+")


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited stretch of ``text`` holding ``text[start:end]``."""
    while start > 0 and not _SPACE.match(text[start - 1]):
        start -= 1
    while end < len(text) and not _SPACE.match(text[end]):
        end += 1
    return start, end


def _fits(decoded: str, context_script: str | None) -> bool:
    """Whether decoded characters can stand in the clean text around them: letters in the
    script of that text (no rare letters), punctuation and the symbols of general punctuation (€, ™, №); and more than a lone two-byte sequence when no
    text is around it (``—∞`` in ``2012—∞``)."""
    for char in decoded:
        if char.isalpha():
            if is_rare_letter(char) or (context_script and main_script(char) != context_script):
                return False
        elif not (unicodedata.category(char)[0] in "PZ" or 0x2000 <= ord(char) <= 0x214F or char in "©®°±×÷"):
            return False
    return context_script is not None or len(decoded.encode("utf-8")) > 2


def _lone_letter_out_of_place(decoded: str, run: str, rest_of_word: str) -> bool:
    """A single decoded letter (two bytes of UTF-8) in otherwise clean text is too little
    evidence where the run already reads as a letter standing alone (``10 Å°`` is ten
    ångströms) or where it would be a small letter among capitals (``MÄ£ÄM``, ``AHÅ™``)."""
    if len(decoded.encode("utf-8")) > 2 or not decoded.isalpha():
        return False
    letters = [c for c in rest_of_word if c.isalpha()]
    if not letters:
        return any(c.isalpha() for c in run)
    return decoded.islower() and len(letters) > 1 and all(c.isupper() for c in letters)


@lru_cache(maxsize=None)
def _utf8_prefilter() -> re.Pattern[str]:
    """A character that starts a multi-byte sequence followed by one that continues it, in any
    of the encodings UTF-8 is misread as: one quick scan that clean lines almost never pass."""

    def chars(first: int, last: int) -> set[str]:
        return {c for name in UTF8_MISREAD_AS for c in bytes(range(first, last + 1)).decode(codec(name), errors="ignore")}

    def cls(chars: set[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    return re.compile(cls(chars(0xC2, 0xF4)) + cls(chars(0x80, 0xBF)))


def _less_odd(before: str, after: str, *, joins_words: bool) -> bool:
    """Whether decoding makes a word less odd, or (with no space decoded away: ``SELKÄ\xa0EDELLÄ``
    is two words) as odd but made of more ordinary letter pairs (``Р’Рѕ`` to ``Во``)."""
    odd_before, odd_after = oddity(before), oddity(after)
    if odd_after != odd_before or joins_words:
        return odd_after < odd_before
    return fluency(after) > fluency(before)


def _utf8_decoding(run: str, misread_as: str) -> str | None:
    try:
        return run.encode(codec(misread_as)).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _redecode_utf8(text: str, misread_as: str) -> tuple[str, int]:
    runs = [(m, d) for m in _utf8_pattern(misread_as).finditer(text) if (d := _utf8_decoding(m.group(), misread_as))]
    if not runs:
        return text, 0
    bounds = [0, *(i for m, _ in runs for i in m.span()), len(text)]
    outside = "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    context_script = clean_script = main_script(outside)
    if context_script is None and len(runs) > 1:  # all mojibake: the runs are each other's context
        context_script = main_script("".join(d for _, d in runs))
    pieces, last, fixed = [], 0, 0
    for match, decoded in runs:
        if not _fits(decoded, context_script):
            continue
        start, end = _word_around(text, match.start(), match.end())
        before = text[start:end]
        rest_of_word = text[start : match.start()] + text[match.end() : end]
        if clean_script and _lone_letter_out_of_place(decoded, match.group(), rest_of_word):
            continue
        after = before[: match.start() - start] + decoded + before[match.end() - start :]
        if _less_odd(before, after, joins_words=_SPACE.search(match.group()) is not None):
            pieces += [text[last : match.start()], decoded]
            last = match.end()
            fixed += 1
    return "".join(pieces) + text[last:], fixed


def fix_utf8_mojibake(text: str) -> tuple[str, int]:
    """Decode the runs of ``text`` that are UTF-8 misread in another encoding; also the number
    of runs decoded."""
    total = 0
    if not _utf8_prefilter().search(text):
        return text, 0
    for _ in range(MAX_PASSES):
        fixed_in_pass = 0
        for misread_as in UTF8_MISREAD_AS:
            text, fixed = _redecode_utf8(text, misread_as)
            fixed_in_pass += fixed
        total += fixed_in_pass
        if not fixed_in_pass:
            break
    return text, total


def _changed_words(original: str, candidate: str) -> tuple[str, str]:
    """The words that differ between two equally long texts, from each."""
    pairs = [(a, b) for a, b in zip(original.split(" "), candidate.split(" ")) if a != b]
    return " ".join(a for a, _ in pairs), " ".join(b for _, b in pairs)


def _looks_misread(line: str, misread_as: str) -> bool:
    """Cheap signs worth scoring for. Read as cp1252: letters no one language uses together,
    or a symbol glued to a letter. Read as cp1251: Cyrillic case gone wrong."""
    if misread_as == "cp1251":
        return bool(_CYRILLIC_CASE_SWAPPED.search(line))
    letters = non_ascii_letters(line)
    if in_alphabet_without_statistics(letters):
        return False
    return not fits_one_alphabet(letters) or _symbol_glued_to_letter(line)


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


def _candidates(line: str):
    """Re-decodings of ``line`` (each with the code page it assumes), for each code page that
    could have misread it and where it looks misread."""
    for misread_as in MISREAD_AS:
        if _outside_repertoire(misread_as).search(line) or not _looks_misread(line, misread_as):
            continue
        data = line.encode(codec(misread_as))
        for written_in in LEGACY:
            if written_in != misread_as:
                candidate = data.decode(codec(written_in))
                if candidate != line and len(candidate) == len(line):
                    yield candidate, written_in


def fix_legacy_mojibake(line: str) -> tuple[str, str | None]:
    """Re-decode ``line`` if it is legacy-encoded text read in the wrong code page; also the
    code page it was written in (None when the line stays as it is)."""
    if line.isascii():
        return line, None
    line_fluency = None
    best, best_gain, best_encoding = line, MIN_LINE_GAIN, None
    for candidate, written_in in _candidates(line):
        before, after = _changed_words(line, candidate)
        if oddity(after) > oddity(before):
            continue
        if not fluency(after) - fluency(before) > MIN_WORD_GAIN:  # also false for nan (no letters)
            continue
        if line_fluency is None:
            line_fluency = fluency(line)
        gain = fluency(candidate) - line_fluency
        if gain > best_gain and gain != math.inf:
            best, best_gain, best_encoding = candidate, gain, written_in
    if best_encoding and not _reads_as_text(best, line):
        return line, None
    return best, best_encoding


def _reads_as_text(candidate: str, line: str) -> bool:
    """A re-decoded line must be no odder than the line as a whole, and read as text rather
    than garble: fewer signs of damage than one per five characters."""
    odd = oddity(candidate)
    return odd <= oddity(line) and odd * 5 < len(candidate)
