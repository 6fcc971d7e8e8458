"""The article body of a web page: two extractors, one choice, then a clean-up.

trafilatura (precision mode, no comments) and the readability algorithm fail on different pages,
so both run on one parsed (lxml) tree, hidden elements dropped: :func:`join_split_body` adds the
parts of an article split by ad columns that trafilatura cut off, :func:`combine` keeps the better
candidate from how much they agree (and trims closing teasers only trafilatura kept), and
:func:`tidy` drops what both keep too often: the title, datelines, duplicated paragraphs and
multilingual chrome lines (share prompts, read-also teasers, credits, newsletter promos).

>>> page = '''<html><head><title>Storm hits the coast - Daily News</title></head><body>
... <nav><a href="/">Home</a> <a href="/world">World</a></nav>
... <article><h1>Storm hits the coast</h1>
... <p>The storm reached the coast on Monday night, officials said, and thousands of homes lost power.</p>
... <p style="display:none">Hidden text that a reader never sees on the page.</p>
... <p>It is expected to weaken by Wednesday as it moves inland, forecasters said in a statement.</p>
... <p>Share this article</p></article>
... <footer>All rights reserved</footer></body></html>'''
>>> print(extract_html(page))
The storm reached the coast on Monday night, officials said, and thousands of homes lost power.
<BLANKLINE>
It is expected to weaken by Wednesday as it moves inland, forecasters said in a statement.
"""

from __future__ import annotations

import re
from collections import Counter

import trafilatura
from lxml import etree
from lxml.html import HTMLParser, HtmlElement, document_fromstring
from trafilatura.readability_lxml import Document as Readability

from .chrome import is_chrome_line
from .text import is_prose
from .words import PARAGRAPH_SEPARATOR, count_words, ends_like_sentence, normal_words, shingles

_SPACES = re.compile(r"\s+")
_PARSER = HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False, huge_tree=True
)
# Elements a reader never sees: the `hidden` attribute, inline display:none / visibility:hidden.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_STYLED_OR_HIDDEN = etree.XPath("//*[@hidden or @style]")
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre td th dt dd figcaption div section article br tr ul ol table".split()
)
# A date or a time: 05/10/2018, 2018-10-05, 0:13, or a year with a day ("22 de janeiro de 2018").
_DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}\b.*\b(19|20)\d{2}\b|\b(19|20)\d{2}\b.*\b\d{1,2}\b"
)
# Datelines and bylines are short.
DATELINE_WORDS = 15
# A candidate this short (in 4-word shingles, about as many words) is no article on its own.
TOO_SHORT = 50
# Candidates sharing less than this much of the shorter one's text found different blocks; the
# readability one is preferred then only when it is this much longer.
DISAGREEMENT = 0.2
MUCH_LONGER = 1.5
# Candidates sharing this much of the shorter one's text found the same article.
AGREEMENT = 0.9
# How many levels above the article's element its split-off parts are looked for.
SPLIT_SCOPE = 2
# A split-off part holds at least this many paragraphs of prose (a teaser card holds one).
SPLIT_PART_PROSE = 3


def parse(html: str | bytes) -> HtmlElement | None:
    """An lxml tree of the page, broken markup repaired; ``None`` when it is not HTML at all."""
    if isinstance(html, bytes):
        from ..decode import decode_bytes

        html = decode_bytes(html)
    try:
        # bytes in a declared encoding: lxml refuses a str that declares one (<?xml encoding=…?>)
        tree = document_fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except etree.ParserError:
        return None  # nothing but whitespace or comments
    for element in _STYLED_OR_HIDDEN(tree):
        hidden = element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or "")
        if hidden and element.getparent() is not None:
            element.drop_tree()
    return tree


def hit_depth_limit() -> bool:
    """Whether the last :func:`parse` gave up below some depth (libxml2 stops at 2,048 levels):
    the text nested deeper is missing from the tree."""
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in _PARSER.error_log)


def title_candidates(tree: HtmlElement) -> list[str]:
    """What the page calls its title: og:title, ``<title>`` and the ``<h1>`` headings."""
    found = tree.xpath("//meta[@property='og:title' or @name='twitter:title']/@content")
    found += tree.xpath("//title//text()") + ["".join(h1.itertext()) for h1 in tree.iter("h1")]
    return [text for text in (_SPACES.sub(" ", t).strip() for t in found) if text]


def trafilatura_lines(tree: HtmlElement) -> list[str]:
    """trafilatura's main text (precision mode, no comments, no fallbacks: we run our own)."""
    text = trafilatura.extract(tree, favor_precision=True, include_comments=False, fast=True) or ""
    return [line for line in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if line]


def readability_lines(tree: HtmlElement) -> list[str]:
    """The readability algorithm's main text, one line per block element (mutates ``tree``)."""
    summary = Readability(tree, min_text_length=25).summary()
    if not summary.strip():
        return []
    return block_lines(etree.fromstring(summary, etree.HTMLParser()))


def block_lines(root: HtmlElement) -> list[str]:
    """The text of a tree, a line per block element (paragraph, heading, list item, cell)."""
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    # An explicit stack instead of recursion: pages nest thousands of levels deep.
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        is_block = isinstance(element.tag, str) and element.tag in _BLOCK_TAGS
        if closing:
            if is_block:
                end_line()
            if element.tail:
                current.append(element.tail)
            continue
        if is_block:
            end_line()
        if isinstance(element.tag, str) and element.text:
            current.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    end_line()
    return lines


def join_split_body(tree: HtmlElement, lines: list[str]) -> list[str]:
    """``lines`` plus the paragraphs of the article's split-off parts: elements with the same tag
    and class as the one holding the extracted paragraphs, near it (``div.article-body`` twice
    with an ad column between, or once in each of several page sections), which extractors tend
    to cut after the first part."""
    keys = {normal_words(line) for line in lines}
    holders = Counter(p.getparent() for p in tree.iter("p") if normal_words(p.text_content()) in keys)
    holder = holders.most_common(1)[0][0] if holders else None
    if holder is None or not holder.get("class"):
        return lines
    scope = holder
    for _ in range(SPLIT_SCOPE):
        scope = scope.getparent() if scope.getparent() is not None else scope
    before: list[str] = []
    after: list[str] = []
    seen_holder = False
    for element in scope.iter(holder.tag):
        if element is holder:
            seen_holder = True
        elif element.get("class") == holder.get("class") and not _nested(element, holder):
            part = [line for line in block_lines(element) if normal_words(line) not in keys]
            if sum(map(is_prose, part)) >= SPLIT_PART_PROSE:
                (after if seen_holder else before).extend(part)
    return before + lines + after


def _nested(element: HtmlElement, other: HtmlElement) -> bool:
    """One of the two elements contains the other."""
    return any(a is other for a in element.iterancestors()) or any(a is element for a in other.iterancestors())


def combine(precise: list[str], generic: list[str]) -> list[str]:
    """One article from trafilatura's candidate (``precise``) and readability's (``generic``).

    readability's wins where it is clearly the article: trafilatura found almost nothing, or the
    two disagree entirely and readability's is much longer (trafilatura caught a side block).
    Where both found the same article, :func:`merge` trims trafilatura's with readability's."""
    ours, theirs = shingles("\n".join(precise)), shingles("\n".join(generic))
    n_ours, n_theirs = sum(ours.values()), sum(theirs.values())
    shared = sum((ours & theirs).values())
    if n_theirs > n_ours and (n_ours < TOO_SHORT or shared < DISAGREEMENT * n_ours and n_theirs > MUCH_LONGER * n_ours):
        return generic
    if shared >= AGREEMENT * min(n_ours, n_theirs) > 0:
        return merge(precise, generic)
    return precise


def merge(precise: list[str], generic: list[str]) -> list[str]:
    """trafilatura's lines without the closing headline-like lines that readability did not keep:
    related-article teasers after the text.

    >>> merge(["First sentence.", "Second sentence.", "Another Story Title"], ["First sentence.", "Second sentence."])
    ['First sentence.', 'Second sentence.']
    """
    generic_text = " ".join(map(normal_words, generic))
    end = len(precise)
    while end > 0 and normal_words(precise[end - 1]) not in generic_text and not ends_like_sentence(precise[end - 1]):
        end -= 1
    return precise[:end]


def is_title(line: str, titles: list[str]) -> bool:
    """The line repeats the page title (``<title>`` often adds the site's name after it)."""
    line = normal_words(line)
    return bool(line) and any(line == t or t.startswith(line + " ") for t in map(normal_words, titles))


def is_dateline(line: str) -> bool:
    """A short line carrying a date or a time: a byline or a publication stamp.

    >>> is_dateline("segunda-feira, 22 de janeiro de 2018 às 0:13"), is_dateline("Calendário da Stock Car 2018")
    (True, False)
    """
    return count_words(line) <= DATELINE_WORDS and bool(_DATE.search(line))


def tidy(lines: list[str], titles: list[str]) -> list[str]:
    """Drop the title and datelines before the text, repeated paragraphs and chrome lines."""
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = normal_words(line)
        if key in seen or is_chrome_line(line) or not kept and (is_title(line, titles) or is_dateline(line)):
            continue
        seen.add(key)
        kept.append(line)
    return kept


def article_lines(html: str | bytes) -> list[str]:
    """The article body's paragraphs, in order; ``[]`` for a page with no article."""
    return read_article(html)[1]


def read_article(html: str | bytes) -> tuple[list[str], list[str]]:
    """The page's title candidates and its article body's paragraphs."""
    tree = parse(html)
    if tree is None:
        return [], []
    titles = title_candidates(tree)
    precise = trafilatura_lines(tree)  # trafilatura works on a copy: the tree stays intact
    precise = join_split_body(tree, precise)
    lines = tidy(combine(precise, readability_lines(tree)), titles)
    return titles, lines if any(map(is_prose, lines)) else []


def extract_html(html: str | bytes) -> str:
    """The main text of a web page: body paragraphs separated by blank lines, no title or chrome."""
    return PARAGRAPH_SEPARATOR.join(article_lines(html))
