"""The input kind (HTML page or plain text) is decided once, when the bytes are decoded, so the
record does not depend on the way a page came in: as an ``.html`` file, a ``.txt`` file, on
stdin, in a JSONL ``text`` field or through the API (issue 13)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import normalize
from normalize.cli import main

# The script holds mojibake: an HTML page's scripts are not text, so nothing is repaired there;
# read as plain text, the same bytes used to be "repaired" (repairs: mojibake 1).
PAGE = """<html><head><title>Harbour reopens after the storm</title>
<script>var label = "cafÃ©";</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.</p>
<p>Fishing boats were the first to leave, followed by the ferry to the islands in the afternoon.</p>
</article><footer>All rights reserved</footer></body></html>
"""
# A fragment without a document tag: markup all through it.
FRAGMENT = "\n".join([
    "<div class='story'>",
    "<h2>Harbour reopens after the storm</h2>",
    "<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.</p>",
    "<p>Fishing boats were the first to leave, followed by the ferry to the islands in the afternoon.</p>",
    "<p><a href='/share'>Share</a></p>",
    "</div>",
])
BODY = ("The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.\n\n"
        "Fishing boats were the first to leave, followed by the ferry to the islands in the afternoon.")


def _content(record: dict, *, string: bool = False) -> dict:
    """The record without what names the way in (its id and source). ``string``: the page came
    in as a string (a JSON field, the API), so no bytes were decoded and ``encoding`` is null,
    as the schema documents; the rest must be the same."""
    if string:
        assert record["encoding"] is None
        record = {**record, "encoding": "utf-8"}
    return {k: v for k, v in record.items() if k not in ("id", "source")}


def _run(args: list[str], out: Path) -> dict:
    assert main(["run", *args, "-o", str(out), "-q"]) == 0
    [line] = out.read_text(encoding="utf-8").splitlines()
    return json.loads(line)


@pytest.fixture(scope="module", params=[PAGE, FRAGMENT], ids=["page", "fragment"])
def as_html(request, tmp_path_factory) -> tuple[str, dict]:
    tmp = tmp_path_factory.mktemp("kind")
    (tmp / "page.html").write_text(request.param, encoding="utf-8")
    return request.param, _run([str(tmp / "page.html")], tmp / "html.jsonl")


def test_the_html_file_is_read_as_a_page(as_html) -> None:
    page, record = as_html
    assert record["text"] == BODY
    assert record["title"] == "Harbour reopens after the storm"
    assert (record["lang"], record["repairs"], record["errors"]) == ("en", [], [])


def test_a_txt_file_gives_the_same_record(as_html, tmp_path: Path) -> None:
    page, expected = as_html
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    assert _content(_run([str(tmp_path / "page.txt")], tmp_path / "out.jsonl")) == _content(expected)


def test_stdin_gives_the_same_record(as_html, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page, expected = as_html
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode("utf-8"))))
    assert _content(_run(["-"], tmp_path / "out.jsonl")) == _content(expected)


def test_a_jsonl_text_field_gives_the_same_record(as_html, tmp_path: Path) -> None:
    page, expected = as_html
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "p", "text": page}) + "\n", encoding="utf-8")
    assert _content(_run([str(tmp_path / "feed.jsonl")], tmp_path / "out.jsonl"), string=True) == _content(expected)


def test_the_api_gives_the_same_record(as_html) -> None:
    page, expected = as_html
    doc = normalize.normalize_document(page)
    assert doc.is_html is True
    assert _content(normalize.to_record(doc), string=True) == _content(expected)
    # and as bytes, like a file
    assert _content(normalize.to_record(normalize.normalize_document(page.encode()))) == _content(expected)


def test_plain_text_with_a_stray_tag_stays_text(tmp_path: Path) -> None:
    """A dump holding an ad snippet (tags on one line of twelve) is still a text, line by line."""
    chrome = ["Home", "News", "Sport", "Weather", "Contact us", "Log in", "Subscribe", "Share"]
    dump = "\n".join(["Harbour reopens after the storm", *BODY.split("\n\n"), *chrome,
                      "<a href='/ad'>Buy</a> <a href='/x'>now</a> <br>"])
    record = _run_text(tmp_path, dump)
    assert record["title"] == "Harbour reopens after the storm"
    assert record["text"] == BODY
    assert record["repairs"] == []


def _run_text(tmp_path: Path, text: str) -> dict:
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    return _run([str(tmp_path / "dump.txt")], tmp_path / "dump.jsonl")
