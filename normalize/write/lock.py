"""One run at a time per output: ``.OUT.lock`` beside ``OUT`` (hidden, so never taken or
counted as an input), held (``flock``) while a run writes ``OUT.partial`` and ``OUT.progress``,
holding the writer's pid. A second run with the same ``-o``
is refused at once, naming the first; the first completes untouched.

The kernel releases a ``flock`` when its holder dies, however it died, so a lock file left behind
by a killed run blocks nothing. The lock file is removed on release; a run that opened it just
before checks, once it holds a lock, that the file it locked is still the one at the path, and
tries again if not.

>>> import tempfile, os
>>> out = os.path.join(tempfile.mkdtemp(), "out.jsonl")
>>> with OutputLock(out):
...     open(lock_path(out)).read() == f"{os.getpid()}\\n"
True
>>> os.path.exists(lock_path(out)), lock_path("runs/out.jsonl")
(False, 'runs/.out.jsonl.lock')
"""

from __future__ import annotations

import os

try:
    import fcntl
except ImportError:  # Windows: no flock; runs are not locked there
    fcntl = None

#: Lock files of this process: a forked worker closes its copies, so that the lock goes with the
#: main process (a worker outliving it by a second must not hold the output).
_HELD: set[int] = set()


def _forget_in_child() -> None:
    for fd in _HELD:
        os.close(fd)  # the child's copy only: the parent's lock stays
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def lock_path(output: str) -> str:
    """The lock file of an output path."""
    directory, name = os.path.split(output)
    return os.path.join(directory, f".{name}.lock")


class OutputBusy(Exception):
    """Another run is writing the same output; the message names it and what to do."""


class OutputLock:
    """The lock of the output ``path`` (a context manager); raises :class:`OutputBusy` when
    another process holds it."""

    def __init__(self, path: str) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None
        if fcntl is not None:
            self._fd = self._acquire(path)
            _HELD.add(self._fd)

    def _acquire(self, output: str) -> int:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # held (EWOULDBLOCK)
                os.close(fd)
                raise OutputBusy(f"{output} is being written by another run ({self._holder()}); wait for it to "
                                 f"end, or write elsewhere with another -o") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:  # its holder removed it between our open and our lock
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
            os.close(fd)

    def _holder(self) -> str:
        """The holder's pid, as it wrote it (it may not have yet)."""
        try:
            with open(self.path, encoding="ascii") as f:
                pid = f.read().strip()
        except (OSError, UnicodeDecodeError):
            pid = ""
        return f"pid {pid}" if pid.isdigit() else "pid not known yet"

    def release(self) -> None:
        """Remove the lock file, then unlock (whoever opened it meanwhile sees it is gone)."""
        if self._fd is None:
            return
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        _HELD.discard(self._fd)
        self._fd = None

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
