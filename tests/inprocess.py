"""The ``normalize`` command run in the calling process: shared by the tests (through conftest)
and by processes they start (``from tests.inprocess import run_cli``), so importing it sets
nothing up (conftest, unlike it, points argostranslate at an empty directory)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def _in(directory: Path | str | None) -> Iterator[None]:
    before = os.getcwd()
    if directory is not None:
        os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


def run_cli(*argv: str, stdin: bytes = b"", cwd: Path | str | None = None) -> subprocess.CompletedProcess:
    """``normalize ARGV`` run in this process (:func:`normalize.cli.main`, what the console script
    calls; its return value is the exit status): stdin, stdout and stderr as bytes, as
    ``subprocess.run(..., capture_output=True)`` gives them. The models load once for the whole
    test session instead of once a process (~2 s each). Tests of what only a real process shows
    (the installed command, signals, kills, resource limits, tracebacks) start one instead.
    A usage error (argparse's ``SystemExit``) gives its status, as the process would."""
    from normalize.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(stdin)), encoding="utf-8")  # peek()s like stdin
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        with _in(cwd):
            try:
                status = main(list(argv))
            except SystemExit as exit_:
                status = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
        sys.stdout.flush()
        sys.stderr.flush()
        return subprocess.CompletedProcess(["normalize", *argv], status, out.getvalue(), err.getvalue())
    finally:
        for stream in (sys.stdin, sys.stdout, sys.stderr):
            stream.detach()  # the buffers stay readable; nothing is closed
        sys.stdin, sys.stdout, sys.stderr = streams
