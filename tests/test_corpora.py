"""Regression tests: every sample article in corpora/articles against its expected JSONL.

After an intended change of output, rewrite the expected files with
``python -m pytest tests/test_corpora.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from normalize.pipeline import build_pipeline
from normalize.read import read_file
from normalize.write import to_record

from .conftest import CORPORA, ROOT, assert_valid_record

ARTICLES = sorted(p for p in (CORPORA / "articles").iterdir() if not p.name.startswith("."))
EXPECTED = CORPORA / "expected"


def _records(path: Path) -> list[dict]:
    """Records for one corpus file, with paths relative to the repository and no confidences
    (those are model scores, not the contract being protected here)."""
    relative = os.path.relpath(path, ROOT)
    records = []
    for doc in build_pipeline().run(read_file(str(path))):
        record = assert_valid_record(to_record(doc))
        for key in ("id", "source"):
            record[key] = record[key].replace(str(path), relative)
        for segment in record["segments"]:
            del segment["confidence"]
        records.append(record)
    return records


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_corpus_file_matches_expected(path: Path, request: pytest.FixtureRequest) -> None:
    expected_path = EXPECTED / (path.name + ".jsonl")
    records = _records(path)
    if request.config.getoption("--update-golden"):
        EXPECTED.mkdir(exist_ok=True)
        expected_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    expected = [json.loads(line) for line in expected_path.read_text(encoding="utf-8").splitlines()]
    assert records == expected


def test_corpus_has_the_languages_it_promises() -> None:
    langs = {r["lang"] for path in ARTICLES for r in _records(path)}
    assert {"en", "ru", "de", "fr", "es", "uk", "pt", "it", "pl", "nl"} <= langs


def test_every_expected_file_has_its_article() -> None:
    names = {p.name + ".jsonl" for p in ARTICLES}
    assert {p.name for p in EXPECTED.iterdir()} == names
