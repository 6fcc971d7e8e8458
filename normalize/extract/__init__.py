"""Article text extraction: the body of a web page (:func:`extract_html`) or of a scraped
plain-text dump (:func:`clean_text`), without the title and the site chrome around it."""

from .html import extract_html

__all__ = ["extract_html"]
