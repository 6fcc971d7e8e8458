"""The published contract: ``normalize/1`` as a JSON Schema (``normalize schema`` prints it).

The file ships inside the package (``normalize/schemas/normalize-1.schema.json``); validate
records with any JSON Schema library, e.g. ``jsonschema``:

>>> schema = json_schema()
>>> schema["properties"]["schema"]["const"]
'normalize/1'
>>> sorted(schema["$defs"]["segment"]["properties"]["role"]["enum"])
['body', 'boilerplate', 'title']
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "normalize-1.schema.json"


def schema_text() -> str:
    """The JSON Schema of ``normalize/1`` records, as shipped."""
    return resources.files("normalize").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``normalize/1`` records, parsed."""
    return json.loads(schema_text())
