"""Repair a text line by line: ftfy first, then the mojibake ftfy leaves, then NFC.

ftfy runs with a conservative configuration that never "improves" correct text: quotes stay
curly, ligatures stay, full-width CJK punctuation stays. What it leaves (UTF-8 read as MacRoman
or KOI8-R, one damaged word in clean text, legacy code pages read in the wrong one) is repaired
by re-decoding where the result is clearly more plausible (:mod:`.utf8`, :mod:`.legacy`).

>>> repair_text("The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.")
'The Mona Lisa doesn’t have eyebrows.'
>>> repair_text("Caf&eacute; “quoted”，中文")
'Café “quoted”，中文'
>>> repair("Íîâîñòè\\nMeill√§ on oma kone")
('Новости\\nMeillä on oma kone', [Repair(kind='legacy_codepage', count=1), Repair(kind='mojibake', count=1)])
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import ftfy

from ..document import Repair
from .legacy import fix_legacy_mojibake
from ..unicode.plausibility import in_alphabet_without_statistics, non_ascii_letters, plausibility
from .utf8 import fix_utf8_mojibake

CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=True,
)
# For HTML sources the parser decodes entities; unescaping them first would break markup.
HTML_CONFIG = CONFIG._replace(unescape_html=False)

# ftfy's step names -> the repair kinds the JSONL record reports.
_KINDS = {
    "unescape_html": "html_entities",
    "remove_control_chars": "control_characters",
    "remove_terminal_escapes": "control_characters",
    "fix_c1_controls": "control_characters",
    "fix_surrogates": "surrogates",
    "fix_line_breaks": "line_breaks",
    "restore_byte_a0": "mojibake",
    "replace_lossy_sequences": "mojibake",
    "decode_inconsistent_utf8": "mojibake",
}
_LINES = re.compile(r"(?<=\n)")  # only newlines end lines: \x85 and friends can be mojibake
# ASCII that no step changes: printable characters, tabs and newlines (ftfy turns \r into \n and
# drops the other controls; a text as ASCII holds no mojibake, and NFC leaves it as it is).
_PLAIN_ASCII = bytes([9, 10, *range(0x20, 0x7F)])


def _holds_no_damage(text: str, html: bool) -> bool:
    """Whether no step of the repair could change ``text``: printable ASCII, and no ``&`` where
    entities are unescaped (plain text; the HTML parser decodes a page's). One pass in C.

    >>> _holds_no_damage("Plain text.\\n\\tIndented.", False), _holds_no_damage("café", False)
    (True, False)
    >>> _holds_no_damage("Tom &amp; Jerry", False), _holds_no_damage("Tom &amp; Jerry", True)
    (False, True)
    """
    return text.isascii() and (html or "&" not in text) and not text.encode("ascii").translate(None, _PLAIN_ASCII)


def _ftfy(line: str, config: ftfy.TextFixerConfig) -> tuple[str, set[str]]:
    fixed, steps = ftfy.fix_and_explain(line, config)
    if fixed == line:
        return line, set()
    found = {_KINDS.get(name, "other") for action, name in steps or [] if action == "apply"}
    if any(action in ("encode", "decode", "transcode") for action, _ in steps or []):
        found.add("mojibake")
    return fixed, found


def repair_line(line: str, *, html: bool = False) -> tuple[str, set[str]]:
    """One line repaired, and the kinds of repair it needed.

    >>> repair_line("Plain line.\\r\\n")
    ('Plain line.\\n', {'line_breaks'})
    >>> fixed, kinds = repair_line("Caf\\xc3\\xa9 au lait.\\r\\n"); fixed, sorted(kinds)
    ('Café au lait.\\n', ['line_breaks', 'mojibake'])
    """
    if _holds_no_damage(line, html):
        return line, set()  # the common case: nothing could need repair
    if line.endswith("\r\n") and _holds_no_damage(line[:-2], html):
        return line[:-2] + "\n", {"line_breaks"}  # a Windows line end, all ftfy would change
    fixed, kinds = (_ftfy_and_utf8_by_piece if html and "<" in line else _ftfy_and_utf8)(line, html)
    # A whole line in the wrong code page: ftfy may have decoded stray pieces of it as UTF-8,
    # so it is re-decoded from the line as it came. Where UTF-8 mojibake was repaired too, the
    # more plausible reading wins, unless the UTF-8 one spells a language without statistics.
    redecoded, written_in = fix_legacy_mojibake(line)
    if written_in:
        legacy_fixed, legacy_kinds = _ftfy_and_utf8(redecoded, html)
        if "mojibake" not in kinds or _more_plausible(legacy_fixed, fixed):
            return legacy_fixed, legacy_kinds | {"legacy_codepage"}
    return fixed, kinds


def _more_plausible(legacy_reading: str, utf8_reading: str) -> bool:
    if in_alphabet_without_statistics(non_ascii_letters(utf8_reading), utf8_reading):
        return False
    return plausibility(legacy_reading) > plausibility(utf8_reading)


def _ftfy_and_utf8(line: str, html: bool) -> tuple[str, set[str]]:
    line, kinds = _ftfy(line, HTML_CONFIG if html else CONFIG)
    if not line.isascii():
        line, decoded_runs = fix_utf8_mojibake(line)
        if decoded_runs:
            kinds.add("mojibake")
    return line, kinds


# A tag with its attributes: in a page's line, the tags and the text between them are fixed apart.
_TAG = re.compile(r"(<[^<>]*>)")


def _ftfy_and_utf8_by_piece(line: str, html: bool) -> tuple[str, set[str]]:
    """:func:`_ftfy_and_utf8` on each piece of a page's line (tags, the text between them)
    that can hold damage: a page's long lines are mostly markup that needs no look, and
    mojibake never spans a tag. (A line in the wrong code page is still judged whole.)

    >>> _ftfy_and_utf8_by_piece('<p class="x">cafÃ©</p><a title="naÃ¯ve">ok</a>', True)
    ('<p class="x">café</p><a title="naïve">ok</a>', {'mojibake'})
    """
    kinds: set[str] = set()
    pieces = _TAG.split(line)
    for i, piece in enumerate(pieces):
        if piece and not _holds_no_damage(piece, html):
            pieces[i], found = _ftfy_and_utf8(piece, html)
            kinds |= found
    return "".join(pieces), kinds


# Scripts and styles of a page: nobody reads them, and "repairing" code can break it.
_CODE = re.compile(r"(<(?:script|style)\b.*?</(?:script|style)\s*>)", re.DOTALL | re.IGNORECASE)


def repair(text: str, *, html: bool = False) -> tuple[str, list[Repair]]:
    """Repair ``text`` and report what changed, as a list of :class:`Repair` (kind, number of
    lines repaired that way). In HTML, scripts and styles are left as they are.

    >>> repair("<script>var s = 'cafÃ©';</script><p>cafÃ©</p>", html=True)[0]
    "<script>var s = 'cafÃ©';</script><p>café</p>"
    """
    if _holds_no_damage(text, html):
        return text, []  # an ASCII text: nothing to split into lines and look at
    kinds: Counter[str] = Counter()
    pieces = []
    for i, part in enumerate(_CODE.split(text) if html else (text,)):
        if i % 2:  # a script or style element
            pieces.append(part)
            continue
        for line in _LINES.split(part) if "\n" in part else (part,):
            fixed, found = repair_line(line, html=html)
            if found:
                kinds.update(found)
            pieces.append(fixed)
    result = "".join(pieces)
    if not result.isascii():
        result = unicodedata.normalize("NFC", result)
    return result, [Repair(kind, n) for kind, n in sorted(kinds.items())]


def repair_text(text: str) -> str:
    """Repair mojibake, HTML entities and control characters in plain text; NFC-normalise."""
    return repair(text)[0]
