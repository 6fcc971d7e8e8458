"""Parquet in (field options) and out (column layout, row groups, resume, workers), and what
pandas and Hugging Face datasets make of a file normalize wrote."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from normalize.document import Document
from normalize.io import parquet
from normalize.io.arrow import RECORD_SCHEMA
from normalize.read import ReadConfig, read_inputs

from .conftest import CORPORA, assert_valid_record
from .test_scale import _feed, _run, _start_and_wait_for_checkpoint

ARTICLES = CORPORA / "articles"


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "normalize", "run", *args], capture_output=True, **kwargs)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_parquet_output_holds_the_jsonl_records_in_the_documented_layout(tmp_path: Path) -> None:
    assert _run(str(ARTICLES), "-o", str(tmp_path / "a.jsonl"), "-q", "--workers", "1").returncode == 0
    result = _run(str(ARTICLES), "-o", str(tmp_path / "a.parquet"), "-q", "--workers", "1")
    assert result.returncode == 0, result.stderr
    records = _jsonl(tmp_path / "a.jsonl")
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.schema.equals(RECORD_SCHEMA)
    assert table.schema.metadata[b"normalize.schema"] == b"normalize/1"
    assert table.to_pylist() == records
    for record in table.to_pylist():
        assert_valid_record(record)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "a.parquet"]  # no partial or progress left


def test_parquet_output_loads_in_pandas_and_datasets(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out = tmp_path / "a.parquet"
    assert _run(str(ARTICLES / "uk_grain_port.txt"), str(ARTICLES / "en_harbour_storm.txt"), "-o", str(out), "-q").returncode == 0
    import datasets
    import pandas as pd

    frame = pd.read_parquet(out)
    assert list(frame["lang"]) == ["uk", "en"]
    assert frame["title"][0] == "Порт відновив відвантаження зерна після шторму"
    assert frame["segments"][0][0]["text"] == "Новини регіону"
    ds = datasets.load_dataset("parquet", data_files=str(out), split="train")
    assert ds.column_names == RECORD_SCHEMA.names
    assert ds[1]["title"] == "Storm Ellin Floods Harbour Town as Ferry Services Are Suspended"
    body = [s for s in ds[0]["segments"] if s["role"] == "body"][0]
    assert ds[0]["text"][body["start"]:body["end"]] == body["text"]


def test_parquet_output_is_the_same_whatever_the_worker_count(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 40)
    assert _run(str(feed), "-o", str(tmp_path / "one.parquet"), "-q", "--workers", "1").returncode == 0
    assert _cli(str(feed), "-o", str(tmp_path / "two.parquet"), "-q", "--workers", "2").returncode == 0  # real workers
    assert (tmp_path / "one.parquet").read_bytes() == (tmp_path / "two.parquet").read_bytes()
    assert [r["id"] for r in pq.read_table(tmp_path / "one.parquet").to_pylist()] == [f"doc-{i}" for i in range(40)]


def test_killed_parquet_run_resumes_to_the_uninterrupted_file(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 40)
    assert _run("-", "-o", str(tmp_path / "expected.parquet"), "-q", "--workers", "1", input=feed.read_bytes()).returncode == 0
    out = tmp_path / "out.parquet"
    proc = _start_and_wait_for_checkpoint(feed, out, "1")
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and not out.exists()
    assert json.loads(Path(str(out) + ".progress").read_text())["documents"] >= 1
    resumed = _run("-", "-o", str(out), "-q", "--workers", "1", "--resume", input=feed.read_bytes())
    assert resumed.returncode == 0, resumed.stderr
    assert b"resuming after" in resumed.stderr
    assert [r["id"] for r in pq.read_table(out).to_pylist()] == [f"doc-{i}" for i in range(40)]
    assert out.read_bytes() == (tmp_path / "expected.parquet").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["expected.parquet", "feed.jsonl", "out.parquet"]


def _doc(i: int) -> Document:
    return Document(id=f"d{i}", source="s", lang="en", text=f"Text {i}.")


def test_parts_resume_and_row_groups_depend_on_the_records_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(parquet, "PART_ROWS", 3)
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 4)
    fingerprint = {"run": 1}
    crashed = parquet.ParquetOutput(str(tmp_path / "o.parquet"), fingerprint)
    for i in range(8):  # parts of 1 (the early checkpoint), 3 and 3 documents; 1 left in memory
        crashed.write(_doc(i))
        crashed.document_done()
    assert crashed.done == 7 and crashed.parts == 3
    (tmp_path / "o.parquet.partial" / "part-000003.parquet.tmp").write_bytes(b"half a part")  # died mid-write
    resumed = parquet.ParquetOutput(str(tmp_path / "o.parquet"), fingerprint, resume=True)
    assert resumed.done == 7
    assert sorted(p.name for p in (tmp_path / "o.parquet.partial").iterdir()) == [
        "part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    for i in range(7, 10):
        resumed.write(_doc(i))
        resumed.document_done()
    resumed.commit()
    written = pq.ParquetFile(tmp_path / "o.parquet")
    assert [r["id"] for r in written.read().to_pylist()] == [f"d{i}" for i in range(10)]
    assert [written.metadata.row_group(g).num_rows for g in range(written.num_row_groups)] == [4, 4, 2]
    other = parquet.ParquetOutput(str(tmp_path / "p.parquet"), fingerprint)
    other.write(_doc(0))
    other.document_done()
    with pytest.raises(ValueError, match="other inputs or options"):
        parquet.ParquetOutput(str(tmp_path / "p.parquet"), {"run": 2}, resume=True)


def test_a_huge_document_gets_its_own_row_group(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 1000)
    out = parquet.ParquetOutput(str(tmp_path / "o.parquet"), {})
    for doc in [_doc(0), Document(id="big", source="s", lang="en", text="x" * 2000), _doc(2), _doc(3)]:
        out.write(doc)
        out.document_done()
    out.commit()
    written = pq.ParquetFile(tmp_path / "o.parquet")
    assert [written.metadata.row_group(g).num_rows for g in range(written.num_row_groups)] == [2, 2]


def test_parquet_output_needs_the_jsonl_format(tmp_path: Path) -> None:
    result = _run(str(ARTICLES / "uk_grain_port.txt"), "-o", str(tmp_path / "a.parquet"), "--format", "text")
    assert result.returncode == 2
    assert b"holds the JSONL records as columns; --format text needs another output name" in result.stderr


def _write(path: Path, columns: dict) -> Path:
    pq.write_table(pa.table(columns), path)
    return path


def test_parquet_input_with_field_options(tmp_path: Path) -> None:
    ccnet = _write(tmp_path / "ccnet.parquet", {"url": ["https://a.example/1", "https://a.example/2"],
                                                 "raw_content": ["Первый текст.", "Second text."]})
    docs = list(read_inputs([str(ccnet)], ReadConfig(text_field="raw_content")))
    assert [(d.id, d.source, d.raw, d.is_html, d.errors) for d in docs] == [
        ("https://a.example/1", f"{ccnet}:1", "Первый текст.", None, []),  # a text field: HTML or not is decode's call
        ("https://a.example/2", f"{ccnet}:2", "Second text.", None, [])]
    [failed] = read_inputs([str(ccnet)])
    assert [e.message for e in failed.errors] == [
        "Parquet file has no column 'text' or 'html'; its columns: url, raw_content "
        "(name yours with --text-field, --html-field, --id-field)"]
    pages = _write(tmp_path / "pages.parquet", {"doc_id": [7], "page": ["<p>Hallo Welt.</p>"]})
    [page] = read_inputs([str(pages)], ReadConfig(id_field="doc_id", html_field="page"))
    assert (page.id, page.raw, page.is_html) == ("7", "<p>Hallo Welt.</p>", True)
    [no_id] = read_inputs([str(pages)], ReadConfig(id_field="key", html_field="page"))
    assert "Parquet file has no column 'key' (--id-field)" in no_id.errors[0].message


def test_parquet_input_through_the_cli_and_a_broken_file(tmp_path: Path) -> None:
    good = _write(tmp_path / "a.parquet", {"content": ["The council met on Monday to discuss the new budget for schools and roads."],
                                            "id": ["c1"]})
    (tmp_path / "b.parquet").write_bytes(b"not parquet at all")
    result = _run(str(good), str(tmp_path / "b.parquet"), "--text-field", "content", "-q")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["id"], first["lang"], first["text"]) == ("c1", "en", "The council met on Monday to discuss the new budget for schools and roads.")
    assert second["errors"][0]["message"].startswith("cannot read Parquet file:")
