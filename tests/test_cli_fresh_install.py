"""What a new user's fresh install trips over (issue 26, points 3, 6, 7 and 8), through the
installed ``normalize`` command or the Python API: ``.json`` inputs, messages that name what to
do (a record's fields, skipped files, PDFs, an offline model install), translating through
``normalize_document``, and two runs writing the same output."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import CORPORA, run_cli

NORMALIZE = shutil.which("normalize")
STORM = CORPORA / "articles" / "en_harbour_storm.txt"
COUNCIL = "The council met on Monday to discuss the new budget for schools and roads."
STADTRAT = "Der Stadtrat hat am Montag über den neuen Haushalt für Schulen und Straßen beraten."
DEFAULT_FIELDS = "name yours with --text-field NAME or --html-field NAME"


def normalize(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    assert NORMALIZE, "the normalize console script is not installed (pip install -e .)"
    return subprocess.run([NORMALIZE, *args], input=stdin, capture_output=True, cwd=cwd,
                          env={**os.environ, **(env or {})})


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines()]


# 3. .json files --------------------------------------------------------------------------------


def test_json_files_of_json_lines_or_an_array_are_read_as_records_and_anything_else_names_input_format(tmp_path: Path) -> None:
    (tmp_path / "feed.json").write_text(json.dumps({"id": "a1", "text": COUNCIL}) + "\n"
                                        + json.dumps({"id": "a2", "text": STADTRAT}) + "\n", encoding="utf-8")
    (tmp_path / "array.json").write_text(json.dumps([{"id": "b1", "text": COUNCIL}, {"id": "b2", "html": f"<p>{STADTRAT}</p>"}],
                                                    indent=2, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "notes.json").write_text("Notes for the desk: call the council press office on Monday.\n")
    result = normalize("run", "feed.json", "array.json", "notes.json", cwd=tmp_path)
    assert result.returncode == 1
    got = records(result.stdout)
    assert [(r["id"], r["source"], r["lang"], r["text"]) for r in got[:4]] == [
        ("a1", "feed.json:1", "en", COUNCIL), ("a2", "feed.json:2", "de", STADTRAT),
        ("b1", "array.json:1", "en", COUNCIL), ("b2", "array.json:2", "de", STADTRAT)]
    assert all(r["errors"] == [] for r in got[:4])
    message = ("notes.json is neither JSON Lines nor a JSON array of objects (it starts with 'N', not with '[' or '{'); "
               "to read it as plain text, HTML or JSON Lines, say which: --input-format text, html or jsonl")
    assert (got[4]["id"], got[4]["errors"]) == ("notes.json", [{"stage": "read", "message": message}])
    assert f"    notes.json: read: {message}\n" in result.stderr.decode()
    as_text = run_cli("run", "notes.json", "--input-format", "text", "-q", cwd=tmp_path)
    assert as_text.returncode == 0 and json.loads(as_text.stdout)["text"].startswith("Notes for the desk")


def test_a_json_array_of_something_else_is_an_error_and_bad_records_are_named(tmp_path: Path) -> None:
    (tmp_path / "numbers.json").write_text("[1, 2, 3]")
    (tmp_path / "mixed.json").write_text(json.dumps([{"id": "c1", "text": COUNCIL}, "a string"]))
    (tmp_path / "broken.json").write_text('[{"id": "d1", "text": "x"},\n {"id": "d2" "text": "y"}]')
    result = run_cli("run", "numbers.json", "mixed.json", "broken.json", "-q", cwd=tmp_path)
    got = {r["id"]: r["errors"] for r in records(result.stdout)}
    hint = "to read it as plain text, HTML or JSON Lines, say which: --input-format text, html or jsonl"
    assert got == {
        "numbers.json": [{"stage": "read", "message": f"numbers.json is neither JSON Lines nor a JSON array of objects "
                                                       f"(an array of numbers, not of objects); {hint}"}],
        "c1": [],
        "mixed.json:2": [{"stage": "read", "message": "record 2 of the JSON array is a string, not an object with 'text' or 'html'"}],
        "d1": [],
        "broken.json": [{"stage": "read", "message": f"broken.json is neither JSON Lines nor a JSON array of objects "
                                                      f"(bad JSON in record 2, line 2: Expecting ',' delimiter); {hint}"}],
    }


# 6. messages -----------------------------------------------------------------------------------


def test_a_record_without_the_default_fields_names_its_fields_and_the_options(tmp_path: Path) -> None:
    (tmp_path / "crawl.jsonl").write_text(json.dumps({"doc_id": "a1", "body": COUNCIL}) + "\n")
    result = normalize("run", "crawl.jsonl", cwd=tmp_path)
    message = f"record has no string field 'text' or 'html'; its fields: doc_id, body ({DEFAULT_FIELDS}, and the id with --id-field NAME)"
    assert result.returncode == 1
    assert records(result.stdout)[0]["errors"] == [{"stage": "read", "message": message}]
    assert f"    crawl.jsonl:1: read: {message}\n" in result.stderr.decode()
    fixed = run_cli("run", "crawl.jsonl", "--text-field", "body", "--id-field", "doc_id", "-q", cwd=tmp_path)
    assert fixed.returncode == 0 and (json.loads(fixed.stdout)["id"], json.loads(fixed.stdout)["text"]) == ("a1", COUNCIL)


def test_skipped_files_are_named_with_v_and_listed_in_stats(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(STORM, pages / "storm.txt")
    (pages / "app.js").write_text("document.querySelector('.nav').hidden = true;\n")
    (pages / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (pages / "draft.txt").write_text("A draft nobody should read yet.\n")
    result = normalize("run", "pages", "--exclude", "draft.txt", "-v", "--stats", "stats.json", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ("  skipped: 3 files (--exclude 1, not an input kind 2)\n"
            "    --exclude: pages/draft.txt\n"
            "    not an input kind: pages/app.js\n"
            "    not an input kind: pages/report.pdf\n") in result.stderr.decode()
    assert json.loads((tmp_path / "stats.json").read_text())["skipped_files"] == {
        "--exclude": ["pages/draft.txt"], "not an input kind": ["pages/app.js", "pages/report.pdf"]}
    quiet = run_cli("run", "pages", "--exclude", "draft.txt", cwd=tmp_path)
    assert "  skipped: 3 files (--exclude 1, not an input kind 2; -v names them)\n" in quiet.stderr.decode()
    assert "pages/app.js" not in quiet.stderr.decode()


def test_a_pdf_is_called_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\n"
                    + bytes(range(256)) + b"\nendstream\nendobj\n%%EOF\n")
    result = normalize("run", str(pdf))
    assert result.returncode == 1
    assert records(result.stdout)[0]["errors"] == [{"stage": "decode", "message": (
        "a PDF document, not text: extract its text first (e.g. pdftotext FILE.pdf FILE.txt), then normalize the text")}]


def test_an_offline_model_install_says_to_install_a_downloaded_file(tmp_path: Path) -> None:
    with socket.socket() as closed:  # bound, never listening: connecting is refused, nothing leaves the machine
        closed.bind(("127.0.0.1", 0))
        index = f"http://127.0.0.1:{closed.getsockname()[1]}/"
        result = normalize("models", "install", "ru", "en",
                           env={"ARGOS_PACKAGE_INDEX": index, "NORMALIZE_MODELS_DIR": str(tmp_path / "models")})
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr.decode() == (
        f"normalize: cannot read the package index {index}index.json: <urlopen error [Errno 111] Connection refused>. "
        "Without network, install a downloaded package file instead: normalize models install FILE.argosmodel "
        "(for ru→en: translate-ru_en-*.argosmodel, fetched where there is network; "
        "or point $ARGOS_PACKAGE_INDEX at a mirror or a local directory holding index.json)\n")


# 7. the Python API -----------------------------------------------------------------------------

RU_NEWS = ("Заголовок открываемого материала\n"
           "Президент России встретился с премьер-министром Израиля. Переговоры прошли в Москве в среду.\n")


def test_normalize_document_translates_with_a_config(ru_en_installed: Path) -> None:
    import normalize

    doc = normalize.normalize_document(RU_NEWS, id="ru-1", config=normalize.Config(translate_to="en"))
    assert (doc.id, doc.lang, doc.translated_to, doc.warnings) == ("ru-1", "ru", "en", [])
    assert doc.translated_text == "The President of Russia met with the Prime Minister of Israel. The talks took place in Moscow on Wednesday."
    assert [s.translation for s in doc.segments if s.role == "title"] == ["Title of the material being opened"]
    plain = normalize.normalize_document(RU_NEWS, id="ru-1")  # no config: no translation stage
    assert (plain.translated_to, plain.translated_text, plain.text) == (None, None, doc.text)


def test_normalize_document_sees_another_models_directory(translation_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    import normalize
    from normalize.translate.models import install_file

    config = normalize.Config(translate_to="en")
    missing = normalize.normalize_document(RU_NEWS, config=config)
    assert missing.translated_to is None and "no ru→en translation model installed" in missing.warnings[0].message
    monkeypatch.setenv("NORMALIZE_MODELS_DIR", str(tmp_path / "other-models"))
    install_file(CORPORA.parent / "tests" / "fixtures" / "translate-ru_en-tiny.argosmodel")
    assert normalize.normalize_document(RU_NEWS, config=config).translated_to == "en"


def test_dir_of_the_package_shows_the_api_only() -> None:
    import normalize

    assert dir(normalize) == sorted([*normalize.__all__, "__version__"])
    assert "lru_cache" not in dir(normalize) and "annotations" not in dir(normalize) and "boilerplate" not in dir(normalize)
    assert all(hasattr(normalize, name) for name in normalize.__all__)
    assert "normalize_document" in normalize.__all__ and "Config" in normalize.__all__


# 8. two runs, one output -----------------------------------------------------------------------


def _started(out: Path) -> subprocess.Popen:
    """``normalize run -`` writing ``out``, waiting on stdin for its documents."""
    return subprocess.Popen([NORMALIZE, "run", "-", "-o", str(out), "-q", "--workers", "1"],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(ready) -> None:
    """Until ``ready()`` (a run started, a file written), a minute at most."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not ready():
        time.sleep(0.05)
    assert ready()


def _feed(proc: subprocess.Popen, data: bytes) -> tuple[int, str]:
    _, err = proc.communicate(data, timeout=120)
    return proc.returncode, err.decode()


def test_a_second_run_with_the_same_output_is_refused_naming_the_first_which_completes(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = _started(out)
    lock = tmp_path / ".out.jsonl.lock"
    try:
        _wait_for(lambda: lock.exists() and lock.read_text() == f"{first.pid}\n")  # the first run holds the output
        second = normalize("run", str(STORM), "-o", str(out))
        assert (second.returncode, second.stdout) == (2, b"")
        assert second.stderr.decode() == (f"normalize: {out} is being written by another run (pid {first.pid}); "
                                          "wait for it to end, or write elsewhere with another -o\n")
        data = (json.dumps({"id": "a1", "text": COUNCIL}) + "\n" + json.dumps({"id": "a2", "text": STADTRAT}) + "\n").encode()
        assert _feed(first, data) == (0, "")
    finally:
        first.kill()
        first.wait()
    assert [(r["id"], r["text"]) for r in records(out.read_bytes())] == [("a1", COUNCIL), ("a2", STADTRAT)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no lock, partial or checkpoint left


def test_a_lock_left_by_a_dead_run_does_not_block(tmp_path: Path) -> None:
    (tmp_path / ".out.jsonl.lock").write_text("999999999\n")  # what a killed run leaves: a file nobody holds
    result = normalize("run", str(STORM), "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in records((tmp_path / "out.jsonl").read_bytes())] == [str(STORM)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_write_error_other_than_no_room_is_not_called_a_full_disk(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = _started(out)
    partial = Path(f"{out}.partial")
    try:
        _wait_for(partial.exists)
        partial.unlink()  # removed under the run's feet: its commit cannot rename it
        status, err = _feed(run, (json.dumps({"id": "a1", "text": COUNCIL}) + "\n").encode())
    finally:
        run.kill()
        run.wait()
    assert status == 1
    assert err == (f"normalize: cannot write {partial}: No such file or directory; the checkpoint {out}.progress keeps "
                   f"the 1 document written before. Once that is mended, continue: "
                   f"normalize run - -o {out} -q --workers 1 --resume\n")
