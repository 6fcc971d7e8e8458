"""Run the pipeline on any executor (a process pool, a Dask cluster), in input order and with
bounded memory.

Documents go out in chunks; at most ``2 × workers`` chunks are in flight, so a huge input never
piles up in memory, and results come back in input order, so the output is byte-identical to a
single-process run. Each worker process builds the pipeline once per config and keeps it, so
models load once a worker.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future

from ..config import Config
from ..document import Document
from ..pipeline import build_pipeline
from ..stage import Pipeline, StageStats

_pipelines: dict[Config, Pipeline] = {}


def pipeline_for(config: Config) -> Pipeline:
    """This process's pipeline for ``config``, built on first use."""
    if config not in _pipelines:
        _pipelines[config] = build_pipeline(config)
    return _pipelines[config]


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCHDOG_SECONDS = 1.0  # how often a worker checks that its parent is alive: well within the 5 s asked


def ignore_interrupts(parent: int | None = None) -> None:
    """Worker initializer: Ctrl-C and SIGTERM are the parent's to handle (it checkpoints and
    shuts the pool down); workers finish or get cancelled. A worker never outlives its parent,
    whatever killed it: on Linux the kernel kills it when the parent dies, elsewhere (and as a
    second guard) a watchdog thread notices the parent is gone and ends the worker.
    ``parent``: the parent's process id, passed by the parent (it may be gone already)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = parent or os.getppid()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - an unusual libc: the watchdog remains
            pass
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watchdog", daemon=True).start()


def _watch_parent(parent: int) -> None:
    """End this worker as soon as its parent process is gone (it is re-parented)."""
    while os.getppid() == parent:
        time.sleep(_WATCHDOG_SECONDS)
    os._exit(1)


def process_chunk(config: Config, chunk: list[Document]) -> tuple[list[Document], dict[str, StageStats]]:
    """Run one chunk through this process's pipeline; return the documents and what the stages
    counted for this chunk alone."""
    pipeline = pipeline_for(config)
    for stage in pipeline.stages:
        stage.stats = StageStats()
    done = list(pipeline.run(chunk))
    return done, pipeline.stats()


#: Documents a worker gets at a time when not translating: enough to keep a worker busy between
#: round trips, few enough that results stream out early and memory stays small.
CHUNK_DOCUMENTS = 8


def default_chunk_size(config: Config) -> int:
    """Documents a worker gets at a time: a few, or a whole translation window when translating
    (the translation stage batches across the documents of a chunk)."""
    return config.translate_window if config.translate_to else CHUNK_DOCUMENTS


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
