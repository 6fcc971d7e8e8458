"""Structure: HTML or plain text into a title hint and blocks (paragraphs, headings, lines).

Plain text: every non-empty line is a block, the way scraped dumps hold one block element a
line; a blank-line paragraph whose lines are hard-wrapped prose is joined into one block.

>>> [b.text for b in text_blocks("Title\\n\\nFirst line.\\nSecond line.")]
['Title', 'First line.', 'Second line.']

HTML (parsed with lxml, as the extractor parses it): block-level elements become blocks; scripts,
styles and hidden elements are dropped; the chrome container a block sits in (``nav``,
``footer``, ``aside``…) is kept as a hint. Which blocks are the article is the boilerplate
stage's business.

>>> page = "<title>T</title><nav><a>Home</a></nav><article><h1>T</h1><p>Body &amp; more.</p></article>"
>>> [(b.tag, b.text, b.context) for b in html_blocks(page)[1]]
[('nav', 'Home', 'nav'), ('h1', 'T', ''), ('p', 'Body & more.', '')]
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .document import Block, Document
from .extract.html import hit_depth_limit, parse, title_candidates
from .pipeline import Stage

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "title", "meta", "link", "button", "select"}
_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd",
    "figcaption", "caption", "address", "summary", "legend", "label",
}
_CONTAINERS = {"div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol",
               "table", "tbody", "tr", "figure", "form", "body", "html", "span", "dl", "details", "fieldset"}
_CHROME_TAGS = {"nav", "footer", "aside", "form", "header"}
_CHROME_HINT = re.compile(
    r"\b(nav|navbar|menu|breadcrumbs?|footer|sidebar|share|sharing|social|comments?|related|"
    r"subscribe|newsletter|cookie|banner|promo|advert|ads?|login|signup|tags|widget|popup|modal)\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
#: A plain-text line longer than this (a whole document on one line: a dump without line breaks,
#: minified text) is split into pieces of at most PIECE_CHARS, so that classification and
#: language tagging see pieces of paragraph size; no menu, button or byline is this long.
LONG_LINE_CHARS = 5000
#: Pieces end at a sentence end, else a space, else here; 2,000 is a long paragraph.
PIECE_CHARS = 2000
_PIECE_END = re.compile(r"(?<=[.!?…。！？])\s*|\s+")


def _clean(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: lines no wider than a terminal, each broken because the next word
    would not have fitted in the width."""
    if len(lines) < 2 or not 50 <= max(map(len, lines)) <= 100:
        return False
    width = max(map(len, lines))
    return all(len(line) + 1 + len(nxt.split(" ", 1)[0]) > width for line, nxt in zip(lines, lines[1:]))


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text document: one per line, hard-wrapped paragraphs joined."""
    blocks: list[Block] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", line).strip() for line in paragraph.split("\n")]
        lines = [line for line in lines if line]
        if _looks_wrapped(lines):
            blocks.append(Block(" ".join(lines), tag="line"))
        else:
            for line in lines:
                if len(line) > LONG_LINE_CHARS:
                    blocks.extend(Block(piece, tag="piece") for piece in split_long_line(line))
                else:
                    blocks.append(Block(line, tag="line"))
    return blocks


def split_long_line(line: str, size: int = PIECE_CHARS) -> list[str]:
    """A very long line in pieces of at most ``size`` characters, each ending at the last
    sentence end in it, else the last space, else cut at ``size`` (text without spaces).

    >>> split_long_line("One two. Three four five. Six.", size=12)
    ['One two.', 'Three four', 'five. Six.']
    >>> split_long_line("abcdefghij", size=4)
    ['abcd', 'efgh', 'ij']
    """
    pieces, start = [], 0
    while len(line) - start > size:
        window = line[start : start + size + 1]
        ends = [m for m in _PIECE_END.finditer(window, 1) if m.start() <= size]
        sentence = [m for m in ends if m.start() > 0 and window[m.start() - 1] in ".!?…。！？"]
        cut = (sentence or ends)[-1] if ends else None
        end, resume = (cut.start(), cut.end()) if cut else (size, size)
        pieces.append(line[start : start + end].strip())
        start += max(resume, 1)
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def _chrome_context(element: HtmlElement, parent_context: str) -> str:
    if parent_context:
        return parent_context
    if element.tag in _CHROME_TAGS:
        return element.tag
    role = element.get("role")
    if role in ("navigation", "banner", "contentinfo", "complementary"):
        return role
    hint = f"{element.get('class') or ''} {element.get('id') or ''}"
    match = _CHROME_HINT.search(hint.replace("-", " ").replace("_", " "))
    return match.group(1).lower() if match else ""


def html_blocks(html: str) -> tuple[str | None, list[Block]]:
    """The page's title hint (og:title, ``<title>`` or first ``<h1>``) and its blocks in order."""
    tree = parse(html)
    if tree is None:
        return None, []
    if hit_depth_limit():
        return None, text_blocks(flatten_html(html))
    titles = title_candidates(tree)
    blocks: list[Block] = []
    pending: list[str] = []  # inline text collected for the current block
    pending_meta: list[str] = ["div", ""]

    def flush() -> None:
        text = _clean("".join(pending))
        if text:
            blocks.append(Block(text, tag=pending_meta[0], context=pending_meta[1]))
        pending.clear()

    # An explicit stack instead of recursion: pages nest thousands of levels deep. Items are
    # ("element", element, ...), ("text", string, ...) and ("end", None, ...) at a block's end.
    stack: list[tuple[str, HtmlElement | str | None, str, str]] = [("element", tree, "", "")]
    while stack:
        kind, item, block_tag, context = stack.pop()
        if kind == "end":
            flush()
        elif kind == "text":
            if not pending:
                pending_meta[:] = [block_tag or "div", context]
            pending.append(item)
        elif item.tag == "br":
            pending.append("\n")
        elif isinstance(item.tag, str) and item.tag not in _SKIP and item.get("aria-hidden") != "true":
            element_context = _chrome_context(item, context)
            tag = item.tag if item.tag in _BLOCKS or item.tag in _CHROME_TAGS else block_tag
            if item.tag in _BLOCKS or item.tag in _CONTAINERS and item.tag != "span":
                flush()
                stack.append(("end", None, "", ""))
            for child in reversed(item):
                if child.tail:
                    stack.append(("text", child.tail, tag, element_context))
                stack.append(("element", child, tag, element_context))
            if item.text:
                stack.append(("text", item.text, tag, element_context))
    flush()
    return (titles[0] if titles else None), blocks


def flatten_html(html: str) -> str:
    """The text of a page nested too deep for lxml (libxml2 stops at 2,048 levels), read with
    BeautifulSoup's pure-Python parser, which has no depth limit: a line per text node, scripts
    and styles dropped. The block structure is lost, the text is kept.

    >>> flatten_html("<div><p>One &amp; two</p><script>x()</script><p>Three</p></div>")
    'One & two\\nThree'
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template", "noscript"]):
        element.decompose()
    return soup.get_text("\n")


_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(p|div|br|span|a|li|h[1-6]|table)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML page rather than plain text: a document start tag, or markup all through it."""
    return bool(_HTML_START.match(text[:1000])) or len(_HTML_TAGS.findall(text[:20000])) >= 5


class StructureStage(Stage):
    """Splits the repaired input into blocks; an HTML page's title goes to ``title`` as a hint."""

    name = "structure"

    def apply(self, doc: Document) -> Document:
        if doc.is_html is None:
            doc.is_html = looks_like_html(doc.input_text)
        if doc.is_html:
            doc.title, doc.blocks = html_blocks(doc.input_text)
        else:
            doc.blocks = text_blocks(doc.input_text)
        self.stats.count("blocks", len(doc.blocks))
        return doc
