"""Article text extraction: the body of a web page (:func:`extract_html`) or of a scraped
plain-text dump (:func:`clean_text`), without the title and the site chrome around it.

Both give the body's paragraphs separated by blank lines, and an empty string when there is no
article (a page of links, a menu)."""

from .html import extract_html
from .text import clean_text

__all__ = ["clean_text", "extract_html"]
