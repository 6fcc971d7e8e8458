"""The structure stage: a document's text into blocks (paragraphs, headings, lines), each with the
features the boilerplate classifier reads.

:mod:`.page` (an HTML page parsed once), :mod:`.blocks` (blocks of a page or a plain text),
:mod:`.features` (what the classifier reads about each block), :mod:`.chrome` (site-chrome
phrases), :mod:`.stage` (the pipeline stage).
"""

from .blocks import html_blocks, split_long_line, text_blocks

__all__ = ["html_blocks", "split_long_line", "text_blocks"]
