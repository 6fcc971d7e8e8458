"""The published JSON Schema: shipped in the package, printed by `normalize schema`, and strict
enough to reject what is not a normalize/1 record."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from normalize import normalize_document, to_record
from normalize.schema import json_schema

from .conftest import assert_valid_record


def test_schema_command_prints_the_shipped_schema() -> None:
    result = subprocess.run([sys.executable, "-m", "normalize", "schema"], capture_output=True, check=True)
    printed = json.loads(result.stdout)
    assert printed == json_schema()
    assert printed["title"] == "normalize/1 record"
    jsonschema.Draft202012Validator.check_schema(printed)


def test_schema_is_package_data() -> None:
    import tomllib

    from .conftest import ROOT

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["tool"]["setuptools"]["package-data"]["normalize"] == ["schemas/*.json"]


def test_a_record_validates_and_broken_ones_do_not() -> None:
    record = to_record(normalize_document("Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said.\n"))
    assert_valid_record(record)
    validator = jsonschema.Draft202012Validator(json_schema())
    assert validator.is_valid(record)
    for broken in (
        {**record, "schema": "normalize/2"},
        {**record, "lang": "English"},
        {**record, "segments": [{**record["segments"][0], "role": "sidebar"}]},
        {**record, "segments": [{**record["segments"][-1], "start": None}]},  # a body segment without offsets
        {k: v for k, v in record.items() if k != "warnings"},
    ):
        assert not validator.is_valid(broken)
    # consumers of the published schema accept fields added later within normalize/1 ...
    assert validator.is_valid({**record, "added_later": 1})
    # ... and the tests' strict check makes sure every field a record has is documented
    with pytest.raises(AssertionError, match="added_later"):
        assert_valid_record({**record, "added_later": 1})
