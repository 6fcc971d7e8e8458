"""Large runs: resumable output, kills, compressed and WARC input, stats, worker determinism."""

from __future__ import annotations

import gzip
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import run_cli

SENTENCES = [
    "The council met on Monday to discuss the new budget for schools and roads.",
    "Der Stadtrat hat am Montag über den neuen Haushalt für Schulen beraten.",
    "Le conseil municipal s'est réuni lundi pour discuter du nouveau budget.",
    "Городской совет в понедельник обсудил новый бюджет для школ и дорог.",
]


def _feed(path: Path, n: int, sentences: list[str] = SENTENCES) -> Path:
    """A JSONL feed of ``n`` small articles, the ``sentences`` in turn."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            sentence = sentences[i % len(sentences)]
            text = f"Headline number {i}\n{sentence}\n{sentence}\nShare"
            f.write(json.dumps({"id": f"doc-{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``normalize run ARGS`` in a process of its own (for kills, limits, worker processes)."""
    return subprocess.run([sys.executable, "-m", "normalize", "run", *args], capture_output=True, **kwargs)


def _run(*args: str, input: bytes = b"") -> subprocess.CompletedProcess:
    """``normalize run ARGS`` in this process: what a run writes, without a process's start-up."""
    return run_cli("run", *args, stdin=input)


def _ctrl_c_as_in_a_terminal() -> None:
    """SIGINT handled by default in the run, as a terminal gives it: a test suite started in the
    background of a script (``pytest &``, a CI runner's ``nohup``) has SIGINT ignored, and every
    process it starts inherits that (Python then never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_and_wait_for_checkpoint(feed: Path, out: Path, workers: str) -> subprocess.Popen:
    """Start a run reading the first half of ``feed`` from a pipe, and return once it has
    checkpointed some documents: it is then mid-way, waiting for the rest of its input."""
    lines = feed.read_bytes().splitlines(keepends=True)
    proc = subprocess.Popen([sys.executable, "-m", "normalize", "run", "-", "-o", str(out), "-q", "--workers", workers],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_ctrl_c_as_in_a_terminal)
    proc.stdin.write(b"".join(lines[: len(lines) // 2]))
    proc.stdin.flush()
    progress = Path(str(out) + ".progress")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (progress.exists() and json.loads(progress.read_text())["documents"]):
        time.sleep(0.05)
    return proc


def test_killed_run_resumes_to_exactly_the_uninterrupted_output(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 60)
    expected = _run("-", "-q", "--workers", "1", input=feed.read_bytes()).stdout
    out = tmp_path / "out.jsonl"
    proc = _start_and_wait_for_checkpoint(feed, out, "1")
    proc.kill()  # SIGKILL: no cleanup, whatever was in flight is lost
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()  # nothing half-done under the final name
    assert 0 < json.loads(Path(str(out) + ".progress").read_text())["documents"] <= 30
    resumed = _run("-", "-o", str(out), "-q", "--workers", "1", "--resume", input=feed.read_bytes())
    assert resumed.returncode == 0, resumed.stderr
    assert b"resuming after" in resumed.stderr
    assert out.read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "out.jsonl"]


def test_resume_refuses_a_checkpoint_of_another_run(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 3)
    out = tmp_path / "out.jsonl"
    Path(str(out) + ".partial").write_text("")
    Path(str(out) + ".progress").write_text(json.dumps({"fingerprint": {"other": 1}, "documents": 1, "bytes": 0}))
    result = _run(str(feed), "-o", str(out), "--resume", "-q")
    assert result.returncode == 2
    assert b"written by a run with other inputs or options" in result.stderr
    assert _run(str(feed), "--resume", "-q").returncode == 2  # --resume needs -o


def test_resume_after_a_finished_run_has_nothing_to_do(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert _run(str(feed), "-o", str(out), "-q").returncode == 0
    first = out.read_bytes()
    again = _run(str(feed), "-o", str(out), "-q", "--resume")
    assert again.returncode == 0 and b"nothing to resume" in again.stderr
    assert out.read_bytes() == first and first.count(b"\n") == 3


def test_gzip_and_zstd_jsonl(tmp_path: Path) -> None:
    import zstandard

    plain = _feed(tmp_path / "feed.jsonl", 5).read_bytes()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(plain))
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(plain))
    from normalize.read import read_inputs

    docs = list(read_inputs([str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.jsonl.zst")]))
    assert [d.id for d in docs] == [f"doc-{i}" for i in range(5)] * 2
    assert docs[0].raw == docs[5].raw == "Headline number 0\n" + SENTENCES[0] + "\n" + SENTENCES[0] + "\nShare"


def test_warc_html_responses_become_documents_with_their_url(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, ctype, body in [
            ("https://example.org/a", "text/html; charset=utf-8", "<html><body><h1>A</h1><p>Über den Fluss.</p></body></html>"),
            ("https://example.org/logo.png", "image/png", "\x89PNG"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    from normalize.read import read_inputs

    [doc] = read_inputs([str(path)])
    assert (doc.id, doc.is_html) == ("https://example.org/a", True)
    assert doc.raw.decode() == "<html><body><h1>A</h1><p>Über den Fluss.</p></body></html>"


def test_a_gzip_bomb_is_cut_at_the_size_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb") as f:
        for _ in range(64):
            f.write(b"a" * (1 << 20))  # 64 MB of 'a' in a few KB
    assert bomb.stat().st_size < 200_000
    from normalize.read import ReadConfig, read_inputs

    [doc] = read_inputs([str(bomb)], ReadConfig(max_bytes=1 << 20))
    assert len(doc.raw) == 1 << 20 and "over the size limit" in doc.errors[0].message


def test_stats_file_and_summary(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 4)
    with open(feed, "a") as f:
        f.write("{not json\n")
    stats = tmp_path / "stats.json"
    result = _run(str(feed), "--stats", str(stats), "--workers", "1")
    data = json.loads(stats.read_text())
    assert data["documents"] == 5 and data["documents_with_errors"] == 1
    assert data["errors_by_stage"] == {"read": 1}
    assert data["languages"] == {"en": 1, "de": 1, "fr": 1, "ru": 1, "und": 1}
    assert set(data["stages"]) == {"decode", "repair", "structure", "boilerplate", "metadata", "language"}
    assert data["stages"]["decode"]["documents"] == 5
    assert b"5 documents" in result.stderr and b"errors by stage: read 1" in result.stderr


def test_output_is_identical_across_worker_counts(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 40)
    one = _run(str(feed), "-q", "--workers", "1").stdout
    two = _cli(str(feed), "-q", "--workers", "2").stdout  # real worker processes
    assert one == two and one.count(b"\n") == 40
    assert [json.loads(line)["id"] for line in one.splitlines()] == [f"doc-{i}" for i in range(40)]


def test_ctrl_c_stops_cleanly_and_says_how_to_resume(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 120)  # half of it fills the workers' window
    out = tmp_path / "out.jsonl"
    proc = _start_and_wait_for_checkpoint(feed, out, "2")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()[-2000:]
    assert b"Traceback" not in err
    assert b"interrupted after" in err and err.rstrip().endswith(f"-o {out} -q --workers 2 --resume".encode())
    assert Path(str(out) + ".partial").exists() and not out.exists()
    resumed = _run("-", "-o", str(out), "-q", "--resume", input=feed.read_bytes())
    assert resumed.returncode == 0 and out.read_bytes().count(b"\n") == 120
