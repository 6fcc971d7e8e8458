"""The ``normalize`` command: formats, exit codes, bad input, workers, atomic output. Run in this
process (``run_cli``) where only the output is asserted; in a real process where the exit status
of the process, a traceback or worker processes are the point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import CORPORA, run_cli

STORM = CORPORA / "articles" / "en_harbour_storm.txt"


def process(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """``python -m normalize ARGS`` in a process of its own."""
    return subprocess.run([sys.executable, "-m", "normalize", *args], input=stdin, capture_output=True)


def normalize(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return run_cli(*args, stdin=stdin or b"")


def test_jsonl_to_stdout() -> None:
    result = normalize("run", str(STORM), "-q")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["schema"] == "normalize/1"
    assert record["title"] == "Storm Ellin Floods Harbour Town as Ferry Services Are Suspended"
    assert record["text"].startswith("PORT CARRAN (Coastal Herald) - Storm Ellin pushed seawater")
    assert "READ MORE" not in record["text"] and "Sign in" not in record["text"]


def test_text_format_is_title_blank_line_body() -> None:
    result = normalize("run", str(STORM), "--format", "text", "-q")
    out = result.stdout.decode()
    title, first, *_ = out.split("\n\n")
    assert title == f"# {STORM}\nStorm Ellin Floods Harbour Town as Ferry Services Are Suspended"
    assert first.startswith("PORT CARRAN (Coastal Herald)")
    assert out.endswith("or a seat on the next available sailing.\n")


def test_tagged_format_marks_language_and_role() -> None:
    lines = normalize("run", str(STORM), "--format", "tagged", "-q").stdout.decode().splitlines()
    assert lines[0] == f"# {STORM}"
    assert "[en title] Storm Ellin Floods Harbour Town as Ferry Services Are Suspended" in lines
    assert "[en boilerplate] Sign in" in lines
    assert "[fr boilerplate] Lire la suite" in lines


def test_stdin_to_stdout() -> None:
    page = b"<html><head><title>Quiet Day</title></head><body><h1>Quiet Day</h1><p>Nothing much happened in the village today, the mayor said at the evening meeting.</p></body></html>"
    record = json.loads(normalize("run", "-q", stdin=page).stdout)
    assert (record["id"], record["title"], record["lang"]) == ("<stdin>", "Quiet Day", "en")
    assert record["text"] == "Nothing much happened in the village today, the mayor said at the evening meeting."


def test_comments_flag_keeps_readers_comments() -> None:
    story = ("The harbour wall was raised by a metre over the summer, and the council says the work is finished "
             "two months ahead of the timetable it published in the spring.")
    more = ("Fishermen who moor inside the wall said the calmer water had already saved two boats during the "
            "October gales, when the old wall was overtopped twice in one night.")
    reply = "Good to see the money spent where it matters for once, well done to the crews who worked all summer."
    html = (f"<html><head><title>Harbour wall finished</title></head><body><article><h1>Harbour wall finished</h1>"
            f"<p>{story}</p><p>{more}</p></article><div id='comments'><h3>1 Comment</h3><div class='comment'>"
            f"<p>{reply}</p></div></div></body></html>").encode()
    default = json.loads(normalize("run", "-q", stdin=html).stdout)
    assert default["text"] == f"{story}\n\n{more}"
    kept = json.loads(normalize("run", "-q", "--comments", stdin=html).stdout)
    assert kept["text"] == f"{story}\n\n{more}\n\n{reply}"


def test_good_empty_and_binary_files_give_three_records_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_bytes(STORM.read_bytes())
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.bin").write_bytes(bytes(range(256)) * 40)
    result = process("run", *sorted(map(str, tmp_path.iterdir())))  # named: a directory would skip the .bin
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["id"]).name for r in records] == ["a_good.txt", "b_empty.txt", "c_binary.bin"]
    assert records[0]["errors"] == [] and records[0]["lang"] == "en"
    assert records[1]["errors"] == [{"stage": "decode", "message": "empty document: no text to process"}]
    assert records[2]["errors"] == [{"stage": "decode", "message": "binary data, not text (an image, an archive, an executable?)"}]
    assert records[1]["text"] == records[2]["text"] == "" and records[2]["lang"] == "und"
    assert "3 documents" in result.stderr.decode() and "2 with errors" in result.stderr.decode()


def test_malformed_jsonl_line_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Das ist ein ganz normaler deutscher Satz über das Wetter."}\n{"id": \n', encoding="utf-8")
    result = normalize("run", str(feed), "-q")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert records[0]["lang"] == "de" and records[0]["errors"] == []
    assert records[1]["id"] == f"{feed}:2" and records[1]["errors"][0]["message"].startswith("bad JSON:")


def test_invalid_utf8_and_broken_html_still_go_through(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_bytes(b"<html><body><h1>Caf\xe9 news<p>Le caf\xe9 du coin a rouvert ses portes ce matin apr\xe8s des travaux de r\xe9novation.<div><span></p></b>")
    result = normalize("run", str(page), "-q")
    record = json.loads(result.stdout)
    assert result.returncode == 0 and record["errors"] == []
    assert record["text"] == "Le café du coin a rouvert ses portes ce matin après des travaux de rénovation."
    assert record["lang"] == "fr"


def test_oversized_document_is_flagged_and_exit_is_1(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("A sentence that repeats itself for a long while, again and again.\n" * 200)
    result = normalize("run", str(big), "--max-bytes", "1000", "-q")
    record = json.loads(result.stdout)
    assert result.returncode == 1
    assert record["errors"][0]["message"].startswith("document over the size limit of 1000 bytes")
    assert record["text"].startswith("A sentence that repeats itself")


def test_workers_keep_input_order_and_output_identical(tmp_path: Path) -> None:
    one = normalize("run", str(CORPORA / "articles"), "-q", "--workers", "1")
    two = process("run", str(CORPORA / "articles"), "-q", "--workers", "2")  # real worker processes
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 14


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = normalize("run", str(STORM), "-o", str(out), "-q")
    assert result.returncode == 0 and result.stdout == b""
    assert json.loads(out.read_text())["lang"] == "en"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def test_usage_errors_exit_2() -> None:
    assert process("run", "--format", "xml").returncode == 2
    assert process("run", "--workers", "0").returncode == 2
    assert process().returncode == 2
    missing_dir = process("run", str(STORM), "-o", "/nonexistent/dir/out.jsonl", "-q")
    assert missing_dir.returncode == 2 and b"Traceback" not in missing_dir.stderr


def test_help_shows_examples() -> None:
    out = normalize("run", "--help").stdout.decode()
    assert "examples:" in out and "normalize run pages/ -o out.jsonl" in out
