"""What a new user trips over (issue 15), each through the installed ``normalize`` command:
compressed output and stdin, the run's own files, missing paths, directory filters, error
listings, translation options, resume, huge one-line documents, the text format. The runs a test
only needs for comparison or set-up (an uninterrupted run, a model install, a second variant)
run in this process (``run_cli``), sparing a process start and a model load each."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import CORPORA, run_cli
from .test_scale import _feed

NORMALIZE = shutil.which("normalize")
STORM = CORPORA / "articles" / "en_harbour_storm.txt"
SENTENCES = [
    "The council met on Monday to discuss the new budget for schools and roads.",
    "Der Stadtrat hat am Montag über den neuen Haushalt für Schulen beraten.",
]


def normalize(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    assert NORMALIZE, "the normalize console script is not installed (pip install -e .)"
    return subprocess.run([NORMALIZE, *args], input=stdin, capture_output=True, cwd=cwd)


def feed(path: Path, n: int) -> Path:
    """test_scale's feed, in English and German only."""
    return _feed(path, n, SENTENCES)


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines()]


# 4. compression -------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_output_compressed_by_extension_reads_back(tmp_path: Path, suffix: str) -> None:
    import zstandard

    data = feed(tmp_path / "feed.jsonl", 3)
    out = tmp_path / f"out.jsonl{suffix}"
    assert normalize("run", str(data), "-o", str(out), "-q").returncode == 0
    raw = out.read_bytes()
    plain = gzip.decompress(raw) if suffix == ".gz" else zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True).read()
    assert [r["id"] for r in records(plain)] == ["doc-0", "doc-1", "doc-2"]
    if suffix == ".gz":  # gzip headers could hold a time and a name; zstd frames hold neither
        again = tmp_path / f"again.jsonl{suffix}"
        assert run_cli("run", str(data), "-o", str(again), "-q").returncode == 0
        assert again.read_bytes() == raw  # no time or name in the headers: the same bytes every run


def killed_after_a_checkpoint(data: bytes, out: Path, *flags: str) -> int:
    """Run over the first half of ``data`` on stdin, SIGKILL it once it has checkpointed; the
    number of documents checkpointed."""
    proc = subprocess.Popen([NORMALIZE, "run", "-", "-o", str(out), "-q", "--workers", "1", *flags],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(data[: len(data) // 2])
    proc.stdin.flush()
    progress = Path(f"{out}.progress")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (progress.exists() and json.loads(progress.read_text())["documents"]):
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and not out.exists()
    return json.loads(progress.read_text())["documents"]


def test_compressed_output_resumes_after_a_kill(tmp_path: Path) -> None:
    data = feed(tmp_path / "feed.jsonl", 40).read_bytes()
    expected = run_cli("run", "-", "-q", "--workers", "1", stdin=data).stdout
    out = tmp_path / "out.jsonl.gz"
    killed_after_a_checkpoint(data, out)
    resumed = normalize("run", "-", "-o", str(out), "-q", "--workers", "1", "--resume", stdin=data)
    assert resumed.returncode == 0, resumed.stderr
    assert re.match(rf"normalize: resuming after \d+ documents? already in {re.escape(str(out))}.partial\n", resumed.stderr.decode())
    assert gzip.decompress(out.read_bytes()) == expected


@pytest.mark.parametrize("compress", ["gzip", "zstd"])
def test_compressed_stdin_is_detected_by_its_magic_bytes(compress: str) -> None:
    import zstandard

    page = STORM.read_bytes()
    packed = gzip.compress(page) if compress == "gzip" else zstandard.ZstdCompressor().compress(page)
    result = normalize("run", "--format", "tagged", "-q", stdin=packed)
    assert result.returncode == 0, result.stderr
    assert "[en title] Storm Ellin Floods Harbour Town as Ferry Services Are Suspended" in result.stdout.decode()


# 1. the run's own outputs ---------------------------------------------------------------------


def test_output_inside_the_input_directory_is_never_read_back(tmp_path: Path) -> None:
    shutil.copy(STORM, tmp_path / "storm.txt")
    (tmp_path / "out.jsonl").write_text('{"id": "old", "text": "a previous run"}\n')
    result = normalize("run", ".", "-o", "out.jsonl", "--stats", "stats.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in records((tmp_path / "out.jsonl").read_bytes())] == ["./storm.txt"]
    assert "  skipped: 2 files (the run's own output 2; -v names them)\n" in result.stderr.decode()
    assert json.loads((tmp_path / "stats.json").read_text())["skipped_files"] == {"the run's own output": ["./out.jsonl", "./out.jsonl.partial"]}
    again = run_cli("run", ".", "-o", "out.jsonl", "--stats", "stats.json", "-q", cwd=tmp_path)
    assert [r["id"] for r in records((tmp_path / "out.jsonl").read_bytes())] == ["./storm.txt"]
    assert json.loads((tmp_path / "stats.json").read_text())["skipped_files"] == {
        "the run's own output": ["./out.jsonl", "./out.jsonl.partial", "./stats.json"]}
    assert again.returncode == 0


# 2. missing paths, failed documents named -----------------------------------------------------


def test_a_missing_path_is_named_before_anything_runs(tmp_path: Path) -> None:
    result = normalize("run", str(STORM), "missing.txt", "--format", "text", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == "normalize: no such file or directory: missing.txt\n"
    assert result.stdout == b""


def test_failed_documents_are_named_at_the_end_and_all_listed_in_stats(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(f'{{"id": "n{i}"}}\n' for i in range(7)))
    result = normalize("run", str(bad), "--stats", str(tmp_path / "s.json"))
    assert result.returncode == 1
    err = result.stderr.decode()
    message = "record has no string field 'text' or 'html'; its fields: id (name yours with --text-field NAME or --html-field NAME)"
    listed = "".join(f"    n{i}: read: {message}\n" for i in range(5))
    assert f"  errors:\n{listed}    … and 2 more (--stats FILE lists them all)" in err
    stats = json.loads((tmp_path / "s.json").read_text())
    assert stats["errors"] == [{"id": f"n{i}", "stage": "read", "message": message} for i in range(7)]


# 3. directories -------------------------------------------------------------------------------


def test_directories_yield_input_kinds_only_and_count_the_rest(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(STORM, pages / "storm.txt")
    (pages / "page.html.gz").write_bytes(gzip.compress(b"<html><title>Quiet Day</title><h1>Quiet Day</h1><p>Nothing much happened in the village today, the mayor said at the evening meeting.</p></html>"))
    (pages / "NOTES").write_text("A plain text file without any extension, written by hand for the test.\n")
    (pages / "app.js").write_text("document.querySelector('.nav').hidden = true;\n")
    (pages / "site.css").write_text(".nav { display: none; }\n")
    (pages / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (pages / "blob").write_bytes(bytes(range(256)))
    result = normalize("run", str(pages), "--format", "tagged")
    assert result.returncode == 0, result.stderr
    ids = [line[2:] for line in result.stdout.decode().splitlines() if line.startswith("# ")]
    assert ids == [str(pages / "NOTES"), str(pages / "page.html.gz"), str(pages / "storm.txt")]
    assert "  skipped: 4 files (not an input kind 4; -v names them)\n" in result.stderr.decode()
    chosen = run_cli("run", str(pages), "--include", "*.js", "--exclude", "*.txt", "--exclude", "NOTES", "--format", "tagged")
    ids = [line[2:] for line in chosen.stdout.decode().splitlines() if line.startswith("# ")]
    assert ids == [str(pages / "app.js"), str(pages / "page.html.gz")]
    assert "  skipped: 5 files (--exclude 2, not an input kind 3; -v names them)\n" in chosen.stderr.decode()


# 5. translation options -----------------------------------------------------------------------

RU_ARTICLE = ("Главная\nЗаголовок открываемого материала\n"
              "Президент России встретился с премьер-министром Израиля. Переговоры прошли в Москве в среду.\n"
              "Источник в правительстве сообщил об этом агентству. Он отказался уточнить детали инициативы.\n")


@pytest.fixture
def models_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty models directory and cache of this test, through the environment the command reads."""
    monkeypatch.setenv("NORMALIZE_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "models"


@pytest.mark.parametrize(("code", "message"), [
    ("english", "normalize: --translate-to 'english' is not a language code: give an ISO 639-1 code, e.g. --translate-to en\n"),
    ("xx", "normalize: --translate-to 'xx' is not a language code: give an ISO 639-1 code (two letters, e.g. en, de, ru)\n"),
])
def test_unknown_target_language_is_a_usage_error(models_env: Path, code: str, message: str) -> None:
    result = normalize("run", str(STORM), "--translate-to", code)
    assert (result.returncode, result.stderr.decode(), result.stdout) == (2, message, b"")


def test_cuda_without_a_gpu_is_one_clear_error_before_the_run(models_env: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a CUDA device")
    result = normalize("run", str(STORM), "--translate-to", "en", "--device", "cuda")
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode() == ("normalize: --device cuda: CTranslate2 sees no CUDA device on this machine; "
                                      "use --device cpu or --device auto\n")


def test_title_is_translated_in_the_text_format(models_env: Path) -> None:
    assert run_cli("models", "install", str(CORPORA.parent / "tests" / "fixtures" / "translate-ru_en-tiny.argosmodel")).returncode == 0
    result = normalize("run", "--translate-to", "en", "--format", "text", "-q", stdin=RU_ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines()[:4] == [
        "# <stdin>", "Title of the material being opened", "",
        "The President of Russia met with the Prime Minister of Israel. The talks took place in Moscow on Wednesday."]


def test_translated_to_only_where_something_was_translated_and_warnings_name_the_needed_pairs(models_env: Path, tmp_path: Path) -> None:
    assert run_cli("models", "install", str(CORPORA.parent / "tests" / "fixtures" / "translate-ru_en-tiny.argosmodel")).returncode == 0
    (tmp_path / "ru.txt").write_text(RU_ARTICLE)
    (tmp_path / "en.txt").write_text("Home\n" + SENTENCES[0] + "\n")
    result = normalize("run", str(tmp_path / "en.txt"), str(tmp_path / "ru.txt"), "--translate-to", "de")
    assert result.returncode == 0, result.stderr
    en, ru = records(result.stdout)
    assert (en["translated_to"], en["translated_text"], ru["translated_to"]) == (None, None, None)
    err = result.stderr.decode()
    argos = " (or with argostranslate: argospm install translate-en_de)"
    assert f"  no en→de translation model installed; install it with: normalize models install en de{argos} (1 document)\n" in err
    assert f"  no ru→de translation model installed; through English it needs en→de: normalize models install en de{argos} (1 document)\n" in err
    into_english = run_cli("run", str(tmp_path / "en.txt"), str(tmp_path / "ru.txt"), "--translate-to", "en")
    en, ru = records(into_english.stdout)
    assert (en["translated_to"], en["translated_text"]) == (None, None)
    assert ru["translated_to"] == "en" and ru["translated_text"].startswith("The President of Russia met with")
    err = into_english.stderr.decode()
    assert err.count("segments translated") == 1 and "  segments translated: 4\n" in err


# 8. the text format ---------------------------------------------------------------------------


def test_text_format_names_each_document_its_errors_and_only_real_titles(tmp_path: Path) -> None:
    data = tmp_path / "feed.jsonl"
    second = "The mayor said the plan would be put to a vote before the end of the month."
    data.write_text(json.dumps({"id": "titled", "text": f"Council Meets on Budget\n{SENTENCES[0]}\n{second}"}) + "\n"
                    + json.dumps({"id": "untitled", "text": SENTENCES[0]}) + "\n" + '{"id": "broken"}\n')
    result = normalize("run", str(data), "--format", "text", "-q")
    assert result.returncode == 1
    assert result.stdout.decode() == (
        f"# titled\nCouncil Meets on Budget\n\n{SENTENCES[0]}\n\n{second}\n\f\n"
        f"# untitled\n\n{SENTENCES[0]}\n\f\n"
        "# broken\n# error read: record has no string field 'text' or 'html'; its fields: id "
        "(name yours with --text-field NAME or --html-field NAME)\n")


# 6. end of run --------------------------------------------------------------------------------


def test_output_paths_are_checked_before_the_run(tmp_path: Path) -> None:
    for flags, message in ((["--stats", "nodir/s.json"], "normalize: cannot write --stats nodir/s.json: no such directory: nodir\n"),
                           (["-o", "nodir/out.jsonl"], "normalize: cannot write -o nodir/out.jsonl: no such directory: nodir\n")):
        result = normalize("run", str(STORM), *flags, cwd=tmp_path)
        assert (result.returncode, result.stderr.decode(), result.stdout) == (2, message, b"")


def test_resume_counts_the_whole_output_and_a_finished_run_has_nothing_to_resume(tmp_path: Path) -> None:
    data = feed(tmp_path / "feed.jsonl", 40).read_bytes()
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    done = killed_after_a_checkpoint(data, out, "--stats", str(stats))
    resumed = normalize("run", "-", "-o", str(out), "-q", "--workers", "1", "--stats", str(stats), "--resume", stdin=data)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr.decode() == f"normalize: resuming after {done} document{'s' * (done != 1)} already in {out}.partial\n"
    summary = json.loads(stats.read_text())
    assert (summary["documents"], summary["languages"]) == (40, {"en": 20, "de": 20})
    assert summary["stages"]["decode"]["documents"] == 40
    again = normalize("run", "-", "-o", str(out), "--stats", str(stats), "--resume", stdin=data)
    assert (again.returncode, again.stderr.decode()) == (
        0, f"normalize: nothing to resume: {out} is complete; run without --resume to write it again\n")


# 7. huge one-line documents -------------------------------------------------------------------

WORDS = "the council met on monday to discuss new budget for schools and roads while mayor said plan".split()
RU_WORDS = "городской совет обсудил новый бюджет для школ и дорог а мэр сказал".split()
ZH = "市议会星期二通过了新的预算用于学校和道路建设市长表示计划将在月底前进行投票"
ONE_LINE_SHAPES = {  # one sentence-sized unit of each shape; a document is ~300 KB of them on one line
    "prose": (lambda i: " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(12)).capitalize() + ". ", "en"),
    "no punctuation": (lambda i: " ".join(WORDS[(i * 5 + k) % len(WORDS)] for k in range(12)) + " ", "en"),
    "no spaces": (lambda i: "".join(WORDS[(i * 3 + k) % len(WORDS)] for k in range(12)), None),
    "mixed scripts": (lambda i: " ".join(WORDS[(i + k) % len(WORDS)] for k in range(6)) + " "
                      + " ".join(RU_WORDS[(i + k) % len(RU_WORDS)] for k in range(6)) + ". ", None),
    "JSON-like": (lambda i: json.dumps({"k": " ".join(WORDS[(i + k) % len(WORDS)] for k in range(5)), "n": i}) + ",", "en"),
    "CJK": (lambda i: "".join(ZH[(i * 11 + k) % len(ZH)] for k in range(20)) + "。", "zh"),
}


@pytest.fixture(scope="module")
def one_line_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, dict[str, dict]]:
    """One run over a one-line document of each shape (~150 KB each, cut at 100K): the run, and
    each shape's record."""
    where = tmp_path_factory.mktemp("one-line")
    paths = []
    for n, (shape, (unit, _)) in enumerate(ONE_LINE_SHAPES.items()):
        text, i = [], 0
        while sum(map(len, text)) < 150_000:
            text.append(unit(i))
            i += 1
        paths.append(where / f"{n}-one-line.txt")
        paths[-1].write_text("".join(text))
    result = normalize("run", *map(str, paths), "--max-bytes", "100K", "-q", "--workers", "1")
    by_id = {r["id"]: r for r in records(result.stdout)}
    return result, {shape: by_id[str(path)] for shape, path in zip(ONE_LINE_SHAPES, paths)}


@pytest.mark.parametrize("shape", ONE_LINE_SHAPES)
def test_a_huge_one_line_document_is_cut_and_still_gets_its_body_and_language(one_line_run, shape: str) -> None:
    result, by_shape = one_line_run
    assert result.returncode == 1  # each document was cut: an error on its record
    lang = ONE_LINE_SHAPES[shape][1]
    record = by_shape[shape]
    assert record["errors"][0]["message"].startswith("document over the size limit of 102400 bytes: only the first ")
    assert record["encoding"] == "utf-8"  # not cut inside a character
    assert len(record["text"]) > 25_000 and record["lang"] != "und"
    assert lang is None or record["lang"] == lang
    assert {s["role"] for s in record["segments"]} == {"body"}


# 9. smaller things ----------------------------------------------------------------------------


def test_messages_read_right(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text('{"id": "a", "text": "bad \x01 control"}\n')
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    result = normalize("run", str(tmp_path / "feed.jsonl"), str(tmp_path / "blob.bin"), "--stats", str(tmp_path / "s.json"))
    assert json.loads((tmp_path / "s.json").read_text())["errors"] == [
        {"id": f"{tmp_path}/feed.jsonl:1", "stage": "read", "message": "bad JSON: Invalid control character at column 26"},
        {"id": f"{tmp_path}/blob.bin", "stage": "decode", "message": "binary data, not text (an image, an archive, an executable?)"}]
    one = run_cli("run", str(STORM))
    assert one.stderr.decode().startswith("normalize: 1 document in ")


def test_models_install_of_a_missing_file_says_so(models_env: Path) -> None:
    result = normalize("models", "install", "translate-ru_en-1_9.argosmodel")
    assert (result.returncode, result.stderr.decode()) == (1, "normalize: no such file: translate-ru_en-1_9.argosmodel "
                                                              "(models install takes FILE.argosmodel, or FROM TO to download)\n")


def test_an_unknown_option_shows_the_commands_own_usage() -> None:
    result = normalize("run", "--bogus", str(STORM))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.startswith("usage: normalize run ")
    assert err.endswith("normalize run: error: unrecognized arguments: --bogus\n")


@pytest.mark.parametrize(("size", "limit"), [("10MB", 10 * 1024 * 1024), ("1.5k", 1536)])  # more forms: cli._size's doctest
def test_max_bytes_takes_k_m_g_suffixes(tmp_path: Path, size: str, limit: int) -> None:
    result = normalize("run", str(STORM), "--max-bytes", size, "-q")
    [record] = records(result.stdout)
    over = STORM.stat().st_size > limit
    assert result.returncode == int(over)
    assert [e["message"].split(":")[0] for e in record["errors"]] == [f"document over the size limit of {limit} bytes"] * over


def test_per_stage_times_say_they_sum_over_workers(tmp_path: Path) -> None:
    data = feed(tmp_path / "feed.jsonl", 20)
    result = normalize("run", str(data), "--workers", "2")
    assert "\n  time per stage (each summed over the workers): decode " in result.stderr.decode()


def test_progress_bar_of_a_single_jsonl_file_knows_the_total(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    data = feed(tmp_path / "feed.jsonl", 3)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal 120 columns wide
    proc = subprocess.Popen([NORMALIZE, "run", str(data), "-o", str(tmp_path / "out.jsonl")], stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    proc.wait()
    assert proc.returncode == 0
    assert b"3/3 [" in seen  # documents done / total: an ETA is possible


def test_clean_text_normalises_spaces_as_the_pipeline_does() -> None:
    script = "import normalize; print(repr(normalize.clean_text('Home\\nThe storm\\xa0reached the coast on Monday night, officials said on Tuesday.\\nShare')))"
    import sys
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout.decode()
    assert out == "'The storm reached the coast on Monday night, officials said on Tuesday.'\n"
