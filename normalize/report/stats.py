"""The corpus view's numbers: exact counts over every record, in memory bounded by the number of
distinct values (languages, stages, kinds), never by the number of records.

>>> from normalize.report.records import Record, Segment
>>> stats = CorpusStats()
>>> stats.add(Record(id="a", source="a", lang="ru", title=None, encoding="utf-8", translated_to=None,
...                  segments=[Segment("Привет всем", "ru", "body", 0.9, None), Segment("Menu", "en", "boilerplate", 0.5, None)]))
>>> stats.documents, stats.doc_langs.most_common(), stats.role_chars.most_common()
(1, [('ru', 1)], [('body', 11), ('boilerplate', 4)])
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .records import Malformed, Record

#: Distinct values kept per count (messages can be unique per document); the rest are summed
#: under "other". Languages, stages, kinds and encodings stay far below it in practice.
MAX_DISTINCT = 500
#: Malformed lines listed on the page (all are counted).
MAX_MALFORMED_SHOWN = 50
#: How a missing-model warning names its fix (normalize.translate.models.install_command).
INSTALL_COMMAND = re.compile(r"normalize models install [\w-]+ [\w-]+")
#: The encoding field is null for records read from JSON strings.
NO_ENCODING = "(text, not bytes)"
OTHER = "(other)"


class CappedCounter(Counter):
    """A Counter that keeps at most ``MAX_DISTINCT`` keys; later new keys count under OTHER.

    >>> c = CappedCounter(cap=2)
    >>> for key in "abcab":
    ...     c.count(key)
    >>> sorted(c.items())
    [('(other)', 1), ('a', 2), ('b', 2)]
    """

    def __init__(self, cap: int = MAX_DISTINCT) -> None:
        super().__init__()
        self.cap = cap

    def count(self, key: str, n: int = 1) -> None:
        if key not in self and len(self) >= self.cap:
            key = OTHER
        self[key] += n


@dataclass
class CorpusStats:
    documents: int = 0
    documents_with_errors: int = 0
    documents_with_warnings: int = 0
    segments: int = 0
    characters: int = 0
    #: documents with at least one error of a stage
    errors_by_stage: CappedCounter = field(default_factory=CappedCounter)
    error_messages: CappedCounter = field(default_factory=CappedCounter)
    #: warning message -> documents
    warnings: CappedCounter = field(default_factory=CappedCounter)
    doc_langs: CappedCounter = field(default_factory=CappedCounter)
    seg_langs: CappedCounter = field(default_factory=CappedCounter)
    seg_lang_chars: CappedCounter = field(default_factory=CappedCounter)
    role_segments: CappedCounter = field(default_factory=CappedCounter)
    role_chars: CappedCounter = field(default_factory=CappedCounter)
    #: repair kind -> lines repaired, and -> documents
    repair_lines: CappedCounter = field(default_factory=CappedCounter)
    repair_docs: CappedCounter = field(default_factory=CappedCounter)
    encodings: CappedCounter = field(default_factory=CappedCounter)
    #: "ru→en" -> segments translated; foreign segments left untranslated, by pair
    translated: CappedCounter = field(default_factory=CappedCounter)
    untranslated: CappedCounter = field(default_factory=CappedCounter)
    malformed: int = 0
    malformed_shown: list[Malformed] = field(default_factory=list)

    def add(self, record: Record) -> None:
        self.documents += 1
        self.documents_with_errors += bool(record.errors)
        self.documents_with_warnings += bool(record.warnings)
        for stage in dict.fromkeys(stage for stage, _ in record.errors):
            self.errors_by_stage.count(stage)
        for _, message in record.errors:
            self.error_messages.count(message)
        for message in dict.fromkeys(message for _, message in record.warnings):
            self.warnings.count(message)
        self.doc_langs.count(record.lang)
        self.encodings.count(record.encoding or NO_ENCODING)
        for kind, lines in record.repairs:
            self.repair_lines.count(kind, lines)
        for kind in dict.fromkeys(kind for kind, _ in record.repairs):
            self.repair_docs.count(kind)
        for s in record.segments:
            self.segments += 1
            self.characters += len(s.text)
            self.seg_langs.count(s.lang)
            self.seg_lang_chars.count(s.lang, len(s.text))
            self.role_segments.count(s.role)
            self.role_chars.count(s.role, len(s.text))
            target = record.translated_to
            if s.translation is not None:
                self.translated.count(f"{s.lang}→{target or '?'}")
            elif target and s.lang not in (target, "und") and s.text.strip():
                self.untranslated.count(f"{s.lang}→{target}")

    def add_malformed(self, line: Malformed) -> None:
        self.malformed += 1
        if len(self.malformed_shown) < MAX_MALFORMED_SHOWN:
            self.malformed_shown.append(line)

    @property
    def segments_translated(self) -> int:
        return sum(self.translated.values())

    def warning_rows(self) -> list[tuple[str, int, str | None]]:
        """(message, documents, the install command it names or None), most frequent first."""
        rows = []
        for message, documents in self.warnings.most_common():
            command = INSTALL_COMMAND.search(message)
            rows.append((message, documents, command.group(0) if command else None))
        return rows
