"""The metadata stage: who wrote the article, when, where it was published (the record's
``metadata``), from what the page's markup says (the structure stage's evidence), the byline
and dateline lines around the headline, and what the input gave (``Document.given``).

It runs after the boilerplate stage (it needs the title and the blocks' roles) and before the
language stage: a block that is only a byline or a dateline becomes boilerplate there, so the
body and the segments agree.

>>> from normalize.document import Block, Document
>>> doc = Document(id="a", blocks=[Block("Storm hits the coast", role="title"),
...     Block("By Jane Doe | 3 March 2024"), Block("The storm reached the coast on Monday night.")])
>>> _ = MetadataStage().apply(doc)
>>> doc.metadata.author, doc.metadata.date, [b.role for b in doc.blocks], doc.text
(['Jane Doe'], '2024-03-03', ['title', 'boilerplate', 'body'], 'The storm reached the coast on Monday night.')
"""

from __future__ import annotations

from ..document import Document
from ..stage import Stage
from ..boilerplate.title import MAX_TITLE_WORDS
from ..structure.page import STRUCTURED_TAG
from ..unicode.words import count_words
from .extract import decide, htmldate_fallback
from .text import is_name

#: A line taken for the headline in place of a byline has at least this many words.
MIN_HEADLINE_WORDS = 3


def _headline_like(text: str) -> bool:
    """Whether a line can be a headline: three words or more (up to a title's most), not a
    person's name, not a label (``Last updated on:``).

    >>> _headline_like("Storm hits the coast"), _headline_like("#7"), _headline_like("Luke Kim"), _headline_like("Last updated on:")
    (True, False, False, False)
    """
    text = text.strip()
    return (MIN_HEADLINE_WORDS <= count_words(text) <= MAX_TITLE_WORDS and not (is_name(text) and count_words(text) <= 3)
            and not text.endswith((":", "："))  and any(c.isalpha() for c in text))


class MetadataStage(Stage):
    """Sets ``doc.metadata``; byline and dateline blocks of the body become boilerplate."""

    name = "metadata"

    def apply(self, doc: Document) -> Document:
        doc.metadata, bylines = decide(doc.metadata_evidence, doc.blocks, doc.title, doc.given)
        if doc.metadata.date is None and doc.is_html and doc.metadata_evidence and doc.input_text:
            doc.metadata.date = htmldate_fallback(doc.input_text, doc.metadata.url, doc.given)
            self.stats.count("htmldate")
        title = next((i for i, b in enumerate(doc.blocks) if b.role == "title"), None)
        if title is not None and title in bylines and not doc.metadata_evidence:
            # a dump's "title" that is a byline or dateline: the headline is the line above it
            doc.blocks[title].role = "boilerplate"
            above = next((i for i in range(title - 1, max(-1, title - 3), -1) if doc.blocks[i].role == "boilerplate"
                          and i not in bylines and _headline_like(doc.blocks[i].text)), None)
            if above is not None:
                doc.blocks[above].role = "title"
            doc.title = doc.blocks[above].text if above is not None else None
            self.stats.count("title_was_byline")
        body = [i for i, b in enumerate(doc.blocks) if b.role == "body"]
        moved = [i for i in bylines if doc.blocks[i].role == "body" and doc.blocks[i].tag != STRUCTURED_TAG]
        if moved and len(moved) < len(body):  # never the whole body
            for i in moved:
                doc.blocks[i].role = "boilerplate"
            doc.set_body()
            self.stats.count("byline_blocks", len(moved))
        for name, value in doc.metadata.as_dict().items():
            if value:
                self.stats.count(name)
        return doc
