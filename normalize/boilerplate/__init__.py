"""The boilerplate stage and article extraction: which blocks of a document are its title, its
article body and its site chrome, from a learned block classifier.

Used alone: the body of a web page (:func:`extract_html`) or of a scraped plain-text dump
(:func:`clean_text`), without the title and the site chrome around it. Both give the body's
paragraphs separated by blank lines, and an empty string when there is no article (a page of
links, a menu). Modules: :mod:`.model` and :mod:`.trees` (the learned classifier, its files in
``models/``), :mod:`.text` (plain-text lines), :mod:`.html` (page blocks), :mod:`.title`,
:mod:`.stage` (the pipeline stage).
"""

from .html import extract_html
from .text import clean_text

__all__ = ["clean_text", "extract_html"]
