"""When this process started, so that a run's time counts its start-up (the interpreter, the
imports, the models loaded before the first document), not only the documents.

>>> 0 <= time.perf_counter() - process_start() < 3600
True
"""

from __future__ import annotations

import os
import sys
import time

#: When this module was imported: the start where the process's own is unknown (a lower bound
#: of the start-up, without the interpreter and the imports before it).
_IMPORTED = time.perf_counter()


def process_start() -> float:
    """The :func:`time.perf_counter` reading of when this process started (to ~10 ms on Linux,
    read from ``/proc``; elsewhere psutil's, where installed; else the import of this module)."""
    elapsed = _seconds_since_start()
    return time.perf_counter() - elapsed if elapsed is not None else _IMPORTED


def _seconds_since_start() -> float | None:
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/stat", "rb") as f:
                stat = f.read()
            with open("/proc/uptime", "rb") as f:
                uptime = float(f.read().split()[0])
            # field 22, starttime: clock ticks from boot to the start; after the command name
            # (field 2, in parentheses, which may hold spaces and parentheses) come fields 3...
            ticks = int(stat[stat.rindex(b")") + 2:].split()[19])
            return max(0.0, uptime - ticks / os.sysconf("SC_CLK_TCK"))
        except (OSError, ValueError, IndexError):
            pass
    try:
        import psutil
    except ImportError:
        return None
    try:
        return max(0.0, time.time() - psutil.Process().create_time())
    except (psutil.Error, OSError):
        return None
