"""The Dask engine gives the same records as the local one (a LocalCluster on loopback)."""

from __future__ import annotations

import gzip
import json
import shlex
import shutil
from pathlib import Path

import pytest

from normalize.cli import main

from normalize.config import Config
from normalize.read import read_inputs
from normalize.run import run_local
from normalize.write import format_jsonl, to_record

from .conftest import CORPORA
from .test_readme_examples import block, examples

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


def _big_jsonl_zst(directory: Path) -> Path:
    import zstandard

    path = directory / "big.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress((CORPORA / "articles" / "mixed_feed.jsonl").read_bytes()))
    return path


def test_readme_dask_command_lines(cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's two command lines, in a directory holding big.jsonl.zst: the scheduler's
    address is this test's cluster; the local cluster gets one worker instead of four (the
    number is not what is tested, and each worker loads the models)."""
    lines = examples("### On a Dask cluster")
    assert lines == ["normalize run big.jsonl.zst -o out.jsonl --engine dask --scheduler tcp://scheduler-host:8786",
                     "normalize run big.jsonl.zst -o out.jsonl --engine dask --workers 4"]
    feed = _big_jsonl_zst(tmp_path)
    monkeypatch.chdir(tmp_path)
    local = "".join(format_jsonl(d) + "\n" for d in run_local(read_inputs([feed.name])))
    for line in (lines[0].replace("tcp://scheduler-host:8786", cluster.scheduler_address), lines[1].replace("--workers 4", "--workers 1")):
        assert main(shlex.split(line)[1:] + ["-q"]) == 0, line
        assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == local
        (tmp_path / "out.jsonl").unlink()


def test_readme_dask_bag_example(cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's bag example as written, the cluster's address for the scheduler's and a
    local glob for the S3 one (dask reads both the same way)."""
    code = block("### On a Dask cluster", "python")
    (tmp_path / "crawl").mkdir()
    feed = (CORPORA / "articles" / "mixed_feed.jsonl").read_bytes()
    (tmp_path / "crawl" / "a.jsonl.gz").write_bytes(gzip.compress(feed))
    (tmp_path / "crawl" / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "extra", "text": "Der Stadtrat hat am Montag \xc3\xbcber den neuen Haushalt beraten."}\n'))
    code = code.replace("tcp://scheduler-host:8786", cluster.scheduler_address).replace("s3://bucket/crawl/", "crawl/")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    try:
        exec(code, namespace)
    finally:
        if "client" in namespace:
            namespace["client"].close()
    written = [json.loads(line) for path in sorted((tmp_path / "out").glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["lang"]) for r in written] == [("pl-szkola-1", "pl"), ("nl-dijk-1", "nl"), ("extra", "de")]
    assert written[0]["text"].startswith("W poniedziałek uczniowie")
