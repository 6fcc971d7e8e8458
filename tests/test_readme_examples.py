"""Every command example of the README's "The command" and "Offline translation" sections, run
as written through the installed ``normalize`` command in a directory holding the files they
name. Not run: ``normalize models install ru en`` (it downloads) and the Dask examples (a cluster;
tests/test_dask.py runs the engine)."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CORPORA, ROOT, TINY_MODEL

README = (ROOT / "README.md").read_text(encoding="utf-8")
ONLINE = {"normalize models install ru en"}


def examples(section: str) -> list[str]:
    """The command lines of the first bash block after the heading ``section``, comments cut."""
    block = re.search(rf"{re.escape(section)}\n.*?```bash\n(.*?)```", README, re.DOTALL).group(1)
    lines = [re.split(r"\s{2,}#", line)[0].strip() for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = b"<html><body><h1>Quiet Day</h1><p>Nothing much happened in the village today, the mayor said.</p></body></html>"
        writer.write_record(writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(body), http_headers=headers))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the examples name: article.txt, pages/, dump.jsonl.gz, page.html, crawl.warc.gz,
    a model package, ru-news/."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copy(CORPORA / "articles" / "en_harbour_storm.txt", work / "article.txt")
    (work / "pages" / "drafts").mkdir(parents=True)
    shutil.copy(CORPORA / "articles" / "en_library_reopens.html", work / "pages" / "library.html")
    shutil.copy(CORPORA / "articles" / "pt_futebol.txt", work / "pages" / "futebol.txt")
    (work / "pages" / "drafts" / "draft.txt").write_text("A draft nobody should read yet, left in the folder.\n")
    (work / "pages" / "menu.js").write_text("document.querySelector('.nav').hidden = true;\n")
    (work / "pages" / "site.css").write_text(".nav { display: none; }\n")
    (work / "dump.jsonl.gz").write_bytes(gzip.compress((CORPORA / "articles" / "mixed_feed.jsonl").read_bytes()))
    shutil.copy(CORPORA / "articles" / "de_bahn_streik.html", work / "page.html")
    _warc(work / "crawl.warc.gz")
    shutil.copy(TINY_MODEL, work / "translate-ru_en-1_9.argosmodel")
    (work / "ru-news").mkdir()
    shutil.copy(CORPORA / "articles" / "ru_metro_line.txt", work / "ru-news" / "metro.txt")
    return work


def run(line: str, work: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NORMALIZE_MODELS_DIR": str(work / "models"), "NORMALIZE_CACHE_DIR": str(work / "cache")}
    return subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True)


def test_every_example_of_the_command_section_runs(workdir: Path) -> None:
    lines = examples("## The command")
    assert len(lines) == 8
    seen = {}
    for line in lines:
        result = run(line, workdir)
        assert result.returncode == 0, (line, result.stderr)
        assert "Traceback" not in result.stderr
        seen[line] = result
    assert json.loads(seen["normalize run article.txt"].stdout)["title"].startswith("Storm Ellin Floods Harbour Town")
    assert "skipped: 2 files (not an input kind 2)" in seen["normalize run pages/ -o out.jsonl"].stderr
    assert seen["normalize run dump.jsonl.gz --format text"].stdout.startswith("# ")
    assert seen["cat page.html | normalize run --format tagged"].stdout.startswith("# <stdin>\n")
    assert json.loads(seen["gzip -c article.txt | normalize run -q"].stdout)["lang"] == "en"
    filtered = gzip.decompress((workdir / "out.jsonl.gz").read_bytes()).decode()
    assert [json.loads(r)["id"] for r in filtered.splitlines()] == ["pages/futebol.txt", "pages/library.html", "pages/menu.js"]
    stats = json.loads((workdir / "stats.json").read_text())
    assert stats["documents"] == 3 and stats["skipped_files"] == {"not an input kind": 2}
    assert "nothing to resume: out.jsonl is complete" in seen["normalize run crawl.warc.gz -o out.jsonl --resume"].stderr


def test_every_offline_example_of_the_translation_section_runs(workdir: Path) -> None:
    lines = [line for line in examples("### Offline translation") if line not in ONLINE]
    assert len(lines) == 3
    for line in lines:
        result = run(line, workdir)
        assert result.returncode == 0, (line, result.stderr)
    [record] = [json.loads(r) for r in (workdir / "out.jsonl").read_text().splitlines()]
    assert record["translated_to"] == "en" and any(s["translation"] for s in record["segments"])


def test_set_up_takes_the_cpu_only_torch_and_ci_installs_the_same_way() -> None:
    command = "python -m pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu"
    setup = re.search(r"```bash\n# 1\. .*?\n(.*?)\n", README).group(1)
    assert command in setup and setup.index(command) < setup.index('python -m pip install -e ".[dev]"')
    ci = (ROOT / ".ci" / "run").read_text()
    assert command.replace("install ", "install -q ", 1) in ci
