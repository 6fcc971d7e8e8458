"""``normalize report``: one self-contained HTML page showing what a run did, made from its
``normalize/1`` JSONL (any earlier output too): a corpus view (documents, errors, warnings with
their fixes, languages, body vs boilerplate, repairs, encodings, translations; each a chart and
its numbers) and a document view (every segment coloured by language, boilerplate struck
through, translations beside their source; filters). It opens offline and requests nothing.

The input is read once, streaming: the counts are exact, the documents shown a bounded sample.

>>> import json, os, tempfile
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "out.jsonl")
>>> with open(path, "w") as f:
...     print(json.dumps({"schema": "normalize/1", "id": "a", "lang": "en", "segments": [
...         {"text": "Hello.", "lang": "en", "role": "body", "confidence": 1.0}]}), file=f)
...     print("{not json", file=f)
>>> builder = write_report([path], os.path.join(folder, "report.html"))
>>> builder.stats.documents, builder.stats.malformed
(1, 1)
>>> "Hello." in open(os.path.join(folder, "report.html"), encoding="utf-8").read()
True
"""

from __future__ import annotations

from collections.abc import Iterable

from .page import ReportBuilder
from .records import ReportInputError, read_records
from .sample import SAMPLE_SIZE

__all__ = ["ReportBuilder", "ReportInputError", "read_records", "write_report"]


def write_report(inputs: Iterable[str], output: str, sample_size: int | None = None) -> ReportBuilder:
    """Read the JSONL files ``inputs`` once and write the report page to ``output``.

    Raises :class:`ReportInputError` for an input that cannot be opened and ``OSError`` when
    ``output`` cannot be written; malformed lines are counted and shown, never raised.
    ``sample_size``: documents in the document view (default SAMPLE_SIZE)."""
    builder = ReportBuilder(sample_size or SAMPLE_SIZE)
    for path in inputs:
        builder.read(path)
    builder.write(output)
    return builder
