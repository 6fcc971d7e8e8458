"""The ``normalize/1`` record as Arrow columns: the layout of ``-o out.parquet`` and of the
Hugging Face ``datasets`` columns (README, "Parquet").

One column per record field, in the record's order; ``metadata`` is a struct, ``segments`` a list
of structs, and so are ``repairs``, ``errors`` and ``warnings``. Reading a file back with ``Table.to_pylist()`` gives the
JSONL records exactly.

>>> table = records_to_table([{"schema": "normalize/1", "id": "a", "source": "a", "lang": "en",
...     "title": None, "text": "Hi.", "translated_text": None, "translated_to": None,
...     "segments": [{"text": "Hi.", "lang": "en", "confidence": 0.9, "role": "body", "start": 0,
...                   "end": 3, "translation": None}], "encoding": "utf-8", "repairs": [],
...     "errors": [], "warnings": []}])
>>> table.column("segments").type.value_type.field("start").type
DataType(int64)
>>> table.to_pylist()[0]["segments"][0]["text"]
'Hi.'
"""

from __future__ import annotations

import re
from typing import Any

import pyarrow as pa

from ..document import SCHEMA

_NOTE = pa.struct([("stage", pa.string()), ("message", pa.string())])

#: The ``metadata`` column: a struct of the record's ``metadata`` object (null fields stay null).
METADATA_TYPE = pa.struct([
    ("author", pa.list_(pa.string())),
    ("date", pa.string()),
    ("site_name", pa.string()),
    ("url", pa.string()),
    ("description", pa.string()),
    ("language_declared", pa.string()),
    ("image", pa.string()),
    ("tags", pa.list_(pa.string())),
])

#: The column layout; field order is the JSONL record's.
RECORD_SCHEMA = pa.schema(
    [
        ("schema", pa.string()),
        ("id", pa.string()),
        ("source", pa.string()),
        ("lang", pa.string()),
        ("title", pa.string()),
        ("metadata", METADATA_TYPE),
        ("text", pa.string()),
        ("translated_text", pa.string()),
        ("translated_to", pa.string()),
        ("segments", pa.list_(pa.struct([
            ("text", pa.string()),
            ("lang", pa.string()),
            ("confidence", pa.float64()),
            ("role", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("translation", pa.string()),
        ]))),
        ("encoding", pa.string()),
        ("repairs", pa.list_(pa.struct([("kind", pa.string()), ("count", pa.int64())]))),
        ("errors", pa.list_(_NOTE)),
        ("warnings", pa.list_(_NOTE)),
    ],
    metadata={"normalize.schema": SCHEMA},
)

_SURROGATES = re.compile("[\ud800-\udfff]")


def records_to_table(records: list[dict[str, Any]]) -> pa.Table:
    """Records (``normalize.to_record``) as a table of :data:`RECORD_SCHEMA`. Lone surrogates
    (from undecodable file names) become U+FFFD, as in the JSONL writer."""
    try:
        return pa.Table.from_pylist(records, schema=RECORD_SCHEMA)
    except UnicodeEncodeError:
        return pa.Table.from_pylist([_clean(r) for r in records], schema=RECORD_SCHEMA)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
