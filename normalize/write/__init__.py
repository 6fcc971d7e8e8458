"""The write stage: documents to JSONL records (the ``normalize/1`` contract), clean text or
tagged text (:mod:`.formats`), into files that can be resumed after a stop (:mod:`.output`).
Parquet output is :mod:`normalize.io.parquet`."""

from .formats import FORMATS, Writer, format_jsonl, format_tagged, format_text, to_record
from .output import FileOutput, OutputError, ResumeError

__all__ = ["FORMATS", "FileOutput", "OutputError", "ResumeError", "Writer", "format_jsonl", "format_tagged",
           "format_text", "to_record"]
