"""Shared test helpers. Tests use data written for the project (tests/, corpora/); the public
benchmark data in ../shared is optional and only the seed test reads it when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_8d3c3d73544a7484.txt"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the seed article (../shared/seed) is not on this machine")
    return SEED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite corpora/expected/*.jsonl from the current output instead of comparing",
    )
