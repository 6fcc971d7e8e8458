"""The decode and repair stages: bytes to text, then the text's damage repaired.

:mod:`.decode` (bytes to text: BOMs, UTF-8, a declared charset, the most plausible legacy
encoding; and whether the text is an HTML page), :mod:`.repair` (a text line by line: mojibake,
entities, control characters, NFC) with :mod:`.utf8` and :mod:`.legacy` (re-decoding UTF-8 and
legacy code page mojibake), :mod:`.stage` (the two pipeline stages). The evidence they decide on
is :mod:`normalize.unicode.plausibility`.
"""

from .decode import Decoded, NotTextError, decode, decode_bytes, looks_like_html
from .repair import repair, repair_text

__all__ = ["Decoded", "NotTextError", "decode", "decode_bytes", "looks_like_html", "repair", "repair_text"]
