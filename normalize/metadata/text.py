"""Bylines and datelines in text: the line under a headline that says who wrote the article
and when (``By Jane Doe``, ``Von Eva Roth | 3. März 2024``, ``Автор: Иван Петров``,
``Published 3 March 2024``), in a plain-text dump or among a page's blocks.

The words that open a byline are a short list per language (below); the dates are read by
:mod:`normalize.metadata.dates`, in any language CLDR knows. A line that is *only* a byline
or dateline (nothing else in it but separators and a few words like "updated" or "5 min read")
is boilerplate, never the article's body: :func:`read_line` says so with ``whole``.

>>> read_line("By Jane Doe and John Roe | March 3, 2024")
Line(authors=['Jane Doe', 'John Roe'], date='2024-03-03', modified=None, whole=True)
>>> read_line("Автор: Иван Петров, 3 марта 2024")
Line(authors=['Иван Петров'], date='2024-03-03', modified=None, whole=True)
>>> read_line("Par ailleurs, la ville a fermé le port.")
Line(authors=[], date=None, modified=None, whole=False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_dates

#: What opens a byline, lower-cased, per language (the word is followed by the name): "By",
#: "Von", "Par", "Por", "Di", "Door", "Av", "Af", "Przez", and "Author:"-style labels.
BYLINE_WORDS = (
    "written by", "posted by", "words by", "story by", "reporting by", "text by", "by",  # en
    "von", "text von",  # de
    "par", "publié par",  # fr
    "por", "escrito por", "publicado por",  # es, pt
    "di", "scritto da", "a cura di",  # it
    "door",  # nl
    "av", "af",  # sv, nb, da
    "przez",  # pl
)
#: Labels ending in a colon: "Author: Jane Doe", in the languages that use them.
BYLINE_LABELS = (
    "author", "authors", "by", "written by", "reporter", "autor", "autorin", "autoren", "auteur", "auteurs",
    "autore", "autori", "text", "texto", "testo", "tekst", "skribent", "forfatter", "författare", "kirjoittaja",
    "yazar", "szerző", "autorius", "autors", "автор", "автори", "авторы", "текст", "аўтар", "συντάκτης",
    "συγγραφέας", "מאת", "الكاتب", "كتب", "作者", "記者", "기자", "ผู้เขียน", "tác giả", "penulis", "oleh",
)
#: Words that mark the date after them as a revision, not the publication.
UPDATED_WORDS = ("updated", "update", "modified", "last modified", "edited", "aktualisiert", "geändert",
                 "mis à jour", "modifié", "actualizado", "actualizada", "atualizado", "aggiornato",
                 "bijgewerkt", "uppdaterad", "opdateret", "oppdatert", "zaktualizowano", "aktualizováno",
                 "обновлено", "обновлён", "оновлено", "güncellendi", "güncelleme", "päivitetty",
                 "frissítve", "更新")
#: Words that mark the date after them as a member's (a forum's "Joined: 4 Jul 2012"): no date of
#: the article.
MEMBER_WORDS = ("joined", "registered", "member since", "founded", "signed up", "mitglied seit", "registriert",
                "dabei seit", "inscrit", "inscrit depuis", "membre depuis", "registrado", "miembro desde", "iscritto",
                "registrato", "lid sinds", "geregistreerd", "medlem sedan", "registrerad", "dołączył", "zarejestrowany",
                "регистрация", "зарегистрирован", "на форуме с", "katılım", "登録", "注册", "가입")
#: Other words a byline or dateline line may hold beside the name and the date.
FILLER = re.compile(
    r"(?i)\b(published|posted|on|at|am|um|le|el|il|op|den|le|the|last|min(ute)?s?|read|reading|time|"
    r"veröffentlicht|publié|publicado|pubblicato|gepubliceerd|publicerad|opublikowano|опубликовано|"
    r"опубліковано|yayınlanma|julkaistu|staff|edt|est|pst|pdt|utc|gmt|cet|cest|mez|msk|uhr|am|pm|"
    r"\d{1,2}[:.h]\d{2}|\d+)\b"
)
_SEPARATORS = re.compile(r"\s*(?:[|•·‧∙⋅●◦/]|\s[-–—»]\s|\n)\s*")
_LIST = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b|\bі\b|\boch\b|\bog\b|\ben\b|\bi\b|\boraz\b|\bve\b)\s*")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|[^\W\d_]\.)$")
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "dos", "das",
                        "bin", "ibn", "al", "el", "ter", "ten", "zu", "y"})
#: A name has at most this many words (``Maria de los Santos García`` has five).
MAX_NAME_WORDS = 5
#: A byline or dateline line has at most this many characters.
MAX_LINE_CHARS = 160
_STRIP = " \t:,;.-–—|•·()[]\"'“”«»"
_WORDS = re.compile(r"\w+")
#: Words between a name and the date after it (``by Jane Doe on``, ``por María García el``).
_TRAILING = re.compile(r"(?i)(?:\s+(?:on|at|in|el|le|il|am|um|op|den|the|de|del|du|-))+\s*$")


@dataclass
class Line:
    """What a line says: ``authors`` (names), ``date`` (publication, ISO), ``modified`` (a
    revision's date), ``whole`` (nothing else: the line is a byline/dateline, boilerplate)."""

    authors: list[str] = field(default_factory=list)
    date: str | None = None
    modified: str | None = None
    whole: bool = False


def is_name(text: str, loose: bool = False) -> bool:
    """Whether ``text`` reads as a person's name: one to five words, capitalised (particles such
    as ``de``, ``van`` apart), no digits, in scripts without case any word shape. ``loose``
    takes one-word handles and lower case too (a name a page's markup says is the author).

    >>> is_name("Jane Doe"), is_name("Maria de la Cruz"), is_name("the storm"), is_name("Иван Петров"), is_name("李明")
    (True, True, False, True, True)
    """
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or len(text) > 60:
        return False
    if loose:
        return not any(c in text for c in "@/:<>{}=") and sum(c.isalpha() for c in text) >= 2
    if any(c.isdigit() for c in text):
        return False
    cased = [w for w in words if w.lower() not in _PARTICLES]
    if not cased:
        return False
    for word in cased:
        if not _NAME_WORD.match(word):
            return False
        first = word[0]
        if first.lower() != first.upper() and not first.isupper():
            return False
    return True


def split_names(text: str, loose: bool = False) -> list[str]:
    """The names in a byline's name part: ``Jane Doe and John Roe`` -> two names; an empty list
    when a part is not a name (the line is not a byline after all).

    >>> split_names("Jane Doe, John Roe & Eva Roth"), split_names("the editors")
    (['Jane Doe', 'John Roe', 'Eva Roth'], [])
    """
    parts = [p.strip(_STRIP) for p in _LIST.split(text)]
    names = [p for p in parts if p]
    if not names or not all(is_name(n, loose) for n in names):
        return []
    return list(dict.fromkeys(names))


def _marker(part: str) -> str | None:
    """The name after a byline word or label that opens ``part``, else None."""
    lower = part.lower()
    for label in BYLINE_LABELS:
        if lower.startswith(label) and re.match(r"\s*[:：]", part[len(label):]):
            return re.sub(r"^\s*[:：]\s*", "", part[len(label):])
    for word in BYLINE_WORDS:
        if lower.startswith(word + " ") and part[:1].isupper() if word != "by" else lower.startswith("by "):
            return part[len(word) + 1:]
    return None


def read_line(line: str, langs: tuple[str, ...] = (), month_first: bool = False, byline_only: bool = False) -> Line:
    """What one line says (see :class:`Line`); an empty :class:`Line` for a line that is no
    byline or dateline. ``byline_only``: names need a byline word before them (else a short
    line of names alone counts too: a byline without "By")."""
    found = Line()
    line = line.strip()
    if not line or len(line) > MAX_LINE_CHARS:
        return found
    leftover = []
    for part in _SEPARATORS.split(line):
        part = part.strip(_STRIP)
        if not part:
            continue
        dates = find_dates(part, langs, month_first)
        rest = part
        for position, iso in dates:
            before = part[:position].lower()
            if any(word in before for word in MEMBER_WORDS):
                continue
            if any(word in before for word in UPDATED_WORDS):
                found.modified = found.modified or iso
            else:
                found.date = found.date or iso
        if dates:
            rest = part[: dates[0][0]]
            cut = _date_end(part, dates[-1][0])
            rest = (rest + " " + part[cut:]).strip(_STRIP)
        name_part = _marker(rest)
        if name_part is None and dates and (inner := re.search(r"(?i)\s(?:posted |written )?by\s+(.+)$", rest)):
            name_part = inner[1]
            rest = rest[: inner.start()]
        if name_part is not None:
            name_part = _TRAILING.sub("", name_part)
            name_part = re.sub(r"(?i)\b(?:" + "|".join(map(re.escape, UPDATED_WORDS)) + r")\b.*$", "", name_part)
            names = split_names(name_part.strip(_STRIP))
            if names:
                found.authors += [n for n in names if n not in found.authors]
                continue
        if not rest:
            continue
        leftover.append(rest)
    if (found.date or found.modified) and leftover and all(is_name(_TRAILING.sub("", p)) for p in leftover):
        leftover = []  # a dateline's other parts are names or labels ("3 March 2024 • Jane Doe in Travel")
    leftover_text = FILLER.sub(" ", " ".join(leftover))
    leftover_text = re.sub(r"(?i)" + "|".join(map(re.escape, UPDATED_WORDS)), " ", leftover_text)
    words = _WORDS.findall(leftover_text)
    if found.authors or found.date or found.modified:
        found.whole = len(words) <= 1
    if not found.whole:
        found.authors = [] if byline_only and not _has_marker(line) else found.authors
    return found


def is_marker(line: str) -> bool:
    """Whether a line is a byline word or label alone (``By``, ``Von``, ``Author:``): the name
    is on the next line.

    >>> is_marker("By"), is_marker("Autor:"), is_marker("Bye")
    (True, True, False)
    """
    word = line.strip().rstrip(":：").strip().lower()
    return bool(word) and (word in BYLINE_WORDS or word in BYLINE_LABELS)


def _has_marker(line: str) -> bool:
    return any(_marker(part.strip(_STRIP)) is not None for part in _SEPARATORS.split(line))


def _date_end(text: str, position: int) -> int:
    """Where the date written at ``position`` ends (its year's last digit)."""
    match = re.compile(r"(?:19|20)\d{2}").search(text, position)
    end = match.end() if match else position
    tail = re.match(r"\s*(?:г\.|р\.|року|года|год|m\.|r\.|日|년|\.)?", text[end:])
    return end + (tail.end() if tail else 0)
