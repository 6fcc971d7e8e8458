"""`normalize report` without a browser: reading the records, counting, sampling, errors.
What the page shows in a browser is in test_report_browser.py."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import lxml.html
import zstandard

from normalize.cli import main
from normalize.report import ReportBuilder, write_report
from normalize.report.sample import ERROR_DOCS, SAMPLE_SIZE

from .conftest import CORPORA

GOLDEN = sorted((CORPORA / "expected").glob("*.jsonl"))


def golden_records() -> list[dict]:
    return [json.loads(line) for path in GOLDEN for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def table(root: lxml.html.HtmlElement, chart: str) -> dict[str, int]:
    """The numbers table of a chart card: label -> number."""
    rows = root.cssselect(f"#chart-{chart} details table tbody tr")
    return {r[0].text_content(): int(r[1].text_content().replace(",", "")) for r in rows}


def test_numbers_of_the_corpus_view_are_exact(tmp_path):
    records = golden_records()
    out = tmp_path / "report.html"
    assert main(["report", *map(str, GOLDEN), "-o", str(out)]) == 0
    root = page(out)
    assert root.cssselect("#kpi-documents b")[0].text_content() == str(len(records))
    languages: dict[str, int] = {}
    for r in records:
        for s in r["segments"]:
            languages[s["lang"]] = languages.get(s["lang"], 0) + 1
    assert table(root, "seg-langs") == languages
    chars = {role: sum(len(s["text"]) for r in records for s in r["segments"] if s["role"] == role)
             for role in ("title", "body", "boilerplate")}
    assert table(root, "roles") == chars
    encodings = {r["encoding"] for r in records}
    assert "cp1251" in encodings and set(table(root, "encodings")) == {e or "(text, not bytes)" for e in encodings}
    assert table(root, "repairs") == {"mojibake": sum(x["count"] for r in records for x in r["repairs"] if x["kind"] == "mojibake")}
    # a small run: every document is in the document view, each segment once
    assert "All 14 documents" in root.cssselect("#sample-note")[0].text_content()
    assert len(root.cssselect("article.doc")) == len(records)
    assert len(root.cssselect("li.seg-row")) == sum(len(r["segments"]) for r in records)


def test_compressed_inputs_and_malformed_lines_are_counted_and_listed(tmp_path, capsys):
    lines = [json.dumps(r, ensure_ascii=False) for r in golden_records()[:3]]
    plain = tmp_path / "a.jsonl"
    plain.write_text("\n".join([lines[0], "{broken", '["a", "list"]', '{"id": "x", "text": "no schema"}', ""]), encoding="utf-8")
    gz = tmp_path / "b.jsonl.gz"
    gz.write_bytes(gzip.compress((lines[1] + "\n").encode()))
    zst = tmp_path / "c.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress((lines[2] + "\n").encode()))
    out = tmp_path / "r.html"
    assert main(["report", str(plain), str(gz), str(zst), "-o", str(out)]) == 0
    assert "report of 3 documents, 3 malformed lines (listed in the report)" in capsys.readouterr().err
    root = page(out)
    assert root.cssselect("#kpi-documents b")[0].text_content() == "3"
    assert root.cssselect("#kpi-malformed b")[0].text_content() == "3"
    listed = [(tr[0].text_content(), tr[1].text_content()) for tr in root.cssselect("#malformed-list tbody tr")]
    assert listed == [
        (f"{plain}:2", "bad JSON: Expecting property name enclosed in double quotes at column 2"),
        (f"{plain}:3", "a JSON list, not a record object"),
        (f"{plain}:4", "not a normalize/1 record (no 'schema' field)"),
    ]


def test_a_truncated_archive_is_a_malformed_line_not_a_traceback(tmp_path):
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in golden_records()).encode())
    truncated = tmp_path / "t.jsonl.gz"
    truncated.write_bytes(data[: len(data) // 2])
    out = tmp_path / "r.html"
    result = subprocess.run([sys.executable, "-m", "normalize", "report", str(truncated), "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    reasons = [tr[1].text_content() for tr in page(out).cssselect("#malformed-list tbody tr")]
    assert reasons[-1].startswith("cannot read the rest of the file: ")


def test_missing_input_directory_and_unwritable_output_are_clear_errors(tmp_path, capsys):
    out = tmp_path / "r.html"
    for argv, message in [
        ([str(tmp_path / "nope.jsonl"), "-o", str(out)], f"normalize: cannot read {tmp_path / 'nope.jsonl'}: No such file or directory"),
        ([str(tmp_path), "-o", str(out)], f"normalize: cannot read {tmp_path}: it is a directory (name a JSONL file)"),
        ([str(GOLDEN[0]), "-o", str(tmp_path / "no" / "r.html")],
         f"normalize: cannot write the report {tmp_path / 'no' / 'r.html'}: No such file or directory"),
    ]:
        assert main(["report", *argv]) == 2
        assert capsys.readouterr().err.strip() == message
    assert not out.exists() and list(tmp_path.iterdir()) == []  # nothing half-written


def test_records_of_an_earlier_output_without_the_later_fields(tmp_path):
    """normalize/1 only ever adds fields: a record without encoding, warnings, translations
    (or with unknown extra fields) is still a record."""
    old = {"schema": "normalize/1", "id": "old-1", "lang": "de", "title": "Alt", "text": "Ein Satz.",
           "segments": [{"text": "Ein Satz.", "lang": "de", "confidence": 0.9, "role": "body", "start": 0, "end": 9}],
           "errors": [], "a_field_from_the_future": 1}
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(old) + "\n", encoding="utf-8")
    builder = write_report([str(path)], str(tmp_path / "r.html"))
    assert (builder.stats.documents, builder.stats.malformed) == (1, 0)
    rows = page(tmp_path / "r.html").cssselect("li.seg-row")
    assert [(r.get("data-lang"), r.get("data-role"), r.cssselect(".seg")[0].text_content()) for r in rows] == [("de", "body", "Ein Satz.")]


def synthetic(n: int, errors_every: int = 0) -> dict:
    errors = [{"stage": "decode", "message": "undecodable bytes"}] if errors_every and n % errors_every == 0 else []
    return {"schema": "normalize/1", "id": f"doc-{n}", "lang": "en", "errors": errors,
            "segments": [{"text": f"Sentence {n}.", "lang": "en", "role": "body", "confidence": 1.0}]}


def test_large_run_shows_a_deterministic_bounded_sample_with_every_error_document(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps(synthetic(n, errors_every=100)) + "\n" for n in range(3000)), encoding="utf-8")
    first = write_report([str(path)], str(tmp_path / "1.html"))
    write_report([str(path)], str(tmp_path / "2.html"))
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes()
    shown = [d.record.id for d in first.sample.documents()]
    with_errors = [f"doc-{n}" for n in range(0, 3000, 100)]  # 30, fewer than ERROR_DOCS
    assert set(with_errors) <= set(shown) and SAMPLE_SIZE <= len(shown) <= SAMPLE_SIZE + len(with_errors)
    assert shown == sorted(shown, key=lambda i: int(i.split("-")[1]))  # input order
    note = page(tmp_path / "1.html").cssselect("#sample-note")[0].text_content()
    assert "of 3,000 documents" in note and "reservoir sampling" in note and "seed 18" in note
    assert f"plus the first {len(with_errors)} documents with errors" in note
    assert ERROR_DOCS >= len(with_errors)
    assert main(["report", str(path), "-o", str(tmp_path / "5.html"), "--sample", "5"]) == 0
    ids = [a.get("data-id") for a in page(tmp_path / "5.html").cssselect("article.doc")]
    assert set(with_errors) <= set(ids) and len(ids) <= 5 + len(with_errors)


def test_run_report_to_stdout_is_built_from_the_documents_as_they_go(tmp_path, capfd):
    out = tmp_path / "r.html"
    article = CORPORA / "articles" / "uk_grain_port.txt"
    assert main(["run", str(article), "--format", "tagged", "--report", str(out), "-q"]) == 0
    assert "[uk body]" in capfd.readouterr().out
    root = page(out)
    assert root.cssselect("#kpi-documents b")[0].text_content() == "1"
    assert [a.get("data-id") for a in root.cssselect("article.doc")] == [str(article)]
    assert root.cssselect("article.doc .doc-title")[0].text_content() == "Порт відновив відвантаження зерна після шторму"


def test_report_builder_takes_records_one_at_a_time():
    builder = ReportBuilder(sample_size=1)
    for n in range(5):
        builder.add_value(synthetic(n))
    builder.add_value({"schema": "normalize/1", "id": 3}, "stream:6")
    assert (builder.stats.documents, builder.stats.malformed, builder.sample.seen) == (5, 1, 5)
    assert builder.stats.malformed_shown[0].where == "stream:6" and builder.stats.malformed_shown[0].reason == "no string 'id'"
    assert len(builder.sample.documents()) == 1


def test_run_report_with_a_jsonl_file_is_the_report_of_that_file(tmp_path):
    out, jsonl = tmp_path / "run.html", tmp_path / "out.jsonl"
    article = CORPORA / "articles" / "uk_grain_port.txt"
    assert main(["run", str(article), "-o", str(jsonl), "--report", str(out), "--workers", "1", "-q"]) == 0
    assert main(["report", str(jsonl), "-o", str(tmp_path / "later.html")]) == 0
    assert out.read_bytes() == (tmp_path / "later.html").read_bytes()


def test_run_report_into_a_missing_directory_is_refused_before_the_run(tmp_path, capsys):
    article = CORPORA / "articles" / "uk_grain_port.txt"
    assert main(["run", str(article), "-o", str(tmp_path / "out.jsonl"), "--report", str(tmp_path / "no" / "r.html")]) == 2
    assert capsys.readouterr().err.strip() == f"normalize: --report {tmp_path / 'no' / 'r.html'}: its directory does not exist"
    assert list(tmp_path.iterdir()) == []


def test_record_text_cannot_break_out_of_the_page(tmp_path):
    nasty = '"]{}</style><script>alert(1)</script>'
    record = {"schema": "normalize/1", "id": "<x-id>id</x-id>", "lang": nasty, "title": "</script><x-title>t</x-title>",
              "segments": [{"text": "<img src=x onerror=alert(1)>", "lang": nasty, "role": "body", "confidence": 1}]}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    write_report([str(path)], str(tmp_path / "r.html"))
    root = page(tmp_path / "r.html")
    assert root.cssselect("img") == [] and root.cssselect("x-id") == [] and root.cssselect("x-title") == []
    assert [s.get("type") for s in root.cssselect("script")] == ["application/json"] * len(root.cssselect(".chart")) + [None, None]
    assert root.cssselect("li.seg-row .seg")[0].text_content() == "<img src=x onerror=alert(1)>"
    assert root.cssselect(".doc-title")[0].text_content() == "</script><x-title>t</x-title>"
    assert root.cssselect("article.doc")[0].get("data-id") == "<x-id>id</x-id>"
