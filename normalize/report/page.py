"""The report page: the corpus view and the document view rendered by Jinja2 into one HTML file
whose styles, scripts and chart runtime are inline, so it opens offline and requests nothing."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from .charts import bar_chart, language_colours, vega_runtime
from .records import Malformed, Record, check_record, read_records
from .sample import SAMPLE_SIZE, Sample, Shown
from .stats import CorpusStats

ROLES = ("title", "body", "boilerplate")
#: Language codes that can go into a CSS selector as they are (others keep the neutral colour).
CSS_SAFE = re.compile(r"[A-Za-z0-9_-]{1,32}")


@dataclass
class Chart:
    """One card of the corpus view: a chart (None when there is nothing to draw) and its numbers."""

    id: str
    title: str
    unit: str
    rows: list[tuple[str, int]]
    spec: dict[str, Any] | None
    note: str = ""


class ReportBuilder:
    """Collects records one at a time (exact counts, a bounded sample), then writes the page.

    >>> builder = ReportBuilder()
    >>> builder.add_value({"schema": "normalize/1", "id": "a", "lang": "fr", "segments": []})
    >>> builder.add_value({"id": "b"})
    >>> builder.stats.documents, builder.stats.malformed, builder.stats.malformed_shown[0].reason
    (1, 1, "not a normalize/1 record (no 'schema' field)")
    """

    def __init__(self, sample_size: int = SAMPLE_SIZE) -> None:
        self.stats = CorpusStats()
        self.sample = Sample(size=sample_size)
        self.inputs: list[str] = []

    def add(self, item: Record | Malformed) -> None:
        if isinstance(item, Malformed):
            self.stats.add_malformed(item)
        else:
            self.stats.add(item)
            self.sample.add(item)

    def add_value(self, value: Any, where: str = "") -> None:
        """A record given as parsed JSON (e.g. a document of the run being made)."""
        checked = check_record(value)
        self.add(checked if isinstance(checked, Record) else Malformed(where, checked))

    def read(self, path: str) -> None:
        """Every line of a JSONL file (raises ReportInputError when it cannot be opened)."""
        self.inputs.append(path)
        for item in read_records(path):
            self.add(item)

    def write(self, path: str) -> None:
        """The page, written atomically: ``path`` appears complete or not at all."""
        directory = os.path.dirname(os.path.abspath(path))
        handle, partial = tempfile.mkstemp(prefix=".report-", suffix=".partial", dir=directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as f:
                _template().stream(**self.context()).dump(f)
            os.chmod(partial, 0o644)
            os.replace(partial, path)
        except BaseException:
            os.unlink(partial)
            raise

    def context(self) -> dict[str, Any]:
        stats = self.stats
        colours = language_colours(stats.seg_langs.most_common() + stats.doc_langs.most_common())
        documents = self.sample.documents()
        sample_langs = _sample_languages(documents)
        return {
            "version": __version__, "inputs": self.inputs, "stats": stats,
            "charts": corpus_charts(stats, colours),
            "colours": {lang: c for lang, c in colours.items() if CSS_SAFE.fullmatch(lang)},
            "documents": [document_view(d) for d in documents],
            "sample_note": self.sample.describe(),
            "sample_langs": sample_langs,
            "legend": [(lang, colours.get(lang), n) for lang, n in sample_langs],
            "roles": ROLES,
            "style": Markup(_static("report.css")), "script": Markup(_static("report.js")),
            "vega": Markup(vega_runtime()),
        }


def corpus_charts(stats: CorpusStats, colours: dict[str, str]) -> list[Chart]:
    ok = stats.documents - stats.documents_with_errors
    status = [("without errors", ok), ("with errors", stats.documents_with_errors)]
    translated = [(f"{pair} translated", n) for pair, n in stats.translated.most_common()]
    translated += [(f"{pair} left untranslated", n) for pair, n in stats.untranslated.most_common()]
    warnings = [(_short(message), n) for message, n, _ in stats.warning_rows()]
    cards = [
        ("documents", "Documents", "documents", status, None,
         f"{stats.documents_with_warnings:,} with warnings; {stats.malformed:,} malformed lines (not counted as documents)"),
        ("errors", "Errors by stage", "documents", stats.errors_by_stage.most_common(), None,
         "documents with at least one error of the stage"),
        ("warnings", "Warnings", "documents", warnings, None, "documents with each warning; the fixes are listed below"),
        ("doc-langs", "Document languages", "documents", stats.doc_langs.most_common(), colours, "the main language of each document"),
        ("seg-langs", "Segment languages", "segments", stats.seg_langs.most_common(), colours, "every segment, whatever its role"),
        ("roles", "Body vs boilerplate", "characters", stats.role_chars.most_common(), None,
         "characters of segment text by role: what was kept as the article, what was set aside"),
        ("repairs", "Repairs by kind", "lines", stats.repair_lines.most_common(), None,
         "lines repaired, by kind (" + ", ".join(f"{k} in {n:,} documents" for k, n in stats.repair_docs.most_common()) + ")"
         if stats.repair_docs else "lines repaired, by kind"),
        ("encodings", "Encodings", "documents", stats.encodings.most_common(), None, "the charset each input was decoded with"),
        ("translated", "Segments translated", "segments", translated, None,
         "foreign segments translated, and those left untranslated (no model), by language pair"),
    ]
    charts = []
    for key, title, unit, rows, palette, note in cards:
        rows = sorted(rows, key=lambda row: (-row[1], row[0]))  # as the chart orders them
        drawn = [(label, n) for label, n in rows if n]
        spec = bar_chart(drawn, unit, palette) if drawn else None
        charts.append(Chart(f"chart-{key}", title, unit, rows, spec, note))
    return charts


def document_view(shown: Shown) -> dict[str, Any]:
    """What the template needs of one document."""
    record = shown.record
    return {
        "position": shown.position + 1, "record": record, "segments_cut": shown.segments_cut,
        "translated": any(s.translation is not None for s in record.segments),
        "langs": sorted({s.lang for s in record.segments}),
    }


def _sample_languages(documents: list[Shown]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for shown in documents:
        for s in shown.record.segments:
            counts[s.lang] = counts.get(s.lang, 0) + 1
    return sorted(counts.items(), key=lambda item: (item[0] == "und", -item[1], item[0]))  # unknown last


def _short(message: str, limit: int = 60) -> str:
    return message if len(message) <= limit else message[:limit - 1] + "…"


def _static(name: str) -> str:
    return (files(__package__) / "templates" / name).read_text(encoding="utf-8")


def _template():
    environment = Environment(loader=PackageLoader(__package__, "templates"), autoescape=select_autoescape(["j2", "html"]),
                              trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("report.html.j2")
