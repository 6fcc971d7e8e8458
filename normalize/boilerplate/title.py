"""The article's title from all the evidence a page holds: ``og:title``/``twitter:title``, the
``<h1>`` headings, ``<title>`` without the site's name, and the headline block before the body.

A candidate counts for every other source that agrees with it (same words, or one holding the
other whole); the site's name is what ``<title>`` adds around the headline after a separator
(``Headline - Site``, ``Site | Section | Headline``), or what ``og:site_name`` says.

>>> choose_title({"og": ["Storm hits the coast"], "title": ["Storm hits the coast - Daily News"],
...               "h1": ["Daily News", "Storm hits the coast"], "site": []})
'Storm hits the coast'
>>> choose_title({"og": [], "title": ["Daily News | World | Storm hits the coast"], "h1": [], "site": []})
'Storm hits the coast'
>>> choose_title({"og": [], "title": [], "h1": ["Only a heading"], "site": []})
'Only a heading'
"""

from __future__ import annotations

import re

from ..structure.chrome import is_chrome_line
from ..structure.features import DATE
from ..unicode.words import count_words, normal_words

_SEPARATOR = re.compile(r"\s+[-|–—:·•»«/\\]+\s+|\s*[|•·»]\s*|\s+::\s+")
#: A headline has at most this many words (longer <h1> or og:title texts are a lede or a summary;
#: set by hand in commit 01a375b; L3S-GN1's 290 annotated headlines: median 7 words, 5 above 30, 1 above 40).
MAX_TITLE_WORDS = 40
#: A block near the body sharing this share of its words with <title> or og:title may be the
#: headline; it is taken over the evidence alone from a score of BLOCK_SURE (held by a block
#: that <title> holds whole). Both set by eye on the article benchmark's pages, checked on L3S-GN1.
TITLE_OVERLAP = 0.6
BLOCK_SURE = 1.0
#: What a heading tag adds to a block's title score.
HEADING_WEIGHT = {"h1": 0.4, "h2": 0.3, "h3": 0.2, "h4": 0.1}
#: A block's title score. These weights were set by hand with the learned extraction (commit
#: 01a375b) on the article benchmark's pages and checked on L3S-GN1's annotated headlines. Measured
#: since (L3S-GN1, 290 pages, 219 headlines right with the defaults; each weight alone at 0 / 2x):
#: TITLE_OVERLAP 218/220, BLOCK_SURE 202/219, HELD_BONUS 219/219, OVERLAP_WEIGHT 220/217,
#: H1_MATCH_WEIGHT 219/219, NEAR_WEIGHT 209/223, AGREE_WEIGHT 219/219, HELD_WEIGHT 218/218,
#: LATER_H1_PENALTY, SITE_NAME_PENALTY, ONE_WORD_PENALTY 219/219, HEADING_WEIGHT (all) 218/223,
#: SOURCE_WEIGHT (all) 218/219: none is worth more than 17 headlines, the flat ones none here.
#: A block that <title> or og:title holds whole scores BLOCK_SURE plus HELD_BONUS times the share
#: of that title it is (the fuller, the surer) ...
HELD_BONUS = 0.4
#: ... one sharing TITLE_OVERLAP of its words with it, that share times OVERLAP_WEIGHT (below
#: BLOCK_SURE at any share: overlap alone never settles it) ...
OVERLAP_WEIGHT = 0.8
#: ... and it gains H1_MATCH_WEIGHT when an <h1> says the same, NEAR_WEIGHT over its distance
#: to the body (the block right above it, most).
H1_MATCH_WEIGHT = 0.3
NEAR_WEIGHT = 0.2
#: Without a sure block, a candidate from the page's evidence scores AGREE_WEIGHT for every
#: other source with the same words, HELD_WEIGHT for every <title>/og:title holding it whole,
#: its source's own weight (an <h1> first, <title> last), less LATER_H1_PENALTY per <h1> before
#: it, SITE_NAME_PENALTY when it is the site's name, ONE_WORD_PENALTY when it is one word and
#: other evidence exists.
AGREE_WEIGHT = 1.0
HELD_WEIGHT = 0.5
SOURCE_WEIGHT = {"h1": 0.3, "og": 0.2, "og-part": 0.15, "title": 0.1}
LATER_H1_PENALTY = 0.05
SITE_NAME_PENALTY = 2.0
ONE_WORD_PENALTY = 0.5


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


def _tokens(text: str) -> set[str]:
    return set(normal_words(text).split())


def choose_title(evidence: dict[str, list[str]], nearby: list[tuple[str, str, int]] | None = None) -> str | None:
    """The title the page's evidence agrees on. ``nearby``: ``(text, tag, distance)`` of the
    blocks just before the body (distance 1 is the block right above it), where the headline
    block usually is."""
    og = [t for t in evidence.get("og", []) if count_words(t) <= MAX_TITLE_WORDS]
    h1 = [t for t in evidence.get("h1", []) if 0 < count_words(t) <= MAX_TITLE_WORDS]
    page_title = evidence.get("title", [])
    sites = {normal_words(s) for s in evidence.get("site", []) if s}
    raw = [normal_words(t) for t in og + page_title]
    h1_keys = {normal_words(t) for t in h1}
    best, best_score = None, 0.0
    # a block near the body that <title> or og:title holds (the site's name around it) is the
    # headline; each line of a block with line breaks is a candidate of its own
    lines = [(line, tag, distance) for text, tag, distance in nearby or [] for line in text.split("\n")]
    for text, tag, distance in lines:
        key = normal_words(text)
        words = count_words(text)
        if (not key or not 2 <= words <= MAX_TITLE_WORDS or key in sites or is_chrome_line(text)
                or DATE.search(text)):
            continue
        own = _tokens(text)
        score = 0.0
        for other in raw:
            if _contains(other, key):
                score = max(score, BLOCK_SURE + HELD_BONUS * len(key) / max(1, len(other)))
            else:
                shared = len(own & set(other.split())) / len(own)
                if shared >= TITLE_OVERLAP:
                    score = max(score, shared * OVERLAP_WEIGHT)
        score += H1_MATCH_WEIGHT * (key in h1_keys) + HEADING_WEIGHT.get(tag, 0.0) + NEAR_WEIGHT / distance
        if score > best_score and (tag in HEADING_WEIGHT or score >= BLOCK_SURE or not text.rstrip().endswith(".")):
            best, best_score = text, score
    if best is not None and best_score >= BLOCK_SURE:
        return best
    candidates: list[tuple[str, str]] = [(t, "h1") for t in h1]
    candidates += [(t, "og") for t in og] + [(strip_site(t, sites), "og-part") for t in og]
    candidates += [(strip_site(t, sites), "title") for t in page_title]
    keys = [normal_words(t) for t, _ in candidates]
    for i, ((text, source), key) in enumerate(zip(candidates, keys)):
        if not key or count_words(text) > MAX_TITLE_WORDS:
            continue
        # another source agreeing: the same words, or a <title>/og:title holding it whole
        score = sum(AGREE_WEIGHT for j, other in enumerate(keys) if j != i and other == key and candidates[j][1] != source)
        score += sum(HELD_WEIGHT for other in raw if other != key and _contains(other, key))
        score += SOURCE_WEIGHT[source]
        score -= LATER_H1_PENALTY * (i if source == "h1" else 0)  # the first <h1> before later ones
        if key in sites:
            score -= SITE_NAME_PENALTY
        if count_words(text) < 2 and len(candidates) > 1:  # doubtful beside other evidence; alone, the title
            score -= ONE_WORD_PENALTY
        if score > best_score:
            best, best_score = text, score
    return best
