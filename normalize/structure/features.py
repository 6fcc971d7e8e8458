"""Features of page blocks and dump lines for the boilerplate classifier.

Each block or line becomes a row of numbers: what its text looks like (length, punctuation,
share of very common words in any of wordfreq's languages, capitals, digits, chrome phrases),
where it sits (position, depth, the containers around it and their class/id vocabulary, link
density) and what its neighbours look like, so that the classifier sees the sequence around
every block. Nothing here names a site or a page.

>>> rows = line_features(["Home", "The storm reached the coast on Monday night, officials said.", "Share"])
>>> len(rows), len(rows[0]) == len(LINE_FEATURES)
(3, True)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from operator import itemgetter

from ..unicode.words import count_words, ends_like_sentence, names_link, normal_words
from .chrome import is_chrome_line, is_comment_header, is_teaser_marker
from .page import HINT_GROUPS, Page

_WORD = re.compile(r"\w+")
# Sentence marks inside a text (words.SENTENCE_MARKS but for the ellipsis, which ends no sentence
# often enough inside a line: the feature the models were trained on).
_SENTENCE_INSIDE = re.compile(r"[.!?。！？](?:\s|$)")
_SEPARATORS = re.compile(r"[|•·»›«‹/\\>]")
#: A date or a time: 05/10/2018, 2018-10-05, 0:13, or a year with a day ("22 de janeiro de 2018").
DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\b.*\b(19|20)\d{2}\b|\b(19|20)\d{2}\b.*\b\d{1,2}\b"
)
#: How many of each wordfreq language's most frequent words count as its stop words: the
#: function words (articles, prepositions, pronouns) that prose holds and labels do not.
#: The features below were designed with the learned models (commit 01a375b) and the models were
#: trained on them (scripts/train_boilerplate.py): a change here means retraining, and the
#: bench_extract.py F1 it then gives is the figure that judges it. No sweep of them is recorded.
STOP_WORDS_PER_LANGUAGE = 60
#: A dateline is a date in a line of at most this many words ("Posted on May 3, 2019 by Jane").
DATELINE_WORDS = 15
#: A line is prose from this many words when it ends like a sentence, or from the second number
#: whatever its end (the rule-based extractor's figures, kept as the models' "prose" feature).
PROSE_WORDS = (8, 25)
#: Prose density is counted in windows of this many lines each side of a line.
PROSE_WINDOWS = (3, 6)
#: Distance to the nearest prose line before and after, capped here (lines).
PROSE_DISTANCE_CAP = 50

TEXT_FEATURES = [
    "log_chars", "log_words", "mean_word_len", "alpha", "digits", "upper", "punct", "cap_words", "stop_words",
    "sentences", "ends_sentence", "ends_period", "ends_colon", "starts_upper", "chrome", "teaser", "comment_header",
    "dateline", "url", "separators", "copyright", "commas",
]


@cache
def stop_words() -> frozenset[str]:
    """The most frequent words of every language wordfreq has a list for (its "small" lists),
    read from the head of each list only (~5 ms, not ~0.3 s for the 42 lists read whole)."""
    from ..wordlists import most_frequent, small_lists

    words: set[str] = set()
    for _, path in sorted(small_lists().items()):
        words |= most_frequent(path, STOP_WORDS_PER_LANGUAGE)
    return frozenset(words)


def text_stats(text: str) -> list[float]:
    """What a text looks like, in the order of :data:`TEXT_FEATURES`."""
    return _text_stats(text)[0]


def _text_stats(text: str) -> tuple[list[float], int, str]:
    """:func:`text_stats`, the text's word count (:func:`~normalize.unicode.words.count_words`)
    and its :func:`~normalize.unicode.words.normal_words`."""
    n = len(text) or 1
    words = _WORD.findall(text)
    n_words = count_words(text, words)
    alpha, upper, digits, punct = _char_counts(text)
    joined = " ".join(words).lower()
    lowered = joined.split(" ")  # as each word lowered: a space ends a final sigma
    # lowercasing an ASCII text changes no \w run; elsewhere it may ("İ" lowered is "i" and a mark)
    key = joined if text.isascii() else normal_words(text)
    stops = stop_words()
    stripped = text.strip()
    stats = [
        math.log1p(len(text)), math.log1p(n_words), sum(map(len, words)) / len(words) if words else 0.0,
        alpha / n, digits / n, upper / alpha if alpha else 0.0, punct / n,
        sum(map(str.isupper, map(_FIRST, words))) / len(words) if words else 0.0,  # capitalised words
        sum(map(stops.__contains__, lowered)) / len(words) if words else 0.0,
        float(len(_SENTENCE_INSIDE.findall(text))), float(ends_like_sentence(text)),
        float(stripped.endswith(".")), float(stripped.endswith(":")), float(stripped[:1].isupper()),
        float(is_chrome_line(text)), float(is_teaser_marker(text)), float(is_comment_header(text)),
        # a DATE needs a digit (\d: a decimal digit, which no letter is)
        float(n_words <= DATELINE_WORDS and digits > 0 and bool(DATE.search(text))), float(names_link(text)),
        float(len(_SEPARATORS.findall(text))), float("©" in text or "copyright" in text.lower()),
        float(text.count(",")),
    ]
    return stats, n_words, key


_FIRST = itemgetter(0)  # a word's initial, for ``cap_words``


def _char_kind(char: str) -> str:
    """``a`` for a letter, ``d`` a digit, ``s`` a space, ``p`` anything else (the first that
    holds), in capitals where the character is uppercase (``str.isupper``, letter or not)."""
    kind = "a" if char.isalpha() else "d" if char.isdigit() else "s" if char.isspace() else "p"
    return kind.upper() if char.isupper() else kind


#: Characters whose kind :class:`_Kinds` remembers at most: the 90 dev article pages' blocks
#: hold 990 distinct ones, this is a hundred times that (a few MB); a page of every code point
#: would otherwise fill a dictionary of 1.1 million.
MAX_KNOWN_CHARS = 100_000


class _Kinds(dict):
    """A ``str.translate`` table from a code point to its :func:`_char_kind`, filled as the
    characters come (up to :data:`MAX_KNOWN_CHARS`)."""

    def __missing__(self, code: int) -> str:
        kind = _char_kind(chr(code))
        if len(self) < MAX_KNOWN_CHARS:
            self[code] = kind
        return kind


_KINDS = _Kinds()
_ASCII_KINDS = bytes(ord(_char_kind(chr(code))) for code in range(128)) + bytes(128)


def _char_counts(text: str) -> tuple[int, int, int, int]:
    """The text's letters, uppercase letters, digits, and characters that are none of these
    nor a space: a :func:`_char_kind` per character, counted.

    >>> _char_counts("Ab 1, Ⅷ²")
    (2, 1, 2, 2)
    """
    if text.isascii():  # a bytes table, the fastest (bytes.count takes a byte's value)
        kinds, names = text.encode().translate(_ASCII_KINDS), b"aAdDpP"
    else:
        kinds, names = text.translate(_KINDS), "aAdDpP"
    alpha, upper, digits, upper_digits, punct, upper_punct = map(kinds.count, names)
    return alpha + upper, upper, digits + upper_digits, punct + upper_punct


_SITE_SUFFIX = re.compile(r"(?:^|\s)[-|–—]\s*([^-|–—]{3,60})$")


def site_suffixes(lines: list[str]) -> set[str]:
    """Endings like `` - Daily News`` that several lines share, or that stand alone on a line:
    the site's name, added to photo captions, teaser links and the page title.

    >>> sorted(site_suffixes(["A photo - Daily News", "A story - Daily News", "- Daily News", "Text."]))
    ['daily news']
    """
    counts: Counter = Counter()
    for line in set(lines):
        match = _SITE_SUFFIX.search(line)
        if match:
            counts[match.group(1).strip().lower()] += 1
    alone = {line.strip().lower() for line in lines}  # the site's name on a line of its own
    return {suffix for suffix, n in counts.items() if n >= 2 or suffix in alone}


def ends_with_site(line: str, suffixes: set[str]) -> bool:
    """The line ends with one of the page's :func:`site_suffixes`."""
    match = _SITE_SUFFIX.search(line) if suffixes else None
    return bool(match) and match.group(1).strip().lower() in suffixes


_NEIGHBOURS = (-2, -1, 1, 2)
# Of each neighbour: log words, ends like a sentence, chrome phrase, stop-word share (lines);
# plus link density and the same container (blocks).
_LINE_NEIGHBOUR = ["log_words", "ends_sentence", "chrome", "stop_words", "sentences"]
LINE_FEATURES = (
    TEXT_FEATURES
    + ["position", "words_before", "repeats", "is_first", "same_as_first", "in_first_line", "site_suffix", "rel_words",
       "window3_prose", "window6_prose", "prose_before", "prose_after"]
    + [f"{name}@{d}" for d in _NEIGHBOURS for name in _LINE_NEIGHBOUR]
)
_IDX = {name: i for i, name in enumerate(TEXT_FEATURES)}
_NEIGHBOUR_VIEW = itemgetter(*(_IDX[name] for name in _LINE_NEIGHBOUR))  # a tuple of them, from a stats row


def prose_like(words: float, ends_sentence: bool) -> bool:
    """Whether a text of this many words, ending like a sentence or not, reads as prose
    (:data:`PROSE_WORDS`).

    >>> prose_like(10, True), prose_like(10, False), prose_like(30, False)
    (True, False, True)
    """
    return words >= PROSE_WORDS[1] or words >= PROSE_WORDS[0] and ends_sentence


def _is_prose(stats: list[float]) -> bool:
    return prose_like(math.expm1(stats[_IDX["log_words"]]), bool(stats[_IDX["ends_sentence"]]))


def _sequence(stats: list[list[float]], words: list[int]) -> list[list[float]]:
    """Position, density of prose around, and the neighbours' main features, for every item."""
    n = len(stats)
    total = sum(words) or 1
    prose = [_is_prose(s) for s in stats]
    prose_words = [w if p else 0 for w, p in zip(words, prose)]
    cumulative = [0]
    for w in prose_words:
        cumulative.append(cumulative[-1] + w)
    most = max(words, default=0) or 1
    before = [0.0] * n
    after = [0.0] * n
    last = -1_000
    for i in range(n):
        before[i] = min(i - last, PROSE_DISTANCE_CAP)
        if prose[i]:
            last = i
    last = 1_000_000
    for i in range(n - 1, -1, -1):
        after[i] = min(last - i, PROSE_DISTANCE_CAP)
        if prose[i]:
            last = i
    # each item's features that its neighbours show, with -1 for the items beyond both ends
    reach = max(map(abs, _NEIGHBOURS))
    beyond = [(-1.0,) * len(_LINE_NEIGHBOUR)] * reach
    shown = beyond + list(map(_NEIGHBOUR_VIEW, stats)) + beyond
    near, far = PROSE_WINDOWS
    rows = []
    running = 0
    for i in range(n):
        row = [
            i / max(1, n - 1), running / total, 0.0, 0.0, 0.0, 0.0, 0.0, words[i] / most,
            math.log1p(cumulative[min(n, i + near + 1)] - cumulative[max(0, i - near)]),
            math.log1p(cumulative[min(n, i + far + 1)] - cumulative[max(0, i - far)]),
            before[i], after[i],
        ]
        running += words[i]
        for d in _NEIGHBOURS:
            row += shown[reach + i + d]
        rows.append(row)
    return rows


def line_features(lines: list[str]) -> list[list[float]]:
    """A row of :data:`LINE_FEATURES` per line of a text dump (its first line is often the
    page's ``<title>``)."""
    return _line_rows(lines)[0]


def _line_rows(lines: list[str]) -> tuple[list[list[float]], list[int], list[str]]:
    """:func:`line_features`, with each line's word count and :func:`normal_words` key."""
    facts = [_text_stats(line) for line in lines]
    stats = [row for row, _, _ in facts]
    words = [n_words for _, n_words, _ in facts]
    keys = [key for _, _, key in facts]
    counts = Counter(keys)
    first = keys[0] if keys else ""
    suffixes = site_suffixes(lines)
    rows = _sequence(stats, words)
    for i, (row, key) in enumerate(zip(rows, keys)):
        row[2] = float(counts[key] - 1)
        row[3] = float(i == 0)
        row[4] = float(i > 0 and bool(key) and key == first)
        row[5] = float(i > 0 and bool(key) and f" {key} " in f" {first} ")
        row[6] = float(ends_with_site(lines[i], suffixes))
    return [s + r for s, r in zip(stats, rows)], words, keys


TAGS = ["p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figcaption",
        "dd", "dt", "caption", "address", "label", "nav", "footer", "aside", "header", "form", "span", "a"]
_TAG_CODE = {tag: i for i, tag in enumerate(TAGS)}
_CONTEXT_CODE = {"": 0, "nav": 1, "footer": 2, "aside": 3, "header": 4, "form": 5}
_BLOCK_OWN = (
    ["tag", "context", "depth", "rel_depth", "link_density", "in_article", "block_repeats", "is_title_text", "hidden"]
    + [f"near_{name}" for name, _ in HINT_GROUPS] + [f"far_{name}" for name, _ in HINT_GROUPS]
    + ["parent_blocks", "parent_words", "parent_share", "parent_links", "parent_prose", "parent_rank",
       "grand_blocks", "grand_words", "grand_share", "grand_links", "grand_prose", "grand_rank"]
)
_BLOCK_NEIGHBOUR = ["tag", "link_density", "same_parent"]
#: What the whole page looks like, the same on each of its blocks: the signal of its kind (an
#: article is prose; a listing, a collection or a forum is items, links and repeated containers).
#: The kind a page declares itself (JSON-LD ``@type``, ``og:type``: article, product, discussion,
#: collection) as four more was tried (nested by-site CV of all 3,059 pages, d055edb): WCXB 0.856
#: -> 0.856, product 0.619 -> 0.635, collection 0.646 -> 0.656, listing 0.666 -> 0.651, service
#: 0.847 -> 0.841, the wceb macro 0.909 -> 0.908, the article benchmark 0.965 -> 0.965: moves
#: within what a retraining moves a kind of ~100 pages (±0.02); not kept.
PAGE_FEATURES = ["page_blocks", "page_link_density", "page_prose_share", "page_item_share", "page_heading_share",
                 "page_in_article", "parent_siblings", "in_prose_root", "prose_root_share", "in_text_root",
                 "text_root_share"]
#: A page's content root is the deepest container holding over this share of the page's words
#: (of unlinked prose for the prose root, of any text for the text root): where the article or
#: the list of items is. Over a half makes it one container, the chain's deepest.
ROOT_SHARE = 0.5
BLOCK_FEATURES = (
    TEXT_FEATURES + LINE_FEATURES[len(TEXT_FEATURES):] + _BLOCK_OWN
    + [f"{name}@{d}" for d in _NEIGHBOURS for name in _BLOCK_NEIGHBOUR] + PAGE_FEATURES
)
_ITEM_TAGS = frozenset({"li", "td", "th", "dd", "dt"})
#: The heading tags (a page of headings alone is no article; the title is looked for above the first other block).
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Features LightGBM treats as categories, not numbers.
CATEGORICAL = ["tag", "context"] + [f"tag@{d}" for d in _NEIGHBOURS]


def block_features(page: Page) -> list[list[float]]:
    """A row of :data:`BLOCK_FEATURES` per block of a parsed page."""
    blocks = page.blocks
    line_rows, words, keys = _line_rows([b.text for b in blocks])
    max_depth = max((b.depth for b in blocks), default=0) or 1
    counts = Counter(keys)
    titles = {normal_words(t) for key in ("og", "title", "h1") for t in page.evidence.get(key, [])}
    tags = [float(_TAG_CODE.get(b.tag, len(TAGS))) for b in blocks]
    density = [b.link_chars / max(1, len(b.text)) for b in blocks]
    prose = [float(_is_prose(row)) for row in line_rows]
    # the page's shape is what a reader sees: hidden blocks (a closed panel, a pop-up) count
    # only in the containers that hold nothing else
    shown = [not b.hidden for b in blocks]
    containers = _container_features(blocks, words, density, prose, shown)
    page_row = _page_features(*(_only(shown, x) for x in (blocks, words, prose)))
    # containers of the same grandparent: items of a list, cards of a grid, posts of a thread
    siblings = Counter(b.grandparent for b in {b.parent: b for b in blocks}.values())
    shown_words = [w if v else 0 for v, w in zip(shown, words)]
    roots = _root_features(blocks, page.container_parent,
                           [[w * p * (1 - d) for w, p, d in zip(shown_words, prose, density)], shown_words])
    rows = []
    for i, (b, row) in enumerate(zip(blocks, line_rows)):
        own = [
            tags[i], float(_CONTEXT_CODE.get(b.context, 0)), float(b.depth), b.depth / max_depth, density[i],
            float(b.in_article), float(counts[keys[i]] - 1), float(bool(keys[i]) and keys[i] in titles),
            float(b.hidden),
        ]
        own += _hint_bits(b.near) + _hint_bits(b.far) + containers[("p", b.parent)] + containers[("g", b.grandparent)]
        for d in _NEIGHBOURS:
            j = i + d
            if 0 <= j < len(blocks):
                own += [tags[j], density[j], float(blocks[j].parent == b.parent)]
            else:
                own += [-1.0, -1.0, -1.0]
        rows.append(row + own + page_row + [math.log1p(siblings[b.grandparent])]
                    + [x for inside, share in roots for x in (inside[i], share)])
    return rows


def _root_features(blocks: list, container_parent: dict[int, int],
                   weights: list[list[float]]) -> list[tuple[list[float], float]]:
    """For each list of block weights: whether each block sits in the page's content root
    (:data:`ROOT_SHARE`), and the share of the weight the root holds (0 where no container
    holds enough)."""
    per_parent: dict[int, list[float]] = {}
    for b, *ws in zip(blocks, *weights):
        sums = per_parent.get(b.parent)
        if sums is None:
            per_parent[b.parent] = list(ws)
        else:
            for k, w in enumerate(ws):
                sums[k] += w
    chains = {parent: _chain(parent, container_parent) for parent in per_parent}
    out = []
    for k, ws in enumerate(weights):
        total = sum(ws)
        held: Counter = Counter()
        for parent, sums in per_parent.items():
            if sums[k]:
                for node in chains[parent]:
                    held[node] += sums[k]
        # over half: the containers that hold it form one chain; the root is its deepest
        over = [node for node, w in held.items() if w > ROOT_SHARE * total] if total else []
        if not over:
            out.append(([0.0] * len(blocks), 0.0))
            continue
        root = max(over, key=lambda node: len(_chain(node, container_parent)))
        inside = {parent: float(root in chain) for parent, chain in chains.items()}
        out.append(([inside[b.parent] for b in blocks], held[root] / total))
    return out


def _chain(node: int, container_parent: dict[int, int]) -> list[int]:
    """A container and the containers above it, up to the page (0, which ends every chain)."""
    chain = []
    while node and len(chain) <= len(container_parent):
        chain.append(node)
        node = container_parent.get(node, 0)
    return chain


def _page_features(blocks: list, words: list[int], prose: list[float]) -> list[float]:
    """:data:`PAGE_FEATURES` but the last (per block): the page's blocks, link density, share of
    words in prose, shares of blocks that are list or table items and headings, share of words
    inside ``<article>``/``<main>``."""
    n = len(blocks) or 1
    total_words = sum(words) or 1
    chars = sum(len(b.text) for b in blocks) or 1
    return [
        math.log1p(len(blocks)), sum(b.link_chars for b in blocks) / chars,
        sum(w * p for w, p in zip(words, prose)) / total_words,
        sum(b.tag in _ITEM_TAGS for b in blocks) / n, sum(b.tag in HEADING_TAGS for b in blocks) / n,
        sum(w for w, b in zip(words, blocks) if b.in_article) / total_words,
    ]


@cache
def _hint_bits(mask: int) -> list[float]:
    """A hint mask (:data:`~normalize.structure.page.HINT_GROUPS`) as one 0/1 feature a group
    (a page has a few dozen distinct masks; the list is only ever copied from)."""
    return [float(mask >> bit & 1) for bit in range(len(HINT_GROUPS))]


def _container_features(blocks: list, words: list[int], density: list[float],
                        prose: list[float], shown: list[bool]) -> dict[tuple[str, int], list[float]]:
    """The parent (``p``) and grandparent (``g``) containers' features, by container: their
    blocks, words, share of the page's words, link density, prose share, and words of unlinked
    prose against the page's richest container of the level; from the blocks a reader sees
    (``shown``), and for a container of hidden blocks only, from those."""
    groups: dict[tuple[str, int], list[float]] = {}
    hidden: dict[tuple[str, int], list[float]] = {}
    for b, w, d, p, v in zip(blocks, words, density, prose, shown):
        for level, key in (("p", b.parent), ("g", b.grandparent)):
            g = (groups if v else hidden).setdefault((level, key), [0.0, 0.0, 0.0, 0.0, 0.0])
            g[0] += 1
            g[1] += w
            g[2] += d * w
            g[3] += p
            g[4] += w * p * (1 - d)  # words of unlinked prose
    # the containers richest in unlinked prose: where readability would look for the article
    best = {level: max((g[4] for (lv, _), g in groups.items() if lv == level), default=0.0) or 1.0
            for level in ("p", "g")}
    total = sum(w for w, v in zip(words, shown) if v) or 1
    return {
        (level, key): [math.log1p(n_blocks), math.log1p(n_words), n_words / total,
                       links / n_words if n_words else 0.0, n_prose / n_blocks, rich / best[level]]
        for (level, key), (n_blocks, n_words, links, n_prose, rich) in (hidden | groups).items()
    }


def _only(keep: list[bool], items: list) -> list:
    """The items whose ``keep`` is true."""
    return [x for x, k in zip(items, keep) if k]
