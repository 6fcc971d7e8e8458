"""The Dask engine gives the same records as the local one (a LocalCluster on loopback)."""

from __future__ import annotations

import json
import shutil

import pytest

from normalize.config import Config
from normalize.read import read_inputs
from normalize.run import run_local
from normalize.write import format_jsonl, to_record

from .conftest import CORPORA

distributed = pytest.importorskip("distributed")
ARTICLES = str(CORPORA / "articles")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster:
        yield cluster


def test_run_dask_equals_local_run(cluster) -> None:
    from normalize.run.dask import run_dask

    local = [format_jsonl(d) for d in run_local(read_inputs([ARTICLES]))]
    stats: dict = {}
    remote = [format_jsonl(d) for d in run_dask(read_inputs([ARTICLES]), scheduler=cluster.scheduler_address, chunk_size=2, stats=stats)]
    assert remote == local and len(local) == 14
    assert stats["language"].documents == 14


def test_normalize_jsonl_bag_reads_on_the_workers(cluster, tmp_path) -> None:
    from normalize.run.dask import normalize_jsonl

    feed = tmp_path / "feed.jsonl"
    shutil.copy(CORPORA / "articles" / "mixed_feed.jsonl", feed)
    with open(feed, "a") as f:
        f.write("{broken\n")
    with distributed.Client(cluster.scheduler_address):
        records = normalize_jsonl(str(feed), Config()).compute()
    local = [to_record(d) for d in run_local(read_inputs([str(feed)]))]
    assert [r["id"] for r in records] == ["pl-szkola-1", "nl-dijk-1", str(feed)]
    assert records[:2] == [{**r, "source": str(feed)} for r in local[:2]]
    assert records[2]["errors"][0]["message"].startswith("bad JSON:")
    json.dumps(records)  # plain JSON all the way


def test_cli_dask_engine_with_a_scheduler(cluster, tmp_path) -> None:
    from normalize.cli import main

    out = tmp_path / "out.jsonl"
    assert main(["run", ARTICLES, "-q", "--engine", "dask", "--scheduler", cluster.scheduler_address, "-o", str(out)]) == 0
    local = "".join(format_jsonl(d) + "\n" for d in run_local(read_inputs([ARTICLES])))
    assert out.read_text(encoding="utf-8") == local


def test_cli_dask_engine_starts_a_local_cluster_when_no_scheduler_is_given(tmp_path) -> None:
    from normalize.cli import main

    out = tmp_path / "out.jsonl"
    feed = str(CORPORA / "articles" / "mixed_feed.jsonl")
    assert main(["run", feed, "-q", "--engine", "dask", "--workers", "1", "-o", str(out)]) == 0
    local = "".join(format_jsonl(d) + "\n" for d in run_local(read_inputs([feed])))
    assert out.read_text(encoding="utf-8") == local
