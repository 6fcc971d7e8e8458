"""Text repair: mojibake (UTF-8 and legacy code pages), HTML entities, control characters, NFC.

``repair_text`` for plain strings, ``repair`` to also learn what was repaired, ``RepairStage``
in the pipeline. Modules: :mod:`.text` (line by line), :mod:`.utf8` and :mod:`.legacy`
(re-decoding UTF-8 and legacy code page mojibake), :mod:`.plausibility` (the evidence both
decide on, also used by :mod:`normalize.decode`), :mod:`.charsets` (which encodings).
"""

from .stage import RepairStage
from .text import repair, repair_text

__all__ = ["RepairStage", "repair", "repair_text"]
