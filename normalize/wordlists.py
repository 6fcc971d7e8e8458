"""wordfreq's word lists, found and read without importing wordfreq: its import (~0.1 s: its
tokenizers, langcodes, regex) is needed only to build a list's trie, once a machine
(:class:`~normalize.langid.models.Lexicon`), not by a process that maps the saved tries.

>>> sorted(small_lists())[:3], small_lists()["en"].endswith("small_en.msgpack.gz")
(['ar', 'bg', 'bn'], True)
>>> {"the", "of", "and"} <= most_frequent(small_lists()["en"], 10)
True
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

#: Bytes read at a time from a list: the first buckets, not the whole file (a list's most
#: frequent 60 words are in its first few KB; it is read in ~0.1 ms, the whole list in ~5 ms).
_READ_SIZE = 4096


@lru_cache(maxsize=1)
def small_lists() -> dict[str, str]:
    """``wordfreq.available_languages("small")``: language -> the file of its "small" list,
    in wordfreq's data folder."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed: pip install wordfreq")
    data = Path(next(iter(spec.submodule_search_locations)), "data")
    found = {}
    for path in data.glob("*.msgpack.gz"):  # as wordfreq.available_languages reads the folder
        if not path.name.startswith("_"):
            name, lang = path.name.split(".")[0].split("_")
            if name == "small":
                found[lang] = str(path)
    return found


def most_frequent(path: str, count: int) -> set[str]:
    """The words of a list's most frequent buckets, up to the first that makes ``count`` words
    or more (the buckets of ``wordfreq.read_cBpack``, the rest of the file left unread)."""
    import msgpack  # wordfreq's own reader (a dependency of wordfreq)

    with gzip.open(path, "rb") as f:
        unpacker = msgpack.Unpacker(f, raw=False, read_size=_READ_SIZE)
        items = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"Unexpected header: {header!r}")  # read_cBpack's check and message
        words: set[str] = set()
        taken = 0
        for _ in range(items - 1):
            if taken >= count:
                break
            bucket = unpacker.unpack()
            words.update(bucket)
            taken += len(bucket)
    return words
