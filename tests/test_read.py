"""The read stage: files, directories, JSONL, gzip, stdin, and what goes wrong with them."""

from __future__ import annotations

import gzip
import io
import json
import sys

from normalize.read import ReadConfig, read_file, read_inputs


def _messages(doc):
    return [(e.stage, e.message) for e in doc.errors]


def test_text_file_is_one_document_with_its_bytes(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Привет, мир.\n".encode())
    [doc] = read_inputs([str(path)])
    assert (doc.id, doc.source, doc.raw, doc.is_html) == (str(path), str(path), "Привет, мир.\n".encode(), None)


def test_html_and_gzipped_html_are_marked_html(tmp_path) -> None:
    (tmp_path / "a.html").write_text("<p>Hi</p>")
    with gzip.open(tmp_path / "b.htm.gz", "wb") as f:
        f.write(b"<p>Zipped</p>")
    docs = list(read_inputs([str(tmp_path)]))
    assert [(d.raw, d.is_html) for d in docs] == [(b"<p>Hi</p>", True), (b"<p>Zipped</p>", True)]


def test_directory_is_walked_recursively_in_order_skipping_hidden(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("no")
    assert [d.raw for d in read_inputs([str(tmp_path)])] == [b"one", b"two"]


def test_jsonl_records_text_and_html_with_ids_and_line_numbers(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "t1", "text": "Plain."}) + "\n"
        + json.dumps({"html": "<p>Page</p>"}) + "\n\n"
        + "{broken\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"id": 7, "body": "no text field"}) + "\n",
        encoding="utf-8",
    )
    docs = list(read_inputs([str(path)]))
    # a text field: whether it is HTML is the decode stage's call; an html field says so
    assert [(d.id, d.raw, d.is_html) for d in docs[:2]] == [("t1", "Plain.", None), (f"{path}:2", "<p>Page</p>", True)]
    assert _messages(docs[2]) == [("read", "bad JSON: Expecting property name enclosed in double quotes at column 2")]
    assert docs[2].id == f"{path}:4"
    assert _messages(docs[3]) == [("read", "JSONL line is a list, not an object with 'text' or 'html'")]
    assert docs[4].id == "7" and _messages(docs[4]) == [
        ("read", "record has no string field 'text' or 'html'; its fields: id, body (name yours with --text-field NAME or --html-field NAME)")]


def test_missing_file_is_an_error_record_and_reading_goes_on(tmp_path) -> None:
    (tmp_path / "ok.txt").write_text("fine")
    docs = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "ok.txt")]))
    assert _messages(docs[0]) == [("read", "cannot read file: No such file or directory")]
    assert docs[1].raw == b"fine" and not docs[1].errors


def test_corrupt_gzip_is_an_error_record(tmp_path) -> None:
    path = tmp_path / "bad.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    [doc] = read_inputs([str(path)])
    assert doc.errors and doc.errors[0].stage == "read" and doc.errors[0].message.startswith("cannot read file:")


def test_oversized_document_is_cut_at_a_line_and_flagged(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"line of text\n" * 100)
    [doc] = read_file(str(path), ReadConfig(max_bytes=100))
    assert doc.raw == b"line of text\n" * 7
    assert _messages(doc) == [("read", "document over the size limit of 100 bytes: only the first 91 bytes were processed")]


def test_stdin_text_and_stdin_jsonl(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"Just text."))))
    [doc] = read_inputs(["-"])
    assert (doc.id, doc.raw) == ("<stdin>", b"Just text.")
    feed = b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(feed))))
    assert [(d.id, d.raw) for d in read_inputs(["-"])] == [("a", "One."), ("b", "Two.")]


def test_document_count_is_known_for_files_and_plain_jsonl(tmp_path) -> None:
    from normalize.read import count_documents

    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>two</p>")
    assert count_documents([str(tmp_path)]) == 2  # the progress bar's total, for an ETA
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}')
    assert count_documents([str(tmp_path)]) == 5  # JSONL: its lines, counted without parsing
    (tmp_path / "more.jsonl.gz").write_bytes(b"")
    assert count_documents([str(tmp_path)]) is None  # compressed JSONL: unknown without reading it
    assert count_documents(["-"]) is None
