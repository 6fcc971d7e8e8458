"""The encodings text gets misread with, and the legacy encodings it was really written in.

The ``sloppy-`` codecs (registered by ftfy) decode every byte, mapping the few bytes a Windows
code page leaves undefined to the same code point, the way browsers and most software do.

>>> "Новости".encode("cp1251").decode(SLOPPY["cp1252"])
'Íîâîñòè'
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-125x codecs

SLOPPY = {f"cp{n}": f"sloppy-windows-{n}" for n in range(1250, 1259)}

# Where mojibake comes from: what software wrongly decoded the bytes with.
MISREAD_AS = ("cp1252", "cp1251")
# What legacy text is really written in: the Windows code pages, ISO Latin-2 and KOI8 of the
# languages that used single-byte encodings on the web (Western, Central European, Cyrillic,
# Greek, Turkish, Hebrew, Arabic, Baltic), the most common first: where readings agree, the
# first names them.
LEGACY = (
    "cp1252", "cp1250", "cp1251", "iso8859_2", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "koi8_r", "koi8_u",
)
# Multi-byte legacy encodings of Chinese, Japanese and Korean; bytes rarely decode in them by chance.
LEGACY_CJK = ("gb18030", "big5", "shift_jis", "euc_jp", "euc_kr")
# What UTF-8 bytes get misread as: Windows Western and Cyrillic, Latin-1, MacRoman, KOI8-R.
UTF8_MISREAD_AS = ("cp1252", "latin-1", "mac_roman", "cp1251", "koi8_r")


def codec(name: str) -> str:
    """The Python codec that decodes every byte the way software misreads them."""
    return SLOPPY.get(name, name)
