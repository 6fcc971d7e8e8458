"""Bytes to text: BOMs, strict UTF-8, a charset the HTML declares, then the most plausible
reading among the legacy encodings.

Undeclared legacy bytes are decoded in every common legacy encoding, and the reading that is
most plausible as text wins (:mod:`normalize.unicode.plausibility`: fewest signs of damage,
most ordinary letter pairs). charset-normalizer's guess is one piece of evidence: it settles
between Chinese, Japanese and Korean readings, which the letter statistics cannot tell apart.

>>> decode_bytes("Новости".encode("utf-8"))
'Новости'
>>> decode_bytes(b'<meta charset="windows-1251"><p>\\xcd\\xee\\xe2\\xee\\xf1\\xf2\\xe8')
'<meta charset="windows-1251"><p>Новости'
>>> decode("Последние новости недели".encode("koi8_r"))
Decoded(text='Последние новости недели', encoding='koi8_r')
>>> decode("Zažívací potíže při cestování".encode("cp1250")).encoding
'cp1250'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..unicode.charsets import LEGACY, LEGACY_CJK, codec
from ..unicode.plausibility import fluency, in_alphabet_without_statistics, non_ascii_letters, plausibility
from ..unicode.scripts import main_script

#: Bytes judged: the head of the data for binary, and the lines with non-ASCII bytes for a legacy
#: encoding (cut from 64 KB when decode began to judge only those lines, commit 51a4ddb; no sweep
#: recorded, and bench_repair.py's byte samples are all shorter than this).
SAMPLE_BYTES = 8 * 1024
#: How much likelier each encoding is than the next in the list (average log frequency units):
#: a tie-breaker only, far below the gaps between real readings (set by hand in commit cecb5c1).
#: Of bench_repair.py's 294 byte rows, 0.001 gives 288 right, 0.01 290, 0.1 280.
RANK_PRIOR = 0.01
#: The head where an HTML ``<meta>`` or XML declaration of the charset is looked for (HTML5
#: wants it in the first 1,024 bytes; 4 KB allows for long heads before it).
DECLARATION_BYTES = 4096
#: Binary when more than this share of the sample is control bytes. On the dev data (1,630 pages,
#: 226 byte samples of bench_repair's set) the highest share in text is 0.0043, and 597 of 600
#: system binaries (.so, .png, .gz) hold a NUL anyway: ten times the share of any text seen.
BINARY_CONTROL_SHARE = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: What a PDF file starts with (its header, ``%PDF-1.7``).
PDF_MAGIC = b"%PDF-"
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Control characters that never occur in text; a few of them mean the bytes are not text.
_BINARY_BYTES = bytes(range(0, 9)) + b"\x0b\x0e\x0f" + bytes(range(0x10, 0x1B)) + bytes(range(0x1C, 0x20))


class NotTextError(ValueError):
    """The bytes are binary data (an image, an archive, an executable), not text."""


@dataclass
class Decoded:
    text: str
    encoding: str


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the first 4 KB, if Python knows it."""
    match = _DECLARED.search(data[:DECLARATION_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """True when the sample holds NUL bytes or many control bytes (BOM-marked UTF-16/32 excepted)."""
    sample = data[:SAMPLE_BYTES]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls / len(sample) > BINARY_CONTROL_SHARE


def decode(data: bytes) -> Decoded:
    """Decode bytes; raise :class:`NotTextError` for binary data (a PDF named as one).

    >>> decode(b"%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n1 0 obj")
    Traceback (most recent call last):
    ...
    normalize.encoding.decode.NotTextError: a PDF document, not text: extract its text first (e.g. pdftotext FILE.pdf FILE.txt), then normalize the text
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    if data.startswith(PDF_MAGIC):
        raise NotTextError("a PDF document, not text: extract its text first (e.g. pdftotext FILE.pdf FILE.txt), "
                           "then normalize the text")
    if looks_binary(data):
        raise NotTextError("binary data, not text (an image, an archive, an executable?)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    return _detect(data)


_STRAY = re.compile("[\udc80-\udcff]+")  # undecodable bytes, as surrogateescape keeps them


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray bytes of a legacy encoding (a scrape that pasted in an old page):
    the UTF-8 stays UTF-8 and only the stray bytes are read in the legacy encoding that suits
    them best. None when most non-ASCII text is not valid UTF-8.

    >>> _mostly_utf8("Привет, мир: всё хорошо. ".encode() * 3 + b"caf\\xe9")
    Decoded(text='Привет, мир: всё хорошо. Привет, мир: всё хорошо. Привет, мир: всё хорошо. café', encoding='utf-8+cp1252')
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = _STRAY.findall(text)
    stray_bytes = sum(map(len, stray))
    if sum(not c.isascii() for c in text) - stray_bytes <= stray_bytes:
        return None
    # judge the candidate encodings on the stray bytes in their lines: "caf\\xe9" is "café"
    lines = "\n".join(line for line in text.split("\n") if _STRAY.search(line))[:SAMPLE_BYTES]
    readings: dict[str, str] = {}
    for encoding in LEGACY:
        readings.setdefault(_read_stray(lines, encoding), encoding)
    legacy = readings[_most_plausible(list(readings))]
    fixed = _read_stray(text, legacy)
    return Decoded(fixed, f"utf-8+{legacy}")


def _read_stray(text: str, encoding: str) -> str:
    """``text`` with its undecodable bytes read in ``encoding``."""
    return _STRAY.sub(lambda m: m.group().encode("utf-8", "surrogateescape").decode(codec(encoding), "replace"), text)


def _detect(data: bytes) -> Decoded:
    sample = _judged_sample(data)
    readings: dict[str, str] = {}  # reading -> encoding; encodings that agree count once
    for encoding in (*LEGACY, *LEGACY_CJK):
        try:  # not final: the sample may end inside a multi-byte character
            reading = codecs.getincrementaldecoder(codec(encoding))().decode(sample)
        except UnicodeDecodeError:
            continue
        readings.setdefault(reading, encoding)
    best = _most_plausible(list(readings))
    if main_script(best) == "CJK":
        best = _detector_choice(sample, readings) or best
    encoding = readings[best]
    return Decoded(data.decode(codec(encoding), errors="replace"), encoding)


def _judged_sample(data: bytes) -> bytes:
    """The lines that hold non-ASCII bytes, the only ones the encodings read differently (an
    HTML page's head and scripts are ASCII), up to a few kilobytes.

    >>> _judged_sample(b"<head>ascii</head>\\n<p>\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2</p>\\n")
    b'<p>\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2</p>'
    """
    return b"\n".join(line for line in data.split(b"\n") if not line.isascii())[:SAMPLE_BYTES]


def _most_plausible(readings: list[str]) -> str:
    """The most plausible reading (:func:`~normalize.unicode.plausibility.plausibility`), less
    a small prior per rank for the rarer encodings (readings come most common first).
    A reading in the alphabet of a language without statistics counts as fluent as the best,
    since its letter pairs would be judged unfairly."""
    fluencies = [fluency(reading) for reading in readings]
    best_fluency = max(fluencies)

    def score(rank: int) -> float:
        reading = readings[rank]
        score = plausibility(reading) - RANK_PRIOR * rank
        if in_alphabet_without_statistics(non_ascii_letters(reading), reading):
            score += best_fluency - fluencies[rank]
        return score

    return readings[max(range(len(readings)), key=score)]


def _detector_choice(sample: bytes, readings: dict[str, str]) -> str | None:
    """charset-normalizer's reading, where it is one of the CJK readings."""
    from charset_normalizer import from_bytes

    guess = from_bytes(sample).best()
    if guess is None:
        return None
    for reading, encoding in readings.items():
        if encoding in LEGACY_CJK and codecs.lookup(encoding).name == codecs.lookup(guess.encoding).name:
            return reading
    return None


def decode_bytes(data: bytes) -> str:
    """Bytes to text. Binary data raises :class:`NotTextError`."""
    return decode(data).text


#: A document tag near the start (after a wrapper or a comment): an HTML page.
_HTML_DOCUMENT = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(p|div|br|span|a|li|ul|ol|h[1-6]|table|tr|td|img|script|style|link|meta|form|input)\b",
                       re.IGNORECASE)
#: Where the document tag is looked for, and how much of the text markup is judged in (set by
#: hand: 20,000 from the first HTML sniff, 01a375b, 2,000 in 149007e; no sweep on record).
HTML_HEAD_CHARS = 2000
HTML_SAMPLE_CHARS = 20000
#: Markup all through it: at least this many tags, on at least this share of the non-blank lines.
#: On the dev data (1,562 pages, 1,562 text dumps) every page without a document tag has tags on
#: at least 0.2 of its lines, and no dump above 0.08 (stray ad snippets) except two that are
#: page source: 0.15 keeps a margin both ways.
HTML_MIN_TAGS = 5
HTML_MIN_LINE_SHARE = 0.15


def looks_like_html(text: str) -> bool:
    """An HTML page rather than plain text: a document tag near the start, or markup all
    through it. Decided once, on the decoded text, so that every later stage (repair first)
    knows the kind whatever way the page came in.

    >>> looks_like_html("<!DOCTYPE html><title>T</title>"), looks_like_html("<p>One</p><p>Two</p>" * 3)
    (True, True)
    >>> looks_like_html("Prices rose <5%.\\nAd: <a href=x>buy</a> <a href=y>now</a>" + "\\nA line of text." * 40)
    False
    """
    if _HTML_DOCUMENT.search(text[:HTML_HEAD_CHARS]):
        return True
    sample = text[:HTML_SAMPLE_CHARS]
    if len(_HTML_TAG.findall(sample)) < HTML_MIN_TAGS:
        return False
    lines = [line for line in sample.split("\n") if line.strip()]
    return sum(bool(_HTML_TAG.search(line)) for line in lines) >= HTML_MIN_LINE_SHARE * len(lines)
