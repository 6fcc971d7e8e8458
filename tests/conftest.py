"""Shared test helpers. Tests use data written for the project (tests/, corpora/); the public
benchmark data in ../shared is optional and only the seed test reads it when present."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from .inprocess import run_cli  # noqa: F401 - shared with the tests
from .offline import refuse_network  # noqa: F401 - shared with the tests

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_8d3c3d73544a7484.txt"

# argostranslate reads ARGOS_PACKAGES_DIR once, when first imported: the tests (and the processes
# they start) see an empty argos packages directory of their own, never this machine's models.
os.environ["ARGOS_PACKAGES_DIR"] = tempfile.mkdtemp(prefix="normalize-tests-argos-")


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


# A tiny genuine ru→en Argos package (scripts/build_test_model.py); it translates its training
# phrases (corpora/parallel/ru-en.tsv), e.g. "Заголовок открываемого материала".
TINY_MODEL = ROOT / "tests" / "fixtures" / "translate-ru_en-tiny.argosmodel"


@pytest.fixture
def translation_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Empty models and cache directories of this test only, through the environment."""
    models, cache = tmp_path / "models", tmp_path / "cache"
    monkeypatch.setenv("NORMALIZE_MODELS_DIR", str(models))
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(cache))
    return models, cache


@pytest.fixture
def ru_en_installed(translation_dirs: tuple[Path, Path]) -> Path:
    """The models directory, with the tiny ru→en model installed."""
    from normalize.translate.models import install_file

    install_file(TINY_MODEL)
    return translation_dirs[0]


def _strict(schema: object) -> object:
    """The published schema with no unknown field allowed anywhere: every field a record
    carries must be documented there (the published one accepts additions, for consumers)."""
    if isinstance(schema, dict):
        strict = {k: _strict(v) for k, v in schema.items()}
        if strict.get("type") == "object" and "properties" in strict:
            strict["additionalProperties"] = False
        return strict
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


@lru_cache(maxsize=1)
def _record_validator():
    import jsonschema

    from normalize.schema import json_schema

    schema = _strict(json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_record(record: dict) -> dict:
    """Fail with every violation when ``record`` is not a valid ``normalize/1`` record."""
    errors = sorted(_record_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    assert not errors, "not a normalize/1 record:\n" + "\n".join(
        f"  {'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}" for e in errors)
    for segment in record["segments"]:  # what JSON Schema cannot say
        if segment["role"] == "body":
            assert record["text"][segment["start"]:segment["end"]] == segment["text"]
    return record
