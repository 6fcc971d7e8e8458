"""Run the pipeline on a Dask cluster (``pip install "normalize[dask]"``).

Two ways in:

* the CLI, ``normalize run INPUT... --engine dask [--scheduler tcp://host:8786]``: this process
  reads the inputs and streams chunks of documents to the cluster's workers (through the same
  bounded, ordered runner as local worker processes, :mod:`.parallel`), so the output is the
  same as a local run;
* a ``dask.bag`` pipeline, where workers read the data themselves (any storage fsspec reaches)::

            from normalize.run.dask import normalize_jsonl
      records = normalize_jsonl("s3://bucket/crawl/*.jsonl.gz")    # a bag of JSONL records (dicts)
      records.map(json.dumps, ensure_ascii=False).to_textfiles("out/*.jsonl")

Every worker needs ``normalize`` installed; each builds the pipeline once and keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Config
from ..document import Document
from ..stage import StageStats
from ..read.reader import document_from_line, document_from_record
from ..write.formats import to_record
from .parallel import pipeline_for, run_on_executor


def _client(scheduler: str | None, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the environment
        raise RuntimeError('the Dask engine needs the dask extra: pip install "normalize[dask]"') from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=":0")
    return Client(cluster), cluster


def run_dask(
    docs: Iterable[Document],
    config: Config = Config(),
    *,
    scheduler: str | None = None,
    workers: int = 2,
    chunk_size: int | None = None,
    stats: dict[str, StageStats] | None = None,
) -> Iterator[Document]:
    """Documents through the pipeline on a Dask cluster, in input order. Without ``scheduler``
    a local cluster of ``workers`` processes on loopback is started and stopped."""
    client, cluster = _client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        executor = client.get_executor(pure=False)
        yield from run_on_executor(docs, config, executor, workers=n_workers, chunk_size=chunk_size, stats=stats)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _normalize_partition(items: Iterable[Any], config: Config) -> list[dict[str, Any]]:
    docs = (item if isinstance(item, Document) else document_from_record(item, "dask", config.read) for item in items)
    return [to_record(doc) for doc in pipeline_for(config).run(docs)]


def normalize_bag(bag, config: Config = Config()):
    """Map the pipeline over a ``dask.bag`` of documents or of ``{"id", "text"|"html"}`` dicts;
    returns a bag of JSONL records (dicts, the README's contract)."""
    return bag.map_partitions(_normalize_partition, config)


def normalize_jsonl(paths: str | list[str], config: Config = Config(), **read_text_options):
    """A bag of JSONL records from JSONL files (globs, compressed, remote: whatever
    ``dask.bag.read_text`` reads)."""
    import dask.bag as db

    lines = db.read_text(paths, include_path=True, **read_text_options)
    docs = lines.map(lambda item: document_from_line(item[0], item[1], config.read)).filter(None)
    return normalize_bag(docs, config)
