"""The article body of a web page, from one parse and the learned block classifier.

:func:`~normalize.structure.page.parse_page` turns the page into blocks; the HTML model
(:mod:`normalize.boilerplate.model`) scores each from its features and its neighbours'; a body
paragraph the page repeats is kept each time (nothing a reader sees is lost); the title comes
from all the page's evidence (:func:`~normalize.boilerplate.title.choose_title`); its block is
the title, and no copy of it is body.

>>> page = '''<html><head><title>Storm hits the coast - Daily News</title></head><body>
... <nav><a href="/">Home</a> <a href="/world">World</a></nav>
... <article><h1>Storm hits the coast</h1>
... <p>The storm reached the coast on Monday night, officials said, and thousands of homes lost power.</p>
... <div class="popup" style="display:none"><p>Sign up for our newsletter to get the top stories.</p></div>
... <p>It is expected to weaken by Wednesday as it moves inland, forecasters said in a statement.</p>
... <p><a href="/share">Share this article</a></p></article>
... <footer>All rights reserved</footer></body></html>'''
>>> print(extract_html(page))
The storm reached the coast on Monday night, officials said, and thousands of homes lost power.
<BLANKLINE>
It is expected to weaken by Wednesday as it moves inland, forecasters said in a statement.
"""

from __future__ import annotations

import math

from ..structure.features import BLOCK_FEATURES, HEADING_TAGS, block_features
from ..structure.page import Page, parse_page
from ..document import PARAGRAPH_SEPARATOR
from ..encoding.decode import decode_bytes
from ..unicode.words import count_words, normal_words
from .model import block_probabilities, is_body
from .text import is_prose, line_roles
from .title import choose_title, title_window

_CHROME = BLOCK_FEATURES.index("chrome")
_CONTEXT = BLOCK_FEATURES.index("context")
_LINKS = BLOCK_FEATURES.index("link_density")
_WORDS = BLOCK_FEATURES.index("log_words")
_NAV, _FOOTER = 1.0, 2.0  # the context codes of <nav> and of <footer>/role="contentinfo" (features._CONTEXT_CODE)
_NEAR_NAV = BLOCK_FEATURES.index("near_nav")
_NEAR_FOOT = BLOCK_FEATURES.index("near_footer")
_DATELINE = BLOCK_FEATURES.index("dateline")
_HIDDEN = BLOCK_FEATURES.index("hidden")
_COMMENT = BLOCK_FEATURES.index("near_comment")
_CELLS = frozenset({"td", "th"})
#: The page's structured data (JSON-LD ``articleBody``) is the body when the visible body holds
#: under this share of its words: the article is then elsewhere (rendered by a script, or only
#: in the data). At 0.5 a visible body that is a teaser of the article gives way to it.
STRUCTURED_SHARE = 0.5
#: Where the model finds no body (and in a comment section kept with ``comments``), a prose
#: block is body when under this share of its text is links (a link list is not the article;
#: commit 028a351): 0.25 gives 0.9839 / 0.9141 on the dev pages, 0.75 the defaults' 0.9839 / 0.9137.
FALLBACK_LINK_DENSITY = 0.5
#: Where neither finds a body, the blocks scoring at least RELATIVE_SHARE of the page's best score
#: are the body, when that best reaches RELATIVE_FLOOR (a listing or a collection whose items the
#: model doubts one by one): by-site cross-validation on WCXB, 0.6 / 0.75 / 0.9 of the best gave
#: word F1 0.832 / 0.831 / 0.831 (none: 0.831), collections 0.537 / 0.533 / 0.527 (none: 0.527);
#: floors 0.3 / 0.15 / 0.05 / 0 left 14 / 11 / 9 / 6 pages empty at F1 0.830 / 0.830 / 0.831 /
#: 0.828 (at 0, products lose 0.025: the best of nothing is chrome); 0.3 kept, as below it a page
#: with no article at all (tests/test_extract_html.py) gets its chrome as body.
RELATIVE_SHARE = 0.6
RELATIVE_FLOOR = 0.3
#: An article's comment section (blocks whose class/id, within two levels, names comments or
#: replies; a product page's customer reviews) is not its body when the body outside it holds at
#: least this many words; below it the "comments" are the page (a forum thread whose posts are
#: replies). By-site held-out probabilities of all 3,059 pages, at 1 / 20 / 50 / 100 / 200
#: words: WCXB 0.8619 / 0.8625 / 0.8625 / 0.8625 / 0.8616 (kept: 0.8602), its forums 0.791 /
#: 0.799 / 0.799 / 0.799 / 0.792 (0.794), L3S-GN1 0.908 / 0.908 / 0.908 / 0.908 / 0.907 (0.903);
#: leaving code listings out of the section then moved WCXB to 0.8628.
COMMENTS_MIN_BODY = 50


def _plain_prose(text: str, row: list[float]) -> bool:
    """Prose that is not mostly links (:data:`FALLBACK_LINK_DENSITY`)."""
    return is_prose(text) and row[_LINKS] < FALLBACK_LINK_DENSITY


def comment_section(texts: list[str], tags: list[str], rows: list[list[float]], body: list[bool],
                    never: list[bool], comments: bool = False, reviews: list[bool] | None = None) -> list[bool]:
    """``body`` with the page's comment section decided: the blocks whose class/id, within two
    levels, names comments or replies (``comment``, ``reply``, ``disqus``...), but for code
    listings (``<pre>``: a highlighter's ``hljs-comment`` marks a comment in the code), and a
    product page's customer reviews (``reviews``: :attr:`~normalize.structure.page.PageBlock.reviews`;
    by-site held-out probabilities of WCXB's pages: products 0.631 -> 0.647, all 0.8628 ->
    0.8632, the older sets unchanged; a buying guide whose products are declared and whose
    write-ups sit in ``…-review`` boxes loses). Without
    ``comments`` they are not body when the body outside them has :data:`COMMENTS_MIN_BODY`
    words (an article's comments; a forum thread whose posts are replies keeps them); with
    ``comments`` their prose is body unless it is mostly links or never body (``never``).
    (WCXB's and L3S-GN1's annotators leave comments out, Dragnet's and CleanEval's count them:
    trafilatura's ``include_comments`` makes the same choice.)"""
    reviews = reviews or [False] * len(rows)
    section = [(bool(r[_COMMENT]) or v) and tag != "pre" for r, tag, v in zip(rows, tags, reviews)]
    if comments:
        return [b or (s and not n and _plain_prose(t, r)) for b, s, n, t, r in zip(body, section, never, texts, rows)]
    outside = sum(count_words(t) for t, b, s in zip(texts, body, section) if b and not s)
    if outside < COMMENTS_MIN_BODY:
        return body
    return [b and not s for b, s in zip(body, section)]


def body_blocks(texts: list[str], tags: list[str], rows: list[list[float]],
                probs: list[float] | None = None, modal: list[bool] | None = None,
                comments: bool = False, reviews: list[bool] | None = None) -> list[bool]:
    """Which blocks are body: the HTML model's call (``probs``: its probabilities, already
    computed), then rules for what it has too few examples of: a chrome phrase (a button, a
    "Read also:" teaser, a credit), a block of the page's footer (``<footer>``,
    ``role="contentinfo"``), a short block in a navigation menu, a dateline opening the body, a
    hidden copy of a block shown and a block of a modal window (``modal``:
    :func:`~normalize.structure.page.is_modal`; a cookie consent, a pop-up, a policy shown on
    demand) are never body. (Footers: 0.2% of the shingles in WCXB's footers and 0.4% in the
    older sets' are annotated content; on the by-site held-out probabilities of all 3,059 pages
    the model kept 10,624 words of WCXB footers, none of them content, and none of the older
    sets': WCXB 0.858 -> 0.860, products 0.624 -> 0.633, the older sets unchanged.) Where the model finds no body but headings, the prose blocks that
    are not links are the body (a page of one paragraph), else the blocks it scores near its
    best (:data:`RELATIVE_SHARE`). Last, the comment section is decided
    (:func:`comment_section`; ``comments``: readers' comments are body; ``reviews``: which
    blocks are a product page's customer reviews). The menu and footer rule reads the
    class/id hints too, and so drops a post's short paragraph in a forum whose posts carry a
    utility class such as ``ipsPadding_bottom``; measured on the by-site held-out probabilities
    of all 3,059 pages (4063984), leaving hinted blocks to the model moves nothing beyond noise
    (wceb macro 0.909 -> 0.910, WCXB 0.856 -> 0.856, forum 0.790 -> 0.789, the article benchmark
    0.965 -> 0.964): kept as it is."""
    probs = block_probabilities(rows) if probs is None else probs
    modal = modal or [False] * len(rows)
    never = [bool(r[_CHROME]) or r[_CONTEXT] == _FOOTER or m for r, m in zip(rows, modal)]
    body = [b and not n
            and not ((r[_CONTEXT] == _NAV or r[_NEAR_NAV] or r[_NEAR_FOOT]) and not is_prose(text))
            for b, n, r, text in zip(is_body(rows, "html", probs=probs, weights=[math.expm1(r[_WORDS]) for r in rows]),
                                     never, rows, texts)]
    if not any(b and tag not in HEADING_TAGS for b, tag in zip(body, tags)):
        # nothing looks like the article but headings: a page of one or two prose paragraphs
        body = [b or (not n and _plain_prose(t, r)) for b, n, t, r in zip(body, never, texts, rows)]
    best = max((p for p, m in zip(probs, modal) if not m), default=0.0)
    if not any(body) and best >= RELATIVE_FLOOR:  # nor prose: the blocks the model likes best (a page of items)
        body = [p >= RELATIVE_SHARE * best and not n for p, n in zip(probs, never)]
    prose = next((i for i, b in enumerate(body) if b and is_prose(texts[i])), len(body))
    for i in range(prose):
        if rows[i][_DATELINE]:
            body[i] = False
    hidden = [i for i, r in enumerate(rows) if r[_HIDDEN] and body[i]]
    if hidden:  # a hidden copy of a block the reader sees (the page's mobile layout) is not the article again
        shown = {normal_words(t) for t, r in zip(texts, rows) if not r[_HIDDEN]}
        for i in hidden:
            body[i] = normal_words(texts[i]) not in shown
    return comment_section(texts, tags, rows, body, never, comments, reviews)


def whole_tables(tags: list[str], body: list[bool]) -> list[bool]:
    """A run of table cells (a table, read row by row) whose cells are mostly body is body
    whole: a value cell is as much the article as its label.

    >>> whole_tables(["p", "th", "td", "th", "td", "p"], [True, True, False, True, True, False])
    [True, True, True, True, True, False]
    """
    body = list(body)
    i = 0
    while i < len(tags):
        if tags[i] not in _CELLS:
            i += 1
            continue
        j = i
        while j < len(tags) and tags[j] in _CELLS:
            j += 1
        if 2 * sum(body[i:j]) >= j - i:
            body[i:j] = [True] * (j - i)
        i = j
    return body


def body_roles(texts: list[str], tags: list[str], rows: list[list[float]],
               probs: list[float] | None = None, modal: list[bool] | None = None,
               comments: bool = False, reviews: list[bool] | None = None) -> tuple[list[str], list]:
    """``body`` or ``boilerplate`` for each block, and the lines around the body's start where
    the headline is looked for (:func:`~normalize.boilerplate.title.title_window`): around its
    first block that is not a heading (a section label in an ``<h1>`` taken for body does not
    move the search away from the headline above the first paragraph), else its first block.
    The title ranker is trained on these windows (held-out exact match 0.790 either way at b9f7c66; 0.779 with the models of 453583f)."""
    roles = ["body" if b else "boilerplate" for b in whole_tables(tags, body_blocks(texts, tags, rows, probs, modal, comments, reviews))]
    body = [i for i, r in enumerate(roles) if r == "body"]
    first = next((i for i in body if tags[i] not in HEADING_TAGS), body[0] if body else len(texts))
    return roles, title_window(texts, tags, first)


def block_roles(texts: list[str], tags: list[str], rows: list[list[float]],
                evidence: dict[str, list[str]], probs: list[float] | None = None,
                modal: list[bool] | None = None, comments: bool = False,
                reviews: list[bool] | None = None) -> tuple[str | None, list[str]]:
    """The page's title and a role (``title``, ``body``, ``boilerplate``) for each block, from
    the blocks' texts, tags and feature rows and the page's title evidence (``probs``: the
    HTML model's probabilities, already computed, e.g. by a model that never saw the page;
    ``modal``: which blocks sit in a modal window; ``comments``: readers' comments are body,
    :func:`comment_section`; ``reviews``: which blocks are a product page's customer reviews)."""
    roles, window = body_roles(texts, tags, rows, probs, modal, comments, reviews)
    first = next((i for i, r in enumerate(roles) if r == "body"), len(texts))
    title = choose_title(evidence, window)
    if title:
        key = normal_words(title)
        same = [i for i, text in enumerate(texts) if normal_words(text) == key]
        # the title's block: the nearest one before the body repeating it, else the first after
        match = max((i for i in same if i < first), default=same[0] if same else None)
        if match is not None:
            roles[match] = "title"
        for i in same:  # the headline is never repeated in the body
            if roles[i] == "body":
                roles[i] = "boilerplate"
    return title, roles


def structured_fallback(texts: list[str], roles: list[str], evidence: dict[str, list[str]]) -> list[str]:
    """The paragraphs of the page's structured data (``evidence["structured_body"]``) when they
    are the article and the visible blocks are not (:data:`STRUCTURED_SHARE`), else ``[]``; the
    caller makes them the body and the visible body blocks boilerplate. (A page's description
    meta tag as a last resort was measured and dropped: on the 16 WCXB pages where it applied,
    word F1 fell from 0.44 to 0.03; 7 of them are annotated as empty.)

    >>> structured_fallback(["Menu", "Log in"], ["boilerplate", "boilerplate"],
    ...                     {"structured_body": ["The post's whole text, in the page's data."]})
    ["The post's whole text, in the page's data."]
    """
    structured = evidence.get("structured_body") or []
    if not structured:
        return []
    visible = sum(count_words(t) for t, role in zip(texts, roles) if role == "body")
    return structured if visible < STRUCTURED_SHARE * sum(map(count_words, structured)) else []


def body_paragraphs(texts: list[str], roles: list[str], evidence: dict[str, list[str]]) -> list[str]:
    """The article's paragraphs: the body blocks' texts, or the structured data's where it is
    the article (:func:`structured_fallback`)."""
    return (structured_fallback(texts, roles, evidence)
            or [text for text, role in zip(texts, roles) if role == "body"])


def page_roles(page: Page, comments: bool = False) -> tuple[str | None, list[str]]:
    """:func:`block_roles` of a parsed page."""
    blocks = page.blocks
    return block_roles([b.text for b in blocks], [b.tag for b in blocks], block_features(page), page.evidence,
                       modal=[b.modal for b in blocks], comments=comments, reviews=[b.reviews for b in blocks])


def read_article(html: str, comments: bool = False) -> tuple[str | None, list[str]]:
    """The page's title and its article body's paragraphs (``[]`` for a page with no article;
    ``comments``: with the readers' comments, :func:`comment_section`)."""
    page = parse_page(html)
    if page.too_deep:
        lines = [line.strip() for line in flatten_html(html).splitlines() if line.strip()]
        roles = line_roles(lines)
        return (next((line for line, role in zip(lines, roles) if role == "title"), None),
                [line for line, role in zip(lines, roles) if role == "body"])
    title, roles = page_roles(page, comments)
    return title, body_paragraphs([b.text for b in page.blocks], roles, page.evidence)


def article_lines(html: str, comments: bool = False) -> list[str]:
    """The article body's paragraphs, in order; ``[]`` for a page with no article."""
    return read_article(html, comments)[1]


def extract_html(html: str | bytes, comments: bool = False) -> str:
    """The main text of a web page: body paragraphs separated by blank lines, no title or chrome
    (``comments``: with the readers' comments)."""
    if isinstance(html, bytes):
        html = decode_bytes(html)
    return PARAGRAPH_SEPARATOR.join(article_lines(html, comments))
