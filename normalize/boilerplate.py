"""Block roles: which blocks are the title, which the article body, which site chrome.

The roles come from the article extractors (:mod:`normalize.extract`): for a plain-text dump
every line is classified by :func:`~normalize.extract.text.line_roles`; for a web page the
blocks holding the paragraphs :func:`~normalize.extract.html.read_article` extracted are body,
the block repeating the page title is the title, and everything else boilerplate. Boilerplate
blocks keep their text, so nothing of the input is lost.

>>> from normalize.structure import text_blocks
>>> blocks = text_blocks("Home\\nBig Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said.\\nShare")
>>> classify_text(blocks)
>>> [(b.role, b.text) for b in blocks]  # doctest: +NORMALIZE_WHITESPACE
[('boilerplate', 'Home'), ('title', 'Big Storm Hits the Coast'),
 ('body', 'The storm reached the coast on Monday night, officials said.'), ('boilerplate', 'Share')]
"""

from __future__ import annotations

from .document import Block, Document
from .extract import clean_text, extract_html
from .extract.html import is_title, read_article
from .extract.text import line_roles
from .extract.words import PARAGRAPH_SEPARATOR, normal_words, shingles
from .pipeline import Stage

__all__ = ["BoilerplateStage", "body_of", "classify_html", "classify_text", "clean_text", "extract_html"]

#: Between body paragraphs in a document's clean text (the offsets of body segments rely on it).
BODY_SEPARATOR = PARAGRAPH_SEPARATOR
# A block is body when this share of its text is in the extracted article.
BODY_SHARE = 0.5


def classify_text(blocks: list[Block]) -> None:
    """Set the roles of a plain-text document's blocks (one line each) in place. The pieces of
    an over-long line (:func:`~normalize.structure.split_long_line`) are body whatever they look
    like: a line that long is text, never a menu entry, a button or a headline."""
    for block, role in zip(blocks, line_roles([b.text for b in blocks])):
        block.role = "body" if block.tag == "piece" else role


def classify_html(blocks: list[Block], html: str) -> None:
    """Set the roles of a web page's blocks in place: a block is body when most of its text is in
    the extracted article (each piece of the article claimed once, so a duplicated copy of the
    body stays boilerplate), and so is a block too short to judge (a table cell, a short line)
    whose text the article holds between two body blocks; the first other block repeating the
    page title is the title.

    >>> page = "<title>Storm - News</title><nav>Home</nav><h1>Storm</h1><p>It rained all day long in the city, officials said.</p><p>Share</p>"
    >>> blocks = [Block("Home", tag="nav"), Block("Storm", tag="h1"), Block("It rained all day long in the city, officials said."), Block("Share")]
    >>> classify_html(blocks, page)
    >>> [b.role for b in blocks]
    ['boilerplate', 'title', 'body', 'boilerplate']
    """
    titles, lines = read_article(html)
    unclaimed = shingles("\n".join(lines))
    for block in blocks:
        own = shingles(block.text)
        claimed = own & unclaimed
        block.role = "body" if own and sum(claimed.values()) >= BODY_SHARE * sum(own.values()) else "boilerplate"
        if block.role == "body":
            unclaimed.subtract(claimed)  # in place: a new Counter per block is quadratic on big pages
    _mark_short_blocks(blocks, " " + " ".join(map(normal_words, lines)) + " ")
    title = next((b for b in blocks if b.role != "body" and is_title(b.text, titles)), None)
    if title is not None:
        title.role = "title"


def _mark_short_blocks(blocks: list[Block], article: str) -> None:
    """Short blocks (under four words: no shingle to compare) between two body blocks are body
    when the article holds their text: table cells, list items, short lines of the text."""
    judged = [i for i, b in enumerate(blocks) if shingles(b.text)]
    for before, after in zip(judged, judged[1:]):
        if blocks[before].role == blocks[after].role == "body":
            for block in blocks[before + 1 : after]:
                key = normal_words(block.text)
                if key and f" {key} " in article:
                    block.role = "body"


def title_of(blocks: list[Block]) -> str | None:
    return next((b.text for b in blocks if b.role == "title"), None)


def body_of(blocks: list[Block]) -> str:
    return BODY_SEPARATOR.join(b.text for b in blocks if b.role == "body")


class BoilerplateStage(Stage):
    """Gives every block a role and sets the document's ``title`` and clean body ``text``."""

    name = "boilerplate"

    def apply(self, doc: Document) -> Document:
        try:
            if doc.is_html:
                classify_html(doc.blocks, doc.input_text)
            else:
                classify_text(doc.blocks)
        finally:  # even when a classifier fails, title and text agree with the roles blocks have
            doc.title = title_of(doc.blocks) or doc.title
            doc.text = body_of(doc.blocks)
        for block in doc.blocks:
            self.stats.count(block.role)
        return doc
