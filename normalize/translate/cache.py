"""A persistent translation cache: SQLite, keyed by model identity and source sentence.

Re-running on the same corpus translates nothing twice. Several worker processes may share the
file: SQLite's WAL journal lets readers and one writer work at once, writes are short
transactions, and a busy database is waited for, not failed on. A connection is never shared
across ``fork``: each process opens its own.

>>> import tempfile, os
>>> cache = TranslationCache(os.path.join(tempfile.mkdtemp(), "t.sqlite3"))
>>> cache.put("ru-en:1:abc", {"Привет": "Hello"})
>>> cache.get("ru-en:1:abc", ["Привет", "Пока"])
{'Привет': 'Hello'}
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..cache_dir import cache_dir

_FILE_NAME = "translations.sqlite3"
# SQLite allows 32766 host parameters; stay well below.
_CHUNK = 900


def default_cache_path() -> Path:
    """``translations.sqlite3`` in the cache directory (``$NORMALIZE_CACHE_DIR``, else the user
    cache dir)."""
    return cache_dir() / _FILE_NAME


class TranslationCache:
    """Sentence translations stored per model identity (see ``InstalledModel.identity``)."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS translations (model TEXT NOT NULL, source TEXT NOT NULL,"
                " translation TEXT NOT NULL, PRIMARY KEY (model, source)) WITHOUT ROWID"
            )
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def get(self, model: str, sentences: Iterable[str]) -> dict[str, str]:
        """The cached translations among ``sentences`` (missing ones are absent)."""
        wanted = list(dict.fromkeys(sentences))
        found: dict[str, str] = {}
        connection = self._connect()
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i:i + _CHUNK]
            rows = connection.execute(
                f"SELECT source, translation FROM translations WHERE model = ? AND source IN ({','.join('?' * len(chunk))})",
                [model, *chunk],
            )
            found.update(rows)
        return found

    def put(self, model: str, translations: Mapping[str, str]) -> None:
        """Store translations in one transaction (a concurrent writer's rows are kept)."""
        if not translations:
            return
        connection = self._connect()
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "INSERT OR IGNORE INTO translations (model, source, translation) VALUES (?, ?, ?)",
                [(model, s, t) for s, t in translations.items()],
            )

    def close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
