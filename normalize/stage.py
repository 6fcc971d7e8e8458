"""The base of every stage: a pipeline is a list of small stages, each a generator step over documents.

Every stage has a ``name``, its own counters (:class:`StageStats`) and turns an iterator of
:class:`~normalize.document.Document` into another, one document at a time, so memory does not
grow with the corpus. A stage that raises on a document does not stop the run: the error is
recorded on that document (``errors``) and the document flows on to the next stage.

>>> from normalize.stage import Pipeline, Stage
>>> class Upper(Stage):
...     name = "upper"
...     def apply(self, doc):
...         doc.text = doc.text.upper()
...         return doc
>>> from normalize.document import Document
>>> [d.text for d in Pipeline([Upper()]).run([Document(id="a", text="hi")])]
['HI']
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .document import Document


@dataclass
class StageStats:
    """Counters a stage keeps about the documents it saw."""

    documents: int = 0
    errors: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def merge(self, other: StageStats) -> None:
        self.documents += other.documents
        self.errors += other.errors
        self.seconds += other.seconds
        for key, n in other.counts.items():
            self.count(key, n)


class Stage:
    """One step of the pipeline. A subclass implements :meth:`apply` (one document at a time) or,
    to work on a window of documents at once, sets :attr:`batch_size` and implements
    :meth:`apply_batch` (like datatrove's ``filter_batch``). Either way the base class times the
    stage, counts its documents and keeps one document's failure from stopping the others."""

    name = "stage"
    #: Documents handed to :meth:`apply_batch` at a time; 1: the stage works document by document.
    batch_size = 1

    def __init__(self) -> None:
        self.stats = StageStats()

    def apply(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def apply_batch(self, docs: list[Document]) -> list[Document]:
        """A window of documents at once (``batch_size`` of them, fewer at the end); by default
        each goes through :meth:`apply`."""
        return [self.apply(doc) for doc in docs]

    def safe_apply(self, doc: Document) -> Document:
        """Apply the stage; an exception becomes an error record on the document."""
        start = time.perf_counter()
        try:
            doc = self.apply(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            self._fail(doc, exc)
        self.stats.documents += 1
        self.stats.seconds += time.perf_counter() - start
        return doc

    def safe_apply_batch(self, docs: list[Document]) -> list[Document]:
        """Apply the stage to a window; when the window fails as a whole, each of its documents
        goes through :meth:`safe_apply` alone, so only the bad ones carry the error."""
        start = time.perf_counter()
        try:
            done = self.apply_batch(docs)
        except Exception:  # noqa: BLE001 - retried one by one just below
            self.stats.seconds += time.perf_counter() - start
            return [self.safe_apply(doc) for doc in docs]
        self.stats.documents += len(done)
        self.stats.seconds += time.perf_counter() - start
        return done

    def _fail(self, doc: Document, exc: Exception) -> None:
        doc.add_error(self.name, f"{type(exc).__name__}: {exc}")
        self.stats.errors += 1

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        if self.batch_size <= 1:
            for doc in docs:
                yield self.safe_apply(doc)
            return
        stream = iter(docs)
        while window := list(itertools.islice(stream, self.batch_size)):
            yield from self.safe_apply_batch(window)


class Pipeline:
    """Stages in order. ``run`` streams documents through all of them lazily."""

    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = stage(stream)
        return iter(stream)

    def process(self, doc: Document) -> Document:
        """Run one document through every stage."""
        return next(self.run([doc]))

    def stats(self) -> dict[str, StageStats]:
        return {stage.name: stage.stats for stage in self.stages}
