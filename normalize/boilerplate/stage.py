"""The boilerplate stage: which blocks are the title, which the article body, which site chrome.

The roles come from the learned classifier of :mod:`normalize.boilerplate` reading the features the
structure stage put on every block: for a plain-text dump each line is scored by the text model
(:func:`~normalize.boilerplate.text.line_roles`), for a web page each block by the HTML model and
the title chosen from the page's evidence (:func:`~normalize.boilerplate.html.block_roles`).
Boilerplate blocks keep their text, so nothing of the input is lost.

>>> from normalize.structure.blocks import text_blocks
>>> blocks = text_blocks("Home\\nBig Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said.\\nShare")
>>> classify_text(blocks)
>>> [(b.role, b.text) for b in blocks]  # doctest: +NORMALIZE_WHITESPACE
[('boilerplate', 'Home'), ('title', 'Big Storm Hits the Coast'),
 ('body', 'The storm reached the coast on Monday night, officials said.'), ('boilerplate', 'Share')]
"""

from __future__ import annotations

from ..document import Block, Document
from ..stage import Stage
from ..structure.features import line_features
from ..structure.page import STRUCTURED_TAG
from .html import block_roles, structured_fallback
from .text import line_roles


def _rows(blocks: list[Block]) -> list[list[float]]:
    if all(b.features is not None for b in blocks):
        return [b.features for b in blocks]
    return line_features([b.text for b in blocks])


def classify_text(blocks: list[Block]) -> None:
    """Set the roles of a plain-text document's blocks (one line each) in place. The pieces of
    an over-long line (:func:`~normalize.structure.blocks.split_long_line`) are body whatever they look
    like: a line that long is text, never a menu entry, a button or a headline."""
    for block, role in zip(blocks, line_roles([b.text for b in blocks], _rows(blocks))):
        block.role = "body" if block.tag == "piece" else role


def classify_html(blocks: list[Block], evidence: dict[str, list[str]], comments: bool = False) -> str | None:
    """Set the roles of a web page's blocks (from :func:`~normalize.structure.blocks.html_blocks`) in
    place; where the page's structured data holds the article and its visible blocks do not
    (:func:`~normalize.boilerplate.html.structured_fallback`), its paragraphs are appended as body
    blocks (tag ``structured``). Hidden blocks that are not body are dropped: the reader never saw
    them. The page's title is returned. ``comments``: readers' comments are body
    (:func:`~normalize.boilerplate.html.comment_section`)."""
    texts = [b.text for b in blocks]
    title, roles = block_roles(texts, [b.tag for b in blocks], [b.features for b in blocks], evidence,
                               modal=[b.modal for b in blocks], comments=comments,
                               reviews=[b.reviews for b in blocks])
    structured = structured_fallback(texts, roles, evidence)
    for block, role in zip(blocks, roles):
        block.role = "boilerplate" if structured and role == "body" else role
    blocks[:] = [b for b in blocks if not b.hidden or b.role != "boilerplate"]
    blocks.extend(Block(text, role="body", tag=STRUCTURED_TAG) for text in structured)
    return title


def title_of(blocks: list[Block]) -> str | None:
    return next((b.text for b in blocks if b.role == "title"), None)


class BoilerplateStage(Stage):
    """Gives every block a role and sets the document's ``title`` and clean body ``text`` (with
    each body block's offset in it)."""

    name = "boilerplate"

    def __init__(self, comments: bool = False) -> None:
        super().__init__()
        #: Readers' comments under an article are body (``Config.comments``).
        self.comments = comments

    def apply(self, doc: Document) -> Document:
        title = None
        try:
            if doc.is_html and doc.blocks and all(b.tag != "line" for b in doc.blocks):
                title = classify_html(doc.blocks, doc.title_evidence, self.comments)
            else:
                classify_text(doc.blocks)
        finally:  # even when a classifier fails, title and text agree with the roles blocks have
            doc.title = title_of(doc.blocks) or title or doc.title
            doc.set_body()
        for block in doc.blocks:
            self.stats.count(block.role)
        return doc
