"""Which documents the document view shows: all of them when the run is small, else a bounded,
deterministic sample (the same input gives the same sample on every run).

The sample is a uniform random one, reservoir sampling (algorithm R) over the records in input
order with a fixed seed, plus the first documents with errors, so that failures are always seen.
Each kept document's text is cut at ``MAX_DOC_CHARS`` so memory and page size stay bounded.

>>> from normalize.report.records import Record
>>> sample = Sample(size=3, error_cap=1)
>>> for n in range(10):
...     sample.add(Record(id=str(n), source="", lang="en", title=None, encoding=None, translated_to=None,
...                       segments=[], errors=[("read", "bad")] if n == 8 else []))
>>> [doc.record.id for doc in sample.documents()]
['2', '3', '4', '8']
>>> sample.seen, sample.complete
(10, False)
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .records import Record, Segment

#: Documents in the sample: enough to browse, and with MAX_DOC_CHARS a page of a few MB at most.
SAMPLE_SIZE = 200
#: Documents with errors always shown besides the sample (the first ones in input order).
ERROR_DOCS = 50
#: The reservoir's seed (any fixed number: it only has to be the same on every run).
SAMPLE_SEED = 18
#: Characters of segment text (and translations) shown per document; long documents are cut
#: there with a note. A long news article is 10-20k characters.
MAX_DOC_CHARS = 50_000


@dataclass
class Shown:
    """A sampled document: its position in the input, the record (cut), and what was cut."""

    position: int
    record: Record
    segments_cut: int = 0


class Sample:
    def __init__(self, size: int = SAMPLE_SIZE, error_cap: int = ERROR_DOCS, seed: int = SAMPLE_SEED) -> None:
        self.size, self.error_cap, self.seed = size, error_cap, seed
        self._random = random.Random(seed)
        self._reservoir: list[Shown] = []
        self._with_errors: list[Shown] = []
        self.seen = 0

    def add(self, record: Record) -> None:
        position = self.seen
        self.seen += 1
        keep_error = bool(record.errors) and len(self._with_errors) < self.error_cap
        if len(self._reservoir) < self.size:
            slot = len(self._reservoir)
            self._reservoir.append(None)  # type: ignore[arg-type]
        else:
            slot = self._random.randrange(self.seen)
            if slot >= self.size:
                slot = -1
        if slot < 0 and not keep_error:
            return
        shown = _cut(position, record)
        if slot >= 0:
            self._reservoir[slot] = shown
        if keep_error:
            self._with_errors.append(shown)

    @property
    def complete(self) -> bool:
        """Whether every document is in the sample."""
        return self.seen <= self.size

    def documents(self) -> list[Shown]:
        """The sample in input order, each document once."""
        by_position = {d.position: d for d in self._reservoir + self._with_errors}
        return [by_position[p] for p in sorted(by_position)]

    def describe(self) -> str:
        """How the documents shown were chosen, for the page."""
        if self.complete:
            return f"All {self.seen:,} documents, in input order."
        errors = f", plus the first {len(self._with_errors)} documents with errors" if self._with_errors else ""
        return (f"{len(self.documents()):,} of {self.seen:,} documents, in input order: a uniform random sample of "
                f"{self.size:,} (reservoir sampling over the input, seed {self.seed}: the same documents on every "
                f"run){errors}. Each document's text is shown up to {MAX_DOC_CHARS:,} characters. "
                f"The corpus view above counts every document.")


def _cut(position: int, record: Record) -> Shown:
    """The record with its segments cut after MAX_DOC_CHARS characters (the segment crossing
    the limit is shown cut, with an ellipsis)."""
    budget = MAX_DOC_CHARS
    for number, s in enumerate(record.segments):
        size = len(s.text) + len(s.translation or "")
        if size > budget:
            partial = Segment(s.text[:budget] + " …", s.lang, s.role, s.confidence,
                              s.translation and s.translation[:budget] + " …")
            cut = len(record.segments) - number
            record.segments = record.segments[:number] + [partial]
            return Shown(position, record, cut)
        budget -= size
    return Shown(position, record, 0)
