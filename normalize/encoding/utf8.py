"""UTF-8 misread in another encoding: decode it back, word by word, where that is plausible.

Each run of characters that spells valid multi-byte UTF-8 in one of the encodings UTF-8 gets
misread as (``Ã©`` in cp1252, ``√§`` in MacRoman, ``п╬`` in KOI8-R, ``Р’`` in cp1251) is
decoded wherever that makes its word less odd (:func:`~.plausibility.oddity`) and the decoded
characters fit the clean text around them. A whole line, one word inside clean text, or
twice-encoded text (a second pass) are all the same case.

>>> fix_utf8_mojibake("Gammelstua har søkt om tilskott pÃ¥ 210.000 kr.")
('Gammelstua har søkt om tilskott på 210.000 kr.', 1)
>>> fix_utf8_mojibake("Soviel Kreativit√§t, Unabh√§ngigkeit")
('Soviel Kreativität, Unabhängigkeit', 2)
>>> fix_utf8_mojibake("a radius of 10 Å°, 2012—∞")
('a radius of 10 Å°, 2012—∞', 0)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..unicode.charsets import UTF8_MISREAD_AS, codec
from ..unicode.plausibility import (
    fits_one_alphabet,
    fluency,
    is_common_letter,
    is_garble,
    is_rare_letter,
    non_ascii_letters,
    oddity,
)
from ..unicode.scripts import main_script

# Passes over the text: twice-encoded text needs two, a third finds what the second uncovered
# (commit 97bb857). 1, 2, 3 or 5 passes give the same 1,917 of bench_repair.py's 1,930 text
# rows: the dev set holds no text that needs the third.
MAX_PASSES = 3
# How much more ordinary (average log frequency of letter pairs) a word must read when decoding
# leaves it as odd as it was (set by hand in commit 1213811). 0.1 and 0.5 give the same 1,917
# of bench_repair.py's 1,930 text rows: no dev row sits between them.
MIN_FLUENCY_GAIN = 0.25
_SPACE = re.compile(r"\s")
# Bytes that start a two-, three- and four-byte UTF-8 sequence, and bytes that continue one.
_UTF8_BYTE_RANGES = ((0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4), (0x80, 0xBF))


def _chars(encodings: tuple[str, ...], first: int, last: int) -> str:
    """A regex class of the characters bytes ``first``..``last`` decode to in ``encodings``."""
    data = bytes(range(first, last + 1))
    chars = {c for name in encodings for c in data.decode(codec(name), errors="ignore")}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@lru_cache(maxsize=None)
def _utf8_pattern(misread_as: str) -> re.Pattern[str]:
    """Runs of characters whose bytes in ``misread_as`` are well-formed multi-byte UTF-8."""
    lead2, lead3, lead4, cont = (_chars((misread_as,), a, b) for a, b in _UTF8_BYTE_RANGES)
    sequence = f"{lead2}{cont}|{lead3}{cont}{{2}}|{lead4}{cont}{{3}}"
    return re.compile(f"(?:{sequence})+")


@lru_cache(maxsize=None)
def _utf8_prefilter() -> re.Pattern[str]:
    """A character that starts a multi-byte sequence followed by one that continues it, in any
    of the encodings UTF-8 is misread as: one quick scan that clean lines almost never pass."""
    return re.compile(_chars(UTF8_MISREAD_AS, 0xC2, 0xF4) + _chars(UTF8_MISREAD_AS, 0x80, 0xBF))


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited stretch of ``text`` holding ``text[start:end]``."""
    while start > 0 and not _SPACE.match(text[start - 1]):
        start -= 1
    while end < len(text) and not _SPACE.match(text[end]):
        end += 1
    return start, end


def _fits(decoded: str, context_script: str | None) -> bool:
    """Whether decoded characters can stand in the clean text around them: letters in the
    script of that text (no rare letters), punctuation, the symbols of general punctuation
    (€, ™, №); and more than a lone two-byte sequence when no text is around it (``—∞`` in
    ``2012—∞``)."""
    for char in decoded:
        if char.isalpha():
            if is_rare_letter(char) or (context_script and main_script(char) != context_script):
                return False
        elif not (unicodedata.category(char)[0] in "PZ" or "\u2000" <= char <= "\u214f" or char in "©®°±×÷"):
            return False
    return context_script is not None or len(decoded.encode("utf-8")) > 2


def _worth_decoding(run: str, decoded: str, word: tuple[str, str, str], clean_script: str | None, proven: bool) -> bool:
    """Whether decoding ``run`` in a word (the text before the run, the run, the text after)
    is clearly a repair: letters foreign to the clean text around them that decode into its
    script (``Õ§`` in Armenian), or a word that becomes less odd; or, as odd as before, joins
    no words (``SELKÄ\xa0EDELLÄ`` is two) and reads clearly more ordinary (``Р’Рѕ``). A single
    decoded character needs more evidence in text not yet proven damaged."""
    head, _, tail = word
    before, after = head + run + tail, head + decoded + tail
    if clean_script and main_script(run) not in (None, clean_script) and main_script(decoded) in (None, clean_script):
        return True
    single = len(decoded) == 1 and not proven
    if single and clean_script and decoded.isalpha() and _doubtful_letter(run, decoded, head + tail, clean_script):
        return False
    odd_before, odd_after = oddity(before), oddity(after)
    if odd_after != odd_before or _SPACE.search(run):
        return odd_after < odd_before
    if single and not _one_character_evidence(run, decoded, before, after):
        return False
    return fluency(after) - fluency(before) > MIN_FLUENCY_GAIN


def _doubtful_letter(run: str, decoded: str, rest_of_word: str, clean_script: str) -> bool:
    """A single decoded letter standing alone as a word, unless it is a small letter languages
    use (``Ã¥`` is the Norwegian word å; ``10 Å°`` is ten ångströms, not ``Ű``) or comes from
    letters foreign to the text; or a small letter among capitals (``MÄ£ÄM``, ``AHÅ™``)."""
    letters = [c for c in rest_of_word if c.isalpha()]
    if not letters:
        common = decoded.islower() and is_common_letter(decoded)
        return not (common or main_script(run) != clean_script)
    return decoded.islower() and len(letters) > 1 and all(c.isupper() for c in letters)


def _one_character_evidence(run: str, decoded: str, before: str, after: str) -> bool:
    """What makes one decoded character, leaving its word as odd, a repair all the same:
    symbols turning into a letter (``√¢`` into ``â``), or letters no alphabet has together
    turning into letters one has (``ÄŒelákovice``); ``СФРЈ`` is not ``СФУ``."""
    if decoded.isalpha() and not any(c.isalpha() for c in run):
        return True
    return not fits_one_alphabet(non_ascii_letters(before)) and fits_one_alphabet(non_ascii_letters(after))


def _utf8_decoding(run: str, misread_as: str) -> str | None:
    try:
        return run.encode(codec(misread_as)).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _redecode_utf8(text: str, misread_as: str, *, proven: bool) -> tuple[str, int]:
    """Decode the runs of ``text`` misread in ``misread_as`` that pass the checks; ``proven``:
    the text has had mojibake decoded already, so a single decoded letter may be trusted."""
    matches = _utf8_pattern(misread_as).finditer(text)
    runs = [(m, d) for m in matches if (d := _utf8_decoding(m.group(), misread_as))]
    if not runs:
        return text, 0
    bounds = [0, *(i for m, _ in runs for i in m.span()), len(text)]
    outside = "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    decoded_text = "".join(d for _, d in runs)
    context_script = clean_script = main_script(outside)
    if len(runs) > 1 and sum(map(str.isalpha, decoded_text)) > sum(map(str.isalpha, outside)):
        context_script = main_script(decoded_text)  # mostly mojibake: the runs are the text
    pieces, last, fixed = [], 0, 0
    for match, decoded in runs:
        if not _fits(decoded, context_script):
            continue
        start, end = _word_around(text, match.start(), match.end())
        word = (text[start : match.start()], match.group(), text[match.end() : end])
        if _worth_decoding(match.group(), decoded, word, clean_script, proven):
            pieces += [text[last : match.start()], decoded]
            last = match.end()
            fixed += 1
    return "".join(pieces) + text[last:], fixed


def fix_utf8_mojibake(text: str) -> tuple[str, int]:
    """Decode the runs of ``text`` that are UTF-8 misread in another encoding; also the number
    of runs decoded."""
    if not _utf8_prefilter().search(text):
        return text, 0
    original, total = text, 0
    for _ in range(MAX_PASSES):
        fixed_in_pass = 0
        for misread_as in UTF8_MISREAD_AS:
            text, fixed = _redecode_utf8(text, misread_as, proven=total + fixed_in_pass > 0)
            fixed_in_pass += fixed
        total += fixed_in_pass
        if not fixed_in_pass:
            break
    if total and is_garble(text):
        return original, 0  # a few characters decoded in a garble: no text was found
    return text, total


