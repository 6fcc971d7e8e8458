"""Text repair: mojibake, HTML entities, control characters, then NFC.

ftfy does the work, with a conservative configuration that never "improves" correct text: quotes
stay curly, ligatures stay, full-width CJK punctuation stays.

>>> repair_text("The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.")
'The Mona Lisa doesn’t have eyebrows.'
>>> repair_text("Caf&eacute; “quoted”，中文")
'Café “quoted”，中文'
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import ftfy

from .document import Document, Repair
from .pipeline import Stage

CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=True,
)
# For HTML sources the parser decodes entities; unescaping them first would break markup.
HTML_CONFIG = CONFIG._replace(unescape_html=False)

# ftfy's step names -> the repair kinds the JSONL record reports.
_KINDS = {
    "unescape_html": "html_entities",
    "remove_control_chars": "control_characters",
    "remove_terminal_escapes": "control_characters",
    "fix_c1_controls": "control_characters",
    "fix_surrogates": "surrogates",
    "fix_line_breaks": "line_breaks",
    "restore_byte_a0": "mojibake",
    "replace_lossy_sequences": "mojibake",
    "decode_inconsistent_utf8": "mojibake",
}


def repair(text: str, *, html: bool = False) -> tuple[str, list[Repair]]:
    """Repair ``text`` and report what changed, as a list of :class:`Repair` (kind, count)."""
    config = HTML_CONFIG if html else CONFIG
    kinds: Counter[str] = Counter()
    pieces = []
    for line in text.splitlines(keepends=True):
        if line.isascii() and "&" not in line and line.rstrip("\n").isprintable():
            pieces.append(line)  # the common case: nothing ftfy could change
            continue
        fixed, steps = ftfy.fix_and_explain(line, config)
        if fixed != line:
            found = {_KINDS.get(name, "other") for action, name in steps or [] if action == "apply"}
            if any(action in ("encode", "decode", "transcode") for action, _ in steps or []):
                found.add("mojibake")
            kinds.update(found)
        pieces.append(fixed)
    result = unicodedata.normalize("NFC", "".join(pieces))
    return result, [Repair(kind, n) for kind, n in sorted(kinds.items()) if n]


def repair_text(text: str) -> str:
    """Repair mojibake, HTML entities and control characters in plain text; NFC-normalise."""
    return repair(text)[0]


class RepairStage(Stage):
    """Repairs ``input_text`` in place and records what it repaired."""

    name = "repair"

    def apply(self, doc: Document) -> Document:
        doc.input_text, doc.repairs = repair(doc.input_text, html=bool(doc.is_html))
        for r in doc.repairs:
            self.stats.count(r.kind, r.count)
        return doc
