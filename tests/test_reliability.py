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

from .test_scale import _cli, _feed, _start_and_wait_for_checkpoint

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
