"""Run the pipeline in worker processes, keeping input order and bounded memory.

Each worker builds the pipeline once (models load once a worker). Documents go to workers in
chunks; at most ``2 × workers`` chunks are in flight, so a huge input never piles up in memory,
and results come back in input order, so output is identical to a single-process run.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..config import Config
from ..document import Document
from ..pipeline import Pipeline, StageStats, build_pipeline

_pipeline: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _pipeline
    _pipeline = build_pipeline(config)


def _process_chunk(chunk: list[Document]) -> tuple[list[Document], dict[str, StageStats]]:
    assert _pipeline is not None
    before = {name: StageStats() for name in _pipeline.stats()}
    for name, stats in _pipeline.stats().items():
        before[name].merge(stats)
    done = list(_pipeline.run(chunk))
    # report only what this chunk added to the worker's counters
    delta = {}
    for name, stats in _pipeline.stats().items():
        d = StageStats(stats.documents - before[name].documents, stats.errors - before[name].errors,
                       stats.seconds - before[name].seconds,
                       {k: v - before[name].counts.get(k, 0) for k, v in stats.counts.items()})
        delta[name] = d
    return done, delta


def run_processes(
    docs: Iterable[Document],
    config: Config = Config(),
    *,
    workers: int = 2,
    chunk_size: int = 8,
    stats: dict[str, StageStats] | None = None,
) -> Iterator[Document]:
    """Documents through the pipeline in ``workers`` processes, in input order.

    ``stats``, when given, receives the stage counters summed over all workers.
    """
    chunks = iter(lambda it=iter(docs): list(itertools.islice(it, chunk_size)), [])
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque[Future] = deque()
        for chunk in itertools.chain(chunks, [None]):
            if chunk is not None:
                pending.append(pool.submit(_process_chunk, chunk))
                if len(pending) < 2 * workers:
                    continue
            while pending and (chunk is None or len(pending) >= 2 * workers):
                done, delta = pending.popleft().result()
                if stats is not None:
                    for name, s in delta.items():
                        stats.setdefault(name, StageStats()).merge(s)
                yield from done
