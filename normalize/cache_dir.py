"""Where normalize keeps what it can always rebuild (translations, prebuilt word lists):
``$NORMALIZE_CACHE_DIR``, else the user cache directory. Deleting it only costs time."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that overrides the cache directory.
CACHE_DIR_ENV = "NORMALIZE_CACHE_DIR"


def cache_dir() -> Path:
    """The cache directory (not created here)."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("normalize"))
