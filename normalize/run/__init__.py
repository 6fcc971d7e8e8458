"""Runners: the same pipeline in this process (:mod:`.local`) or in worker processes (:mod:`.processes`)."""

from .local import run_local
from .processes import run_processes

__all__ = ["run_local", "run_processes"]
