"""The read stage: files, directories, JSONL, WARC, Parquet and stdin into raw documents.

:mod:`.discover` decides which files of a directory are inputs; :mod:`.reader` turns each input
into :class:`~normalize.document.Document` objects holding its raw bytes.
"""

from .reader import (
    DEFAULT_MAX_BYTES,
    ReadConfig,
    bounded_lines,
    count_documents,
    document_from_line,
    document_from_record,
    open_input,
    read_file,
    read_inputs,
)

__all__ = ["DEFAULT_MAX_BYTES", "ReadConfig", "bounded_lines", "count_documents", "document_from_line",
           "document_from_record", "open_input", "read_file", "read_inputs"]
