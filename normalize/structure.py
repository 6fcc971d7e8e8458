"""Structure: HTML or plain text into a title hint and blocks (paragraphs, headings, lines).

Plain text: every non-empty line is a block, the way scraped dumps hold one block element a
line; a blank-line paragraph whose lines are hard-wrapped prose is joined into one block.

>>> [b.text for b in text_blocks("Title\\n\\nFirst line.\\nSecond line.")]
['Title', 'First line.', 'Second line.']

HTML: block-level elements become blocks; scripts, styles and hidden elements are dropped; the
chrome container a block sits in (``nav``, ``footer``, ``aside``…) is kept as a hint for the
boilerplate stage.

>>> page = "<title>T</title><nav><a>Home</a></nav><article><h1>T</h1><p>Body &amp; more.</p></article>"
>>> [(b.tag, b.text, b.context) for b in html_blocks(page)[1]]
[('nav', 'Home', 'nav'), ('h1', 'T', ''), ('p', 'Body & more.', '')]
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .document import Block, Document
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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _clean(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: lines no wider than a terminal, each broken because the next word
    would not have fitted in the width."""
    width = max(map(len, lines), default=0)
    if len(lines) < 2 or not 50 <= width <= 100:
        return False
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
            blocks.extend(Block(line, tag="line") for line in lines)
    return blocks


def _is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs or {}
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(attrs.get("style", "") or ""))
    )


def _chrome_context(tag: Tag, parent_context: str) -> str:
    if parent_context:
        return parent_context
    if tag.name in _CHROME_TAGS:
        return tag.name
    role = tag.get("role")
    if role in ("navigation", "banner", "contentinfo", "complementary"):
        return role
    hint = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    match = _CHROME_HINT.search(hint.replace("-", " ").replace("_", " "))
    return match.group(1).lower() if match else ""


def _title(soup: BeautifulSoup) -> str | None:
    meta = soup.find("meta", attrs={"property": "og:title"}) or soup.find("meta", attrs={"name": "twitter:title"})
    if meta and meta.get("content", "").strip():
        return _clean(meta["content"])
    if soup.title and soup.title.string and soup.title.string.strip():
        return _clean(soup.title.string)
    h1 = soup.find("h1")
    return _clean(h1.get_text(" ")) if h1 else None


def html_blocks(html: str) -> tuple[str | None, list[Block]]:
    """The page's title hint (og:title, ``<title>`` or first ``<h1>``) and its blocks in order."""
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    blocks: list[Block] = []
    root = soup.html or soup
    # An explicit stack instead of recursion: pages nest thousands of levels deep.
    stack: list[tuple[Tag | NavigableString, str, str]] = [(root, "", "")]
    pending: list[str] = []  # inline text collected for the current block
    pending_meta: list[str] = ["div", ""]

    def flush() -> None:
        text = _clean("".join(pending))
        if text:
            blocks.append(Block(text, tag=pending_meta[0], context=pending_meta[1]))
        pending.clear()

    while stack:
        node, block_tag, context = stack.pop()
        if node is None:  # end-of-block marker
            flush()
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            if not pending:
                pending_meta[:] = [block_tag or "div", context]
            pending.append(str(node))
            continue
        if node.name in _SKIP or _is_hidden(node):
            continue
        if node.name == "br":
            pending.append("\n")
            continue
        node_context = _chrome_context(node, context)
        starts_block = node.name in _BLOCKS or node.name in _CONTAINERS and node.name != "span"
        tag = node.name if node.name in _BLOCKS or node.name in _CHROME_TAGS else block_tag
        if starts_block:
            flush()
            stack.append((None, "", ""))  # flush when the element ends
        stack.extend((child, tag, node_context) for child in reversed(node.contents))
    flush()
    return title, blocks


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
