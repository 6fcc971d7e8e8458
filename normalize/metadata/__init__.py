"""Article metadata: who wrote it, when, where it was published (the record's ``metadata``).

- :mod:`.html`: what a parsed page's markup says (JSON-LD, microdata, meta tags, bylines,
  ``<time>``), read during the structure stage's one parse (:func:`page_evidence`);
- :mod:`.text`: byline and dateline lines, in any language (:func:`read_line`);
- :mod:`.dates`: dates in any common format and language as ISO (:func:`parse_date`);
- :mod:`.extract`: the decision from all of it (:func:`decide`);
- :mod:`.stage`: ``MetadataStage``, between the boilerplate and language stages (imported from
  there: the structure stage imports :mod:`.html`, so this package imports no stage).

>>> read_line("Von Eva Roth | 3. März 2024").authors, parse_date("3 марта 2024")
(['Eva Roth'], '2024-03-03')
"""

from .dates import parse_date
from .extract import decide
from .html import page_evidence
from .text import read_line

__all__ = ["decide", "page_evidence", "parse_date", "read_line"]
