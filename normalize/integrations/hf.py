"""normalize as columns of a Hugging Face dataset (``pip install "normalize[hf]"``).

>>> import datasets
>>> ds = datasets.Dataset.from_dict({"text": ["Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said on Tuesday.\\nShare"]})
>>> ds = ds.map(normalize_batch, batched=True, features=features(ds.features))
>>> ds[0]["normalize_title"], ds[0]["normalize_lang"], ds[0]["normalize_text"]
('Storm Hits the Coast', 'en', 'The storm reached the coast on Monday night, officials said on Tuesday.')

Every field of the ``normalize/1`` record but ``schema`` becomes a column named ``prefix + field``
(``normalize_segments``: a list of structs, the layout of :mod:`normalize.io.arrow`).
:func:`features` gives ``map`` those columns' types: without it datasets guesses them from the
first batch and fails on a batch whose titles are all null. Options go through ``fn_kwargs``:
``text_column`` (plain text, or HTML detected per row), ``html_column`` (HTML, used first when
a row has it), ``id_column``, ``prefix``, ``config`` (e.g. ``Config(translate_to="en")``).
:func:`normalize_dataset` does both in one call. The pipeline is built once per process and
kept, so with ``num_proc=N`` models load once in each of the N processes.
"""

from __future__ import annotations

from typing import Any

import datasets
import pyarrow as pa

from ..config import Config
from ..document import Document
from ..io.arrow import RECORD_SCHEMA
from ..run.parallel import pipeline_for
from ..write.formats import to_record

#: Record fields that become columns (``schema`` is the same on every row).
FIELDS = [name for name in RECORD_SCHEMA.names if name != "schema"]
DEFAULT_PREFIX = "normalize_"


def features(existing: datasets.Features, prefix: str = DEFAULT_PREFIX) -> datasets.Features:
    """``existing`` (the dataset's features) plus normalize's columns, for ``map(features=...)``."""
    ours = pa.schema([pa.field(prefix + name, RECORD_SCHEMA.field(name).type) for name in FIELDS])
    return datasets.Features({**existing, **datasets.Features.from_arrow_schema(ours)})


def normalize_batch(batch: dict[str, list], *, text_column: str = "text", html_column: str | None = None,
                    id_column: str | None = None, prefix: str = DEFAULT_PREFIX, config: Config = Config()) -> dict[str, list]:
    """The normalize columns for one batch of rows (for ``Dataset.map(..., batched=True)``)."""
    for column in (text_column, html_column, id_column):
        if column is not None and column not in batch:
            raise KeyError(f"normalize_batch: no column {column!r} in this dataset (its columns: {', '.join(batch)})")
    size = len(batch[text_column])
    docs = []
    for i in range(size):
        doc_id = str(batch[id_column][i]) if id_column else str(i)
        page = batch[html_column][i] if html_column else None
        raw, is_html = (page, True) if isinstance(page, str) else (batch[text_column][i], None)
        doc = Document(id=doc_id, source=doc_id, raw=raw if isinstance(raw, str) else "", is_html=is_html)
        if not isinstance(raw, str):
            doc.add_error("read", f"row has no string in column {text_column!r}")
        docs.append(doc)
    records = [to_record(d) for d in pipeline_for(config).run(docs)]
    return {prefix + name: [r[name] for r in records] for name in FIELDS}


def normalize_dataset(dataset: datasets.Dataset, *, text_column: str = "text", html_column: str | None = None,
                      id_column: str | None = None, prefix: str = DEFAULT_PREFIX, config: Config = Config(),
                      **map_options: Any) -> datasets.Dataset:
    """``dataset`` with normalize's columns added (``map_options``: ``batch_size``, ``num_proc``, …)."""
    options = {"text_column": text_column, "html_column": html_column, "id_column": id_column, "prefix": prefix, "config": config}
    return dataset.map(normalize_batch, batched=True, fn_kwargs=options, features=features(dataset.features, prefix), **map_options)
