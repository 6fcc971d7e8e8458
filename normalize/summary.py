"""What a run did, for the end-of-run summary and ``--stats FILE``."""

from __future__ import annotations

from collections import Counter
import json
from dataclasses import dataclass, field, fields
from typing import Any

from .document import Document
from .stage import StageStats

#: Failed documents named on stderr at the end of a run (--stats lists them all).
FIRST_FAILURES = 5


def plural(n: int, noun: str) -> str:
    """``1 document``, ``2 documents``.

    >>> plural(1, "document"), plural(0, "file")
    ('1 document', '0 files')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass
class RunSummary:
    documents: int = 0
    failed_by_stage: Counter[str] = field(default_factory=Counter)
    failed_documents: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    segments_translated: int = 0
    # warnings and translation errors (a missing model), each repeated once: message -> documents
    notices: dict[str, int] = field(default_factory=dict)
    # files left out of input directories: reason -> their paths
    skipped: dict[str, list[str]] = field(default_factory=dict)
    # every error: (document id, stage, message)
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0  # wall time so far (with the time before a resume)

    def to_state(self) -> dict[str, Any]:
        """What a checkpoint keeps, so that a resumed run's summary counts the whole output
        (files skipped are counted afresh: a resumed run walks the inputs again)."""
        state = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "skipped"}
        return json.loads(json.dumps(state))

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> RunSummary:
        """
        >>> s = RunSummary(); s.add(Document(id="a", lang="en")); RunSummary.from_state(s.to_state()) == s
        True
        """
        summary = cls(**{**state, "failures": [tuple(f) for f in state["failures"]]})
        for name in ("failed_by_stage", "languages"):
            setattr(summary, name, Counter(state[name]))
        return summary

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.languages[doc.lang] += 1
        if doc.errors:
            self.failed_documents += 1
            self.failed_by_stage.update({e.stage for e in doc.errors})
            self.failures.extend((doc.id, e.stage, e.message) for e in doc.errors)
        self.segments_translated += sum(s.translation is not None for s in doc.segments)
        messages = {w.message for w in doc.warnings} | {e.message for e in doc.errors if e.stage == "translate"}
        for message in sorted(messages):
            self.notices[message] = self.notices.get(message, 0) + 1

    def to_dict(self, seconds: float, stages: dict[str, StageStats], startup: float | None = None) -> dict[str, Any]:
        """``seconds``: the run's wall time, its start-up included; ``startup``: the part of it
        before the first document (the interpreter, the imports, the models loaded first)."""
        return {
            "documents": self.documents,
            "documents_with_errors": self.failed_documents,
            "errors_by_stage": dict(self.failed_by_stage.most_common()),
            "errors": [{"id": i, "stage": stage, "message": m} for i, stage, m in self.failures],
            "skipped_files": dict(sorted(self.skipped.items())),  # reason -> paths
            "languages": dict(self.languages.most_common()),
            "segments_translated": self.segments_translated,
            "notices": [{"message": m, "documents": n} for m, n in self.notices.items()],
            "seconds": round(seconds, 3),
            "startup_seconds": None if startup is None else round(startup, 3),
            "documents_per_second": round(self.documents / seconds, 2) if seconds else None,
            "stages": {
                name: {"documents": s.documents, "errors": s.errors, "seconds": round(s.seconds, 3), "counts": s.counts}
                for name, s in stages.items()
            },
        }

    def format(self, seconds: float, stages: dict[str, StageStats], workers: int = 1, verbose: bool = False) -> str:
        """The summary for stderr; ``verbose``: every skipped file named (else counted)."""
        rate = f" ({self.documents / seconds:.1f}/s)" if seconds else ""
        lines = [f"normalize: {plural(self.documents, 'document')} in {seconds:.1f}s{rate}, {self.failed_documents} with errors"]
        if self.failed_by_stage:
            lines.append("  errors by stage: " + ", ".join(f"{k} {v}" for k, v in self.failed_by_stage.most_common()))
        if self.languages:
            lines.append("  languages: " + ", ".join(f"{k} {v}" for k, v in self.languages.most_common(12)))
        if self.segments_translated:
            lines.append(f"  segments translated: {self.segments_translated}")
        counts = {k: v for k, v in stages["translate"].counts.items() if k != "segments translated"} if "translate" in stages else {}
        if counts:  # "segments translated" is the line above
            lines.append("  translation: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        total = sum(s.seconds for s in stages.values())
        if total:
            over = " (each summed over the workers)" if workers > 1 else ""
            lines.append(f"  time per stage{over}: " + ", ".join(
                f"{name} {s.seconds:.1f}s ({100 * s.seconds / total:.0f}%)" for name, s in stages.items()))
        for message, n in self.notices.items():
            lines.append(f"  {message} ({plural(n, 'document')})")
        lines += self._skipped_lines(verbose)
        if self.failures:
            lines.append("  errors:")
            lines += [f"    {i}: {stage}: {m}" for i, stage, m in self.failures[:FIRST_FAILURES]]
            if len(self.failures) > FIRST_FAILURES:
                lines.append(f"    … and {len(self.failures) - FIRST_FAILURES} more (--stats FILE lists them all)")
        return "\n".join(lines)

    def _skipped_lines(self, verbose: bool) -> list[str]:
        """How many files were skipped, by reason; ``verbose``: then each, with its reason.

        >>> s = RunSummary(skipped={"not an input kind": ["p/app.js", "p/site.css"]})
        >>> s._skipped_lines(False)
        ['  skipped: 2 files (not an input kind 2; -v names them)']
        >>> s._skipped_lines(True)[1:]
        ['    not an input kind: p/app.js', '    not an input kind: p/site.css']
        """
        if not self.skipped:
            return []
        reasons = ", ".join(f"{reason} {len(paths)}" for reason, paths in sorted(self.skipped.items()))
        total = sum(len(paths) for paths in self.skipped.values())
        lines = [f"  skipped: {plural(total, 'file')} ({reasons}{'' if verbose else '; -v names them'})"]
        if verbose:
            lines += [f"    {reason}: {path}" for reason, paths in sorted(self.skipped.items()) for path in paths]
        return lines
