"""A pipeline is a list of small stages, each a generator step over documents.

Every stage has a ``name``, its own counters (:class:`StageStats`) and turns an iterator of
:class:`~normalize.document.Document` into another, one document at a time, so memory does not
grow with the corpus. A stage that raises on a document does not stop the run: the error is
recorded on that document (``errors``) and the document flows on to the next stage.

>>> from normalize.pipeline import Pipeline, Stage
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
    """One step of the pipeline. Subclasses implement :meth:`apply` (one document at a time)
    or override :meth:`__call__` to work on a window of documents (batching)."""

    name = "stage"

    def __init__(self) -> None:
        self.stats = StageStats()

    def apply(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def safe_apply(self, doc: Document) -> Document:
        """Apply the stage; an exception becomes an error record on the document."""
        start = time.perf_counter()
        try:
            doc = self.apply(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            doc.add_error(self.name, f"{type(exc).__name__}: {exc}")
            self.stats.errors += 1
        self.stats.documents += 1
        self.stats.seconds += time.perf_counter() - start
        return doc

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.safe_apply(doc)


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


def build_pipeline(config=None) -> Pipeline:
    """The standard pipeline: decode → repair → structure → boilerplate → language
    (→ translate, when ``config.translate_to`` is set)."""
    # Imported here: the stage modules import this one for Stage.
    from .boilerplate import BoilerplateStage
    from .decode import DecodeStage
    from .langid.stage import LanguageStage
    from .repair import RepairStage
    from .structure import StructureStage

    stages: list[Stage] = [DecodeStage(), RepairStage(), StructureStage(), BoilerplateStage(), LanguageStage()]
    if config is not None and config.translate_to:
        from .translate.stage import TranslateStage

        stages.append(TranslateStage.from_config(config))
    return Pipeline(stages)
