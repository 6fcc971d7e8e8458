"""Run the pipeline on any executor (a process pool, a Dask cluster), in input order and with
bounded memory.

Documents go out in chunks; at most ``2 × workers`` chunks are in flight, so a huge input never
piles up in memory, and results come back in input order, so the output is byte-identical to a
single-process run. Each worker process builds the pipeline once per config and keeps it, so
models load once a worker.
"""

from __future__ import annotations

import itertools
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future

from ..config import Config
from ..document import Document
from ..pipeline import Pipeline, StageStats, build_pipeline

_pipelines: dict[Config, Pipeline] = {}


def pipeline_for(config: Config) -> Pipeline:
    """This process's pipeline for ``config``, built on first use."""
    if config not in _pipelines:
        _pipelines[config] = build_pipeline(config)
    return _pipelines[config]


def ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle, workers finish or get cancelled."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_chunk(config: Config, chunk: list[Document]) -> tuple[list[Document], dict[str, StageStats]]:
    """Run one chunk through this process's pipeline; return the documents and what the stages
    counted for this chunk alone."""
    pipeline = pipeline_for(config)
    for stage in pipeline.stages:
        stage.stats = StageStats()
    done = list(pipeline.run(chunk))
    return done, pipeline.stats()


def default_chunk_size(config: Config) -> int:
    """Documents a worker gets at a time: a few, or a whole translation window when translating
    (the translation stage batches across the documents of a chunk)."""
    return 64 if config.translate_to else 8


def chunked(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run_on_executor(
    docs: Iterable[Document],
    config: Config,
    executor: Executor,
    *,
    workers: int,
    chunk_size: int | None = None,
    stats: dict[str, StageStats] | None = None,
) -> Iterator[Document]:
    """Documents through the pipeline on ``executor``, yielded in input order.

    ``stats``, when given, receives the stage counters summed over all chunks.
    """
    pending: deque[Future] = deque()

    def collect(future: Future) -> list[Document]:
        done, chunk_stats = future.result()
        if stats is not None:
            for name, s in chunk_stats.items():
                stats.setdefault(name, StageStats()).merge(s)
        return done

    try:
        for chunk in chunked(docs, chunk_size or default_chunk_size(config)):
            pending.append(executor.submit(process_chunk, config, chunk))
            # a full window waits for its oldest chunk; finished chunks go out at once anyway,
            # so a slow input (a pipe) still sees its results early
            while pending and (len(pending) >= 2 * workers or pending[0].done()):
                yield from collect(pending.popleft())
        while pending:
            yield from collect(pending.popleft())
    finally:
        for future in pending:  # on an early stop (Ctrl-C, a closed pipe) drop queued work
            future.cancel()
