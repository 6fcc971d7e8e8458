"""Which files under a directory are inputs: the kinds the read stage reads (text, HTML, JSONL,
WARC, any of them compressed), decided by extension and, for names without a known one, by
content; ``--include`` / ``--exclude`` globs for the rest; never the run's own output files.

>>> choose("notes/a.txt", "a.txt"), choose("site/app.js", "app.js"), choose("x.js", "x.js", include=("*.js",))
(None, 'not an input kind', None)
>>> choose("a.html.gz", "a.html.gz", exclude=("*.gz",))
'--exclude'
"""

from __future__ import annotations

import fnmatch
import mimetypes
import os
from collections.abc import Collection, Iterator

from ..io.compression import compression_of_name, decompressing, strip_compression

#: The extensions the read stage reads (after a compression extension is taken off).
INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc")
#: How much of a file without a known extension is looked at to tell text from binary data.
SNIFF_BYTES = 4096
OWN_OUTPUT = "the run's own output"
#: Python's built-in extension table only (not the machine's /etc/mime.types): the same choice everywhere.
_TYPES = mimetypes.MimeTypes()
_TEXT_TYPES = {"text/plain", "text/html", "application/xhtml+xml"}


def _matches(rel: str, name: str, globs: Collection[str]) -> bool:
    return any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(name, g) for g in globs)


def looks_like_text(path: str) -> bool:
    """No NUL byte in the first :data:`SNIFF_BYTES` (decompressed): text, not an image or a binary."""
    kind = compression_of_name(path)
    try:
        with open(path, "rb") as raw:
            stream = decompressing(raw, kind) if kind else raw
            head = stream.read(SNIFF_BYTES)
    except (OSError, EOFError, ValueError):
        return True  # unreadable or corrupt: let the read stage say what is wrong with it
    return b"\0" not in head


def choose(path: str, rel: str, *, include: Collection[str] = (), exclude: Collection[str] = ()) -> str | None:
    """None when a file found in a directory is an input, else why it is skipped. ``rel`` is its
    path below the directory (globs match it or the file name)."""
    name = os.path.basename(path)
    if _matches(rel, name, exclude):
        return "--exclude"
    if _matches(rel, name, include):
        return None
    plain = strip_compression(name).lower()
    if plain.endswith(INPUT_SUFFIXES):
        return None
    guessed = _TYPES.guess_type(plain, strict=False)[0]
    if guessed is not None:  # .js, .css, .png, .pdf, .json…: a known kind that is not ours
        return None if guessed in _TEXT_TYPES else "not an input kind"
    return None if looks_like_text(path) else "not an input kind"


def note_skipped(skipped: dict[str, list[str]] | None, reason: str, path: str) -> None:
    """Add ``path`` to the files skipped for ``reason`` (nothing when ``skipped`` is None)."""
    if skipped is not None:
        skipped.setdefault(reason, []).append(path)


def walk(directory: str, *, include: Collection[str] = (), exclude: Collection[str] = (),
         own: Collection[str] = (), skipped: dict[str, list[str]] | None = None) -> Iterator[str]:
    """Input files under ``directory`` in a stable order; hidden files and directories are left
    out, and every other file skipped is added to ``skipped`` (reason -> paths). ``own``: real
    paths of the run's output files."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            reason = OWN_OUTPUT if os.path.realpath(path) in own else choose(
                path, os.path.relpath(path, directory).replace(os.sep, "/"), include=include, exclude=exclude)
            if reason is None:
                yield path
            else:
                note_skipped(skipped, reason, path)
