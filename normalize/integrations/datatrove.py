"""A datatrove pipeline step running normalize on each document (``pip install "normalize[datatrove]"``).

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from normalize.integrations.datatrove import NormalizeStep

    LocalPipelineExecutor(pipeline=[JsonlReader("crawl/"), NormalizeStep(), JsonlWriter("out/")], tasks=4).run()

Each document's ``text`` goes through the pipeline (HTML or plain text, detected unless ``html``
says), and its ``normalize/1`` record is stored in ``metadata[metadata_key]``; with
``replace_text=True`` the document's text also becomes the clean body (or, when translating,
the translated body). The step keeps datatrove's stats: documents, main languages
(``lang_xx``), documents with errors or warnings, segments translated, and the usual
document-length stats of the output text. Documents flow on in order, none is dropped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..config import Config
from ..document import Document
from ..run.parallel import pipeline_for
from ..write.formats import to_record


class NormalizeStep(PipelineStep):
    """Run normalize on every document's text (see the module docstring).

    ``config``: the run's options (e.g. ``Config(translate_to="en")``); ``metadata_key``: where
    the record goes in ``Document.metadata``; ``replace_text``: also replace the text with the
    clean (or translated) body; ``html``: True or False when every text is HTML or plain text,
    None to decide per document.
    """

    name = "🧹 normalize"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config = Config(), *, metadata_key: str = "normalize", replace_text: bool = False,
                 html: bool | None = None) -> None:
        super().__init__()
        self.config = config
        self.metadata_key = metadata_key
        self.replace_text = replace_text
        self.html = html

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        waiting: deque = deque()

        def ours() -> Iterator[Document]:
            for theirs in data:
                self.stat_update(StatHints.total)
                waiting.append(theirs)
                source = str(theirs.metadata.get("file_path", theirs.id)) if theirs.metadata else str(theirs.id)
                doc = Document(id=str(theirs.id), source=source, raw=theirs.text, is_html=self.html)
                url = theirs.metadata.get("url") if theirs.metadata else None
                if isinstance(url, str) and url:  # a crawl's URL: evidence for the record's metadata
                    doc.given["url"] = url
                yield doc

        done = pipeline_for(self.config).run(ours())  # the translation stage batches across documents
        while True:
            with self.track_time():
                normalized = next(done, None)
            if normalized is None:
                return
            theirs = waiting.popleft()
            record = to_record(normalized)
            theirs.metadata[self.metadata_key] = record
            if self.replace_text:
                theirs.text = record["translated_text"] if record["translated_text"] is not None else record["text"]
            self._count(record)
            self.update_doc_stats(theirs)
            self.stat_update(StatHints.forwarded)
            yield theirs

    def _count(self, record: dict) -> None:
        self.stat_update(f"lang_{record['lang']}")
        if record["errors"]:
            self.stat_update("documents_with_errors")
        if record["warnings"]:
            self.stat_update("documents_with_warnings")
        translated = sum(s["translation"] is not None for s in record["segments"])
        if translated:
            self.stat_update("segments_translated", value=translated)
