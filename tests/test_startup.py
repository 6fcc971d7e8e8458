"""Start-up (issue 26, point 5): a run's time counts it, and what it loads is loaded once a machine
(py3langid's model unpacked into the cache directory) or only as far as needed (the head of each
word list, lingua's languages one by one). No test here times anything for speed: they check what
is counted and that the quicker ways load the same models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from normalize.langid import models
from normalize.wordlists import most_frequent, small_lists

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Council Approves Library Budget\n\nThe city council voted on Tuesday to give the public libraries "
        "more money for longer opening hours.\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the process's start is read from /proc")
def test_the_run_time_counts_the_start_up_from_the_process_start(tmp_path: Path) -> None:
    """A process that waits half a second before it even imports normalize reports a run of at
    least that (the summary on stderr and --stats' ``seconds``), with its start-up apart in
    ``startup_seconds``; never more than the process's own wall time."""
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    stats = tmp_path / "stats.json"
    code = ("import sys, time; time.sleep(0.5); from normalize.cli import main; "
            f"sys.argv = ['normalize', 'run', 'one.txt', '-o', 'out.jsonl', '--stats', {str(stats)!r}]; "
            "sys.exit(main())")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NORMALIZE_CACHE_DIR": str(tmp_path / "cache")}
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - began
    assert result.returncode == 0, result.stderr
    found = json.loads(stats.read_text())
    slack = 0.03  # /proc's clocks tick in hundredths of a second
    assert 0.5 - slack <= found["startup_seconds"] <= found["seconds"] <= wall + slack
    said = float(result.stderr.split(" in ", 1)[1].split("s", 1)[0])  # "normalize: 1 document in 0.9s (…"
    assert said >= 0.5 - 0.05 - slack  # shown to a tenth


def test_a_run_called_from_python_counts_from_the_call(tmp_path: Path) -> None:
    """``main(argv)`` in a process that has done other things first: its run counts from the call."""
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    called = time.perf_counter()
    result = run_cli("run", "one.txt", "-o", "out.jsonl", "-q", "--stats", "stats.json", cwd=tmp_path)
    took = time.perf_counter() - called
    assert result.returncode == 0, result.stderr
    found = json.loads((tmp_path / "stats.json").read_text())
    assert 0 <= found["startup_seconds"] <= found["seconds"] <= took + 0.0005  # the stats round to the millisecond


def _as_py3langid_loads_it() -> tuple:
    from py3langid import modelio

    return modelio.load_model(models.PY3LANGID.model_file())


def _same(one: tuple, other: tuple) -> bool:
    """The same model: arrays of the same type, dtype and values; lists and stdlib arrays equal."""
    for a, b in zip(one, other, strict=True):
        if type(a) is not type(b):
            return False
        if isinstance(a, np.ndarray) and not (a.dtype == b.dtype and np.array_equal(a, b)):
            return False
        if not isinstance(a, np.ndarray) and a != b:
            return False
    return True


def test_py3langid_is_unpacked_once_into_the_cache_and_mapped_from_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(tmp_path))
    path = models.PY3LANGID.model_file()
    unpacked = models._py3langid_arrays(path)
    [saved] = (tmp_path / "models").iterdir()
    assert saved.name.startswith("py3langid-") and sorted(p.name for p in saved.iterdir()) == sorted(
        f"{name}.npy" for name in models._PY3LANGID_ARRAYS)
    mapped = models._py3langid_arrays(path)
    assert isinstance(models._mapped_arrays(saved)["ptc"], np.memmap)
    theirs = _as_py3langid_loads_it()
    ptc, pc = theirs[:2]
    assert _same(unpacked, (np.asarray(ptc), np.asarray(pc), *theirs[2:]))
    assert _same(mapped, unpacked)


def test_a_damaged_or_unwritable_model_cache_costs_time_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(tmp_path))
    path = models.PY3LANGID.model_file()
    expected = models._py3langid_arrays(path)
    [saved] = (tmp_path / "models").iterdir()
    (saved / "ptc.npy").write_bytes((saved / "ptc.npy").read_bytes()[:1000])  # cut short
    assert _same(models._py3langid_arrays(path), expected)
    assert models._mapped_arrays(saved) is not None  # saved again, whole
    (saved / "classes.npy").write_bytes(b"not an array")
    assert _same(models._py3langid_arrays(path), expected)
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(blocked))
    assert _same(models._py3langid_arrays(path), expected)


def test_the_word_lists_are_wordfreqs_and_their_heads_its_first_buckets() -> None:
    import wordfreq

    assert small_lists() == wordfreq.available_languages("small")
    for lang in ("en", "ru", "zh", "sh", "fil"):
        buckets = wordfreq.read_cBpack(small_lists()[lang])
        for count in (1, 60, 500):
            words: set[str] = set()
            taken = 0
            for bucket in buckets:
                if taken >= count:
                    break
                words.update(bucket)
                taken += len(bucket)
            assert most_frequent(small_lists()[lang], count) == words


def test_lingua_loads_a_language_on_its_first_use() -> None:
    """lingua asked about a few languages needs no other language's model (each loads on its
    first use; every one is loaded only before worker processes fork)."""
    code = ("from normalize.langid import models; "
            "print(max(models.LINGUA._raw('The council voted on Tuesday.', frozenset({'en', 'de', 'nl'})).items(), "
            "key=lambda kv: kv[1])[0], models.Lingua._load_all_low_accuracy_models.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["en", "0"]
