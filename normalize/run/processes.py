"""Run the pipeline in local worker processes (see :mod:`.parallel` for order and memory)."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..config import Config
from ..document import Document
from ..langid.models import load_for_workers
from ..pipeline import build_pipeline
from ..stage import StageStats
from .parallel import default_chunk_size, ignore_interrupts, run_on_executor

def run_processes(
    docs: Iterable[Document],
    config: Config = Config(),
    *,
    workers: int = 2,
    chunk_size: int | None = None,
    stats: dict[str, StageStats] | None = None,
) -> Iterator[Document]:
    """Documents through the pipeline in ``workers`` processes, in input order.

    An input that fits in one chunk is processed in this process: starting workers (and loading
    models in each) would cost more than it saves. Before a pool starts, the models the workers
    would each load are loaded here, to be shared (:func:`~normalize.langid.models.load_for_workers`).
    """
    chunk_size = chunk_size or default_chunk_size(config)
    it = iter(docs)
    head = list(itertools.islice(it, chunk_size + 1))
    if workers <= 1 or len(head) <= chunk_size:
        pipeline = build_pipeline(config)  # fresh: a cached one would keep another run's state
        if stats is not None:
            stats.update(pipeline.stats())  # the stages' own counters: up to date at every step
        yield from pipeline.run(itertools.chain(head, it))
        return
    if multiprocessing.get_start_method() == "fork":  # shared by the workers only when they fork
        load_for_workers()
    with ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts,
                             initargs=(os.getpid(),)) as pool:
        yield from run_on_executor(itertools.chain(head, it), config, pool, workers=workers,
                                   chunk_size=chunk_size, stats=stats)
