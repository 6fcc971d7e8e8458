"""The article's title from all the evidence a page holds: ``og:title``/``twitter:title``, the
``<h1>`` headings, ``<title>`` and its parts without the site's name, and the lines of the blocks
around the start of the body, where the headline block usually is.

Every distinct text among them (compared by :func:`~normalize.unicode.words.normal_words`) is a
candidate with one row of :data:`TITLE_FEATURES`: where it was found (its tag and distance to
the body, which evidence repeats it), how much of ``<title>``/``og:title`` it shares, its shape
(words, capitals, a closing full stop, a date, a chrome phrase, the site's name). A small
LightGBM model (``models/title.txt``, trained by ``scripts/train_titles.py`` on pages with an
annotated headline) scores the rows; the best-scored candidate is the title.

>>> choose_title({"og": ["Storm hits the coast"], "title": ["Storm hits the coast - Daily News"],
...               "h1": ["Daily News", "Storm hits the coast"], "site": []})
'Storm hits the coast'
>>> choose_title({"og": [], "title": [], "h1": ["Only a heading"], "site": []})
'Only a heading'
>>> choose_title({"og": [], "title": [], "h1": [], "site": []}) is None
True
"""

from __future__ import annotations

import re

from ..structure.chrome import is_chrome_line
from ..structure.features import DATE
from ..unicode.words import count_words, normal_words
from .model import booster
from .text import is_prose

#: A full stop inside a line, between a word and a capitalised one: a paragraph of two sentences.
_SENTENCES = re.compile(r"\w{2}[.!?] +[A-Z]")
_SEPARATOR = re.compile(r"\s+[-|–—:·•»«/\\]+\s+|\s*[|•·»]\s*|\s+::\s+")
#: A headline has at most this many words (longer texts are a lede or a summary): 289 of the
#: 290 L3S-GN1 dev headlines have at most 38; in the 5-fold CV 30/40/50/60/80/120 gave exact match
#: 0.807/0.807/0.810/0.817/0.807/0.814 (noise: a page or two; measured before body paragraphs
#: left the candidates), so the bound stayed where it was.
MAX_TITLE_WORDS = 40
#: The blocks looked at for the headline: this many before the body's first block, and this
#: many from it on (the body classifier often takes the headline for body). Chosen by the 5-fold
#: cross-validation of scripts/train_titles.py on L3S-GN1's 290 dev pages with a headline
#: (exact match, before/after): 12/2 0.800, 16/1 0.783, 16/2 0.810, 16/3 0.807 (before body
#: paragraphs left the candidates: 8/1 0.772, 8/2 0.797, 24/2 0.807, as 16/2 then).
TITLE_REACH = 16
TITLE_AFTER = 2
#: The feature value of a candidate no block line holds (its distance to the body), or no
#: ``<h1>``/``<title>`` part (its index): beyond any real value, so a tree splits it apart.
ABSENT = 99.0
#: The heading level of an <h1>..<h6> block; other tags get ABSENT.
HEADING_LEVEL = {f"h{n}": float(n) for n in range(1, 7)}

TITLE_FEATURES = [
    "words", "chars_per_word", "ends_stop", "ends_question", "has_colon", "capital_share", "all_caps",
    "is_line", "distance", "heading", "tag_p", "tag_td", "tag_div", "tag_li",
    "is_og", "is_h1", "h1_index", "h1_count", "is_title", "is_title_part", "part_index", "part_count",
    "is_stripped_title", "in_og", "in_title", "own_in_og", "own_in_title", "covers_og", "covers_title",
    "is_site", "holds_site", "chrome", "date", "sources", "has_og", "has_title", "has_h1", "repeats",
]


def _parts(title: str) -> list[str]:
    return [p.strip() for p in _SEPARATOR.split(title) if p and p.strip()]


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def strip_site(title: str, site_names: set[str]) -> str:
    """``title`` without the site's name and section labels around it: the longest part after
    splitting at separators, unless a part is the known site name, which alone goes.

    >>> strip_site("Storm hits the coast - Daily News", set())
    'Storm hits the coast'
    >>> strip_site("Daily News - World - Storm hits the coast", {"daily news"})
    'Storm hits the coast'
    """
    parts = _parts(title)
    if len(parts) <= 1:
        return title.strip()
    kept = [p for p in parts if normal_words(p) not in site_names]
    return max(kept or parts, key=count_words)


def title_window(texts: list[str], tags: list[str], first: int) -> list[tuple[str, str, int]]:
    """``(line, tag, distance)`` for each line of the blocks around the body's first block
    (``first``; ``len(texts)`` when there is no body), in page order: the distance is ``first``
    minus the block's index (1 right above the body, 0 the body's first block, -1 the next).

    >>> title_window(["Menu", "Storm hits\\nBy A. Writer", "It rained.", "More rain."], ["li", "h1", "p", "p"], 2)
    [('Menu', 'li', 2), ('Storm hits', 'h1', 1), ('By A. Writer', 'h1', 1), ('It rained.', 'p', 0), ('More rain.', 'p', -1)]
    """
    return [(line.strip(), tags[i], first - i)
            for i in range(max(0, first - TITLE_REACH), min(len(texts), first + TITLE_AFTER))
            for line in texts[i].split("\n") if line.strip()]


#: The value of a share of words with a <title>/og:title the page does not have.
NO_EVIDENCE = -1.0


def _share(own: set[str], other: set[str]) -> float:
    return len(own & other) / len(own) if other and own else NO_EVIDENCE


def title_candidates(evidence: dict[str, list[str]],
                     nearby: list[tuple[str, str, int]]) -> tuple[list[str], list[list[float]]]:
    """Each distinct candidate title (a line of ``nearby``, see :func:`title_window`, an og:title,
    an <h1>, <title>, its parts, either without the site's name) and its row of
    :data:`TITLE_FEATURES`, in a fixed order (lines first, the nearest line's text kept).

    >>> texts, rows = title_candidates({"og": [], "title": ["Storm hits - Daily News"], "h1": [], "site": []},
    ...                                [("Storm hits", "h1", 1)])
    >>> texts
    ['Storm hits', 'Storm hits - Daily News', 'Daily News']
    >>> dict(zip(TITLE_FEATURES, rows[0]))["sources"], dict(zip(TITLE_FEATURES, rows[2]))["distance"]
    (3.0, 99.0)
    """
    og = [t for t in evidence.get("og", []) if count_words(t) <= MAX_TITLE_WORDS]
    h1 = [t for t in evidence.get("h1", []) if 0 < count_words(t) <= MAX_TITLE_WORDS]
    page_title = evidence.get("title", [])
    sites = {normal_words(s) for s in evidence.get("site", []) if s}
    found: dict[str, dict] = {}

    def add(text: str, source: str, tag: str = "", distance: float = ABSENT, index: float = ABSENT) -> None:
        key = normal_words(text)
        if not key or count_words(text) > MAX_TITLE_WORDS:
            return
        c = found.setdefault(key, {"text": text, "sources": set(), "distance": ABSENT, "tag": "",
                                   "h1_index": ABSENT, "part_index": ABSENT, "repeats": 0})
        c["sources"].add(source)
        if source == "line":
            c["repeats"] += 1
            if abs(distance) < abs(c["distance"]):
                c["text"], c["distance"], c["tag"] = text, distance, tag
        elif source == "h1":
            c["h1_index"] = min(c["h1_index"], index)
        elif source == "part":
            c["part_index"] = min(c["part_index"], index)

    for text, tag, distance in nearby:
        if not is_prose(text) and not _SENTENCES.search(text):  # a paragraph is never the headline
            add(text, "line", tag, distance)
    for text in og:
        add(text, "og")
        add(strip_site(text, sites), "stripped")
    for i, text in enumerate(h1):
        add(text, "h1", index=i)
    parts: list[str] = []
    for text in page_title:
        add(text, "title")
        add(strip_site(text, sites), "stripped")
        parts = _parts(text)
        for i, part in enumerate(parts):
            add(part, "part", index=i)
    og_keys, title_keys, h1_keys = ({normal_words(t) for t in ts} for ts in (og, page_title, h1))
    og_words = {w for k in og_keys for w in k.split()}
    title_words = {w for k in title_keys for w in k.split()}
    texts, rows = [], []
    for key, c in found.items():
        text, sources = c["text"], c["sources"]
        own = key.split()
        own_set = set(own)
        capitalised = [w for w in text.split() if w[:1].isalpha()]
        end = text.rstrip()[-1:]

        def held(keys: set[str]) -> float:  # the largest share of a <title>/og:title holding it whole
            return max((len(key) / len(k) for k in keys if _contains(k, key)), default=0.0)

        row = [
            len(own), len(text) / len(own), end == ".", end in "?!", ":" in text,
            sum(w[0].isupper() for w in capitalised) / max(1, len(capitalised)), text.isupper(),
            "line" in sources, c["distance"], HEADING_LEVEL.get(c["tag"], ABSENT),
            c["tag"] == "p", c["tag"] == "td", c["tag"] == "div", c["tag"] == "li",
            key in og_keys, key in h1_keys, c["h1_index"], len(h1),
            key in title_keys, "part" in sources, c["part_index"], len(parts), "stripped" in sources,
            held(og_keys), held(title_keys), _share(own_set, og_words), _share(own_set, title_words),
            _share(og_words, own_set), _share(title_words, own_set),
            key in sites, any(_contains(key, s) for s in sites if s), is_chrome_line(text), bool(DATE.search(text)),
            len(sources), bool(og), bool(page_title), bool(h1), c["repeats"],
        ]
        texts.append(text)
        rows.append([float(v) for v in row])
    return texts, rows


def choose_title(evidence: dict[str, list[str]], nearby: list[tuple[str, str, int]] | None = None,
                 model=None) -> str | None:
    """The candidate (:func:`title_candidates`) the title model scores highest, the first of
    equals; ``None`` when the page offers none. ``model``: anything with LightGBM's ``predict``
    (a Booster being trained) instead of the shipped one."""
    texts, rows = title_candidates(evidence, nearby or [])
    if not texts:
        return None
    scores = (model or booster("title")).predict(rows)
    best = max(range(len(texts)), key=lambda i: (scores[i], -i))
    return texts[best]
