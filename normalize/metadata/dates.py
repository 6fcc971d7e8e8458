"""Dates in any common format and language, as ISO ``YYYY-MM-DD``.

Machine dates (ISO 8601, RFC 2822, ``20240303``) are read with a few patterns; written dates
(``3. März 2024``, ``3 марта 2024``, ``March 3rd, 2024``, ``2024年3月3日``) through the month names
of Babel's CLDR locale data for every language the language stage knows (the format and
stand-alone forms, wide and abbreviated: ``марта`` is Russian's genitive), not a hand-made list.

A date before :data:`EARLIEST` or after the reference day (today, or the day the page was
fetched) is *suspicious*: :func:`plausible` says so and the caller asks for stronger evidence.

>>> parse_date("2024-03-03T10:00:00+01:00"), parse_date("3. März 2024"), parse_date("3 марта 2024")
('2024-03-03', '2024-03-03', '2024-03-03')
>>> parse_date("March 3rd, 2024"), parse_date("03.04.2024"), parse_date("2024年3月3日"), parse_date("no date")
('2024-03-03', '2024-04-03', '2024-03-03', None)
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from ..unicode.scripts import LANGUAGES

#: Dates before this are suspicious (the web of news archives starts in the 1990s).
EARLIEST = _dt.date(1990, 1, 1)

_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:(?=[T\s_])|(?!\d))")
_ISO_SLASH = re.compile(r"(?<!\d)((?:19|20)\d{2})[/.](0?[1-9]|1[0-2])[/.](0?[1-9]|[12]\d|3[01])(?!\d)")
_DMY_NUMERIC = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])([./-])(0?[1-9]|1[0-2])\2((?:19|20)\d{2})(?!\d)")
_MDY_SLASH = re.compile(r"(?<![\d/])(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/((?:19|20)\d{2})(?!\d)")
_CJK = re.compile(r"((?:19|20)\d{2})\s*[年년]\s*(0?[1-9]|1[0-2])\s*[月월]\s*(0?[1-9]|[12]\d|3[01])\s*[日일]?")
_WORD = r"([^\W\d_]{3,}\.?)"
_DAY = r"(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|º|°|\.)?"
_YEAR = r"((?:19|20)\d{2})"
# 3 March 2024, 3. März 2024, 3 de marzo de 2024, 3 марта 2024 г.
_DAY_MONTH_YEAR = re.compile(rf"(?<![\w.]){_DAY}\s*(?:de\s+|of\s+)?{_WORD},?\s*(?:de\s+|del\s+)?{_YEAR}(?!\d)", re.IGNORECASE)
# March 3, 2024; March 3rd 2024
_MONTH_DAY_YEAR = re.compile(rf"(?<!\w){_WORD}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
# 2024. március 3. (Hungarian), 2024 m. kovo 3 d. (Lithuanian)
_YEAR_MONTH_DAY = re.compile(rf"(?<!\d){_YEAR}\.?\s+(?:m\.\s+)?{_WORD}\s+{_DAY}(?!\d)", re.IGNORECASE)


def to_iso(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` of a real calendar day, else None.

    >>> to_iso(2024, 2, 29), to_iso(2023, 2, 29)
    ('2024-02-29', None)
    """
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def month_names() -> dict[str, dict[str, int]]:
    """Lower-cased month name (wide and abbreviated, format and stand-alone forms, a trailing
    full stop dropped) -> {language: month number}, from Babel's locale data for every language
    of :data:`~normalize.unicode.scripts.LANGUAGES` (built once a process, ~0.5 s)."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, dict[str, int]] = {}
    for lang in sorted(LANGUAGES):
        try:
            months = Locale.parse(lang).months
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = name.lower().rstrip(".")
                    if len(key) >= 3 and not key.isdigit():
                        names.setdefault(key, {}).setdefault(lang, number)
    # common abbreviations CLDR spells otherwise (English "Sept", "Sept.")
    names.setdefault("sept", {}).setdefault("en", 9)
    return names


def month_number(word: str, langs: tuple[str, ...] = ()) -> int | None:
    """The month a month name means: in the first of ``langs`` that knows it, else in most of
    the languages that do (``listopad`` is November in Polish and Czech, October in Croatian).

    >>> month_number("listopad"), month_number("listopad", ("hr",)), month_number("Sept."), month_number("Monday")
    (11, 10, 9, None)
    """
    meanings = month_names().get(word.lower().rstrip("."))
    if not meanings:
        return None
    for lang in langs:
        if lang in meanings:
            return meanings[lang]
    votes: dict[int, int] = {}
    for number in meanings.values():
        votes[number] = votes.get(number, 0) + 1
    return max(sorted(votes), key=lambda n: votes[n])


def find_dates(text: str, langs: tuple[str, ...] = (), month_first: bool = False) -> list[tuple[int, str]]:
    """Every date written in ``text``, as ``(position, YYYY-MM-DD)`` in order of position.
    ``langs``: the page's languages, for month names several languages spell alike;
    ``month_first``: read ``03/04/2024`` as March 4 (US English) rather than 3 April.

    >>> find_dates("Published 3 March 2024, updated 2024-03-05")
    [(10, '2024-03-03'), (32, '2024-03-05')]
    """
    found: dict[int, str] = {}

    def add(position: int, iso: str | None) -> None:
        if iso and position not in found:
            found[position] = iso

    for m in _ISO.finditer(text):
        add(m.start(), to_iso(int(m[1]), int(m[2]), int(m[3])))
    for m in _ISO_SLASH.finditer(text):
        add(m.start(), to_iso(int(m[1]), int(m[2]), int(m[3])))
    for m in _CJK.finditer(text):
        add(m.start(), to_iso(int(m[1]), int(m[2]), int(m[3])))
    for m in _DMY_NUMERIC.finditer(text):
        day, month = int(m[1]), int(m[3])
        if month_first and m[2] != "-" and day <= 12:
            day, month = month, day
        add(m.start(), to_iso(int(m[4]), month, day))
    if month_first:
        for m in _MDY_SLASH.finditer(text):
            add(m.start(), to_iso(int(m[3]), int(m[1]), int(m[2])))
    if any(c.isalpha() for c in text):
        for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_YEAR_MONTH_DAY, "ymd")):
            for m in pattern.finditer(text):
                parts = dict(zip(order, m.groups()))
                month = month_number(parts["m"], langs)
                if month:
                    add(m.start(), to_iso(int(parts["y"]), month, int(parts["d"])))
    return sorted(found.items())


def parse_date(text: str | None, langs: tuple[str, ...] = (), month_first: bool = False) -> str | None:
    """The first date in ``text`` (see :func:`find_dates`) as ``YYYY-MM-DD``, else None; a
    machine date (ISO 8601 with a time and zone) is read at its own calendar day."""
    if not text:
        return None
    text = text.strip()[:200]
    dates = find_dates(text, langs, month_first)
    return dates[0][1] if dates else None


def plausible(iso: str | None, today: _dt.date | None = None) -> bool:
    """Whether a date is neither before :data:`EARLIEST` nor after ``today`` (default: the
    current UTC day).

    >>> plausible("2024-03-03", _dt.date(2025, 1, 1)), plausible("1985-01-01"), plausible("2030-01-01", _dt.date(2025, 1, 1))
    (True, False, False)
    """
    if not iso:
        return False
    day = _dt.date.fromisoformat(iso)
    today = today or _dt.datetime.now(_dt.timezone.utc).date()
    return EARLIEST <= day <= today + _dt.timedelta(days=1)
