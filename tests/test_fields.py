"""--id-field, --text-field, --html-field: JSONL from other tools read as it is."""

from __future__ import annotations

import json
from pathlib import Path

from normalize.config import Config
from normalize.pipeline import build_pipeline
from normalize.read import ReadConfig, read_inputs

from .conftest import assert_valid_record, run_cli

SENTENCE = "The council met on Monday to discuss the new budget for schools and roads."


def _write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_ccnet_and_content_fields_through_the_cli(tmp_path: Path) -> None:
    ccnet = _write(tmp_path / "ccnet.jsonl", {"url": "https://a.example/1", "raw_content": SENTENCE, "nlines": 1},
                   {"url": "https://a.example/2", "title": "no text here"})
    result = run_cli("run", str(ccnet), "--text-field", "raw_content", "--id-field", "url", "-q")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    good, missing = (assert_valid_record(json.loads(line)) for line in result.stdout.splitlines())
    assert (good["id"], good["source"], good["lang"], good["text"]) == ("https://a.example/1", f"{ccnet}:1", "en", SENTENCE)
    assert missing["id"] == "https://a.example/2"
    assert missing["errors"] == [{"stage": "read", "message": "record has no string field 'raw_content' (--text-field); its fields: url, title"}]


def test_html_field_wins_over_the_text_field_and_a_missing_id_is_an_error(tmp_path: Path) -> None:
    feed = _write(tmp_path / "pages.jsonl",
                  {"doc": "p1", "page": f"<html><body><h1>Budget</h1><p>{SENTENCE}</p></body></html>", "content": "ignored"},
                  {"doc": "p2", "content": SENTENCE},
                  {"key": "p3", "content": SENTENCE})
    config = ReadConfig(id_field="doc", html_field="page", text_field="content")
    docs = list(read_inputs([str(feed)], config))
    # the HTML field says "a page"; a text field leaves it to the content (decided at decode)
    assert [(d.id, d.is_html) for d in docs] == [("p1", True), ("p2", None), (f"{feed}:3", None)]
    assert [e.message for e in docs[2].errors] == ["record has no field 'doc' (--id-field); its fields: key, content"]
    # the same options through the API's Config
    first, second, _ = build_pipeline(Config(read=config)).run(read_inputs([str(feed)], Config(read=config).read))
    assert (first.title, first.text) == ("Budget", SENTENCE)
    assert (second.is_html, second.text) == (False, SENTENCE)


def test_datatrove_layout_reads_with_the_defaults(tmp_path: Path) -> None:
    feed = _write(tmp_path / "dt.jsonl", {"id": "dt-0", "text": SENTENCE, "metadata": {"url": "u"}})
    [doc] = read_inputs([str(feed)])
    assert (doc.id, doc.raw, doc.errors) == ("dt-0", SENTENCE, [])
