"""Runners: the same pipeline in this process (:mod:`.local`), in worker processes
(:mod:`.processes`) or on a Dask cluster (:mod:`.dask`); :mod:`.parallel` holds what the last two
share, so they cannot drift apart."""

from .local import run_local
from .processes import run_processes

__all__ = ["run_local", "run_processes"]
