"""Run the pipeline in this process, one document at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Config
from ..document import Document
from ..pipeline import build_pipeline
from ..stage import Pipeline


def run_local(docs: Iterable[Document], config: Config = Config(), pipeline: Pipeline | None = None) -> Iterator[Document]:
    return (pipeline or build_pipeline(config)).run(docs)
