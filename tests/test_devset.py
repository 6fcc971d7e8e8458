"""The whole public dev set (../shared/data/articles and ../shared/data/wceb: every page as HTML
and as a text dump, ~3,100 documents) through the CLI with two workers: no traceback, one record
per document, every record consistent. Part of the default run where ../shared exists (skipped
with a message elsewhere); the time is that of the same ``normalize run`` typed by hand (about
2.5 minutes on two cores). ``python -m pytest -m "not devset"`` leaves it out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHARED

pytestmark = pytest.mark.devset
DATA = SHARED / "data"
# What a stage that crashed writes on its document (pipeline.Stage.safe_apply): "KeyError: ..."
_CRASH = re.compile(r"^[A-Z]\w*(Error|Exception): ")


def _inputs() -> tuple[list[str], int]:
    """The inputs, and how many documents they hold (a page a file, a page a JSONL line)."""
    html = sorted(DATA.glob("articles/html/*.html.gz")) + sorted(DATA.glob("wceb/*/html/*.html.gz"))
    dumps = [DATA / "articles" / "text-dev.jsonl", *sorted(DATA.glob("wceb/*/pages.jsonl"))]
    lines = sum(1 for path in dumps for line in path.open(encoding="utf-8") if line.strip())
    return [str(p) for p in html + dumps], len(html) + lines


@pytest.mark.skipif(not (DATA / "articles").exists() or not (DATA / "wceb").exists(),
                    reason="the public dev set (../shared/data/articles, ../shared/data/wceb) is not on this machine")
def test_the_whole_dev_set_goes_through_with_consistent_records(tmp_path: Path) -> None:
    inputs, expected = _inputs()
    out = tmp_path / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "normalize", "run", *inputs, "-o", str(out), "-q", "--workers", "2"],
                            capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    sources, crashes = set(), []
    with out.open(encoding="utf-8") as lines:  # a record at a time: the output is ~120 MB
        for n, line in enumerate(lines, 1):
            r = json.loads(line)
            _check(r)
            sources.add(r["source"])
            crashes += [(r["id"], e) for e in r["errors"] if _CRASH.match(e["message"])]
    assert n == expected > 3000
    assert len(sources) == expected  # one record per page, none twice
    assert crashes == []


def _check(r: dict) -> None:
    """Body offsets index ``text``; other segments have none and hold text; the body segments
    are the text."""
    body = [s for s in r["segments"] if s["role"] == "body"]
    for s in body:
        assert r["text"][s["start"]:s["end"]] == s["text"], r["id"]
    for s in r["segments"]:
        if s["role"] != "body":
            assert s["start"] is None and s["end"] is None and s["text"].strip(), r["id"]
    assert "".join(s["text"] for s in body).replace("\n", "") == r["text"].replace("\n", "") or not body, r["id"]
