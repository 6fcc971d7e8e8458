"""The write stage: documents to JSONL records (the ``normalize/1`` contract), clean text or
tagged text (:mod:`.formats`), into files that can be resumed after a stop (:mod:`.output`),
written by one run at a time (:mod:`.lock`). Parquet output is :mod:`normalize.io.parquet`."""

from .formats import FORMATS, Writer, format_jsonl, format_tagged, format_text, to_record
from .lock import OutputBusy, OutputLock, lock_path
from .output import FileOutput, OutputError, ResumeError

__all__ = ["FORMATS", "FileOutput", "OutputBusy", "OutputError", "OutputLock", "ResumeError", "Writer",
           "format_jsonl", "format_tagged", "format_text", "lock_path", "to_record"]
