"""Look-alike languages and the marks that tell them apart.

n-gram models confuse close languages (Malay/Indonesian, Bosnian/Croatian, Bokmål/Nynorsk/Danish,
Catalan/Spanish, Czech/Slovak, the Cyrillic languages). A handful of words and letters that
only one of them uses (spelling reforms, function words, month names) settle many such cases.
These lists come from the languages' grammars and orthographies, not from any test data.

>>> markers("Kerajaan negeri bersetuju kerana wang itu", {"ms", "id"})
{'ms': 3}
>>> markers("Вона сказала, що їде", {"ru", "uk", "bg"})
{'uk': 1}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

#: Groups of languages that n-gram models confuse with each other.
GROUPS = [
    {"ms", "id"}, {"bs", "hr", "sl", "sr"}, {"nb", "nn", "da", "sv"}, {"ca", "es", "pt"},
    {"cs", "sk"}, {"be", "bg", "mk", "ru", "sr", "uk", "kk", "mn"}, {"af", "nl"},
    {"zu", "xh", "st", "tn", "ts", "sn"}, {"hi", "mr"}, {"ar", "fa", "ur"},
    {"lv", "mi"},  # both write macron vowels (ā ē ī ū)
]

# Words (lowercase) that belong to one language of a group and not to the others.
_WORDS = {
    "ms": "kerana bahawa iaitu selepas sahaja wang kerajaan pelbagai bahagian menerusi manakala "
          "ramai semasa baharu mahupun syarikat jabatan universiti kereta polis ogos julai "
          "disember mac jun sebarang kemudahan",
    "id": "karena bahwa yaitu setelah uang pemerintah berbagai bagian bisa mobil universitas "
          "agustus juli desember maret juni perusahaan kalian",
    "bs": "historija historijski hiljada hiljade sedmica fudbal univerzitet porodica opština "
          "januar februar mart april maj juni juli august septembar oktobar novembar decembar "
          "januara februara marta aprila maja juna jula augusta septembra oktobra novembra "
          "decembra tačno hljeb lahko mehko",
    "hr": "povijest povijesni tisuća tisuće tjedan nogomet sveučilište obitelj općina "
          "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad "
          "studeni prosinac siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza "
          "rujna listopada studenoga prosinca točno kruh tko",
    "nn": "ikkje eg ein eit berre kva korleis ho dei vere frå heile mykje kvar noko nokon "
          "sjølv saman",
    "nb": "hva mye noe noen ble",
    "da": "af hvad mig dig sig blev meget efter gik nu kun hvilke nogen noget",
    "sv": "och jag för att är inte",
    "ca": "amb els dels perquè però també aquesta aquest això molt més fins així seva "
          "seu són és",
    "es": "con los las del porque pero también esta este eso muy más hasta así su",
    "cs": "jsou který která které byl byla bylo také jako když jsem",
    "sk": "sú ktorý ktorá ktoré bol bola bolo tiež ako keď som",
    "af": "nie ek jy hy",
    "nl": "de niet ik jij hij een",
    "lv": "un ir ar kas par bet arī tas vai",
    "mi": "te ngā kua ki ka ko hei nei whai tētahi ana",
}

# Letters a language writes that its look-alikes may not; a letter counts as a marker when no
# other candidate writes it.
_BASE_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
_LETTERS = {
    "ru": _BASE_CYRILLIC,
    "uk": "абвгдежзийклмнопрстуфхцчшщьюяіїєґ",
    "be": "абвгдежзйклмнопрстуфхцчшыьэюяёіў",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "mk": "абвгдежзиклмнопрстуфхцчшѓѕјљњќџ",
    "sr": "абвгдежзиклмнопрстуфхцчшђћјљњџ",
    "kk": _BASE_CYRILLIC + "әғқңөұүһі",
    "mn": _BASE_CYRILLIC + "өү",
    "cs": "ěřů", "sk": "äôĺľŕ", "ca": "·", "es": "ñ¿¡", "pt": "ãõ",
    "ur": "ٹڈڑںےھ", "lv": "čģķļņšž", "fa": "پچژگ", "mr": "ळ",
}

_GROUP_OF = {lang: group for group in reversed(GROUPS) for lang in group}  # first group wins
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}
_TOKENS = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)?")


def group_of(lang: str) -> set[str]:
    """The look-alike group of ``lang`` (empty when it has none)."""
    return _GROUP_OF.get(lang, set())


def markers(text: str, candidates: set[str]) -> dict[str, int]:
    """How many marker words and letters of each candidate ``text`` holds, where a marker
    belongs to that candidate only (among ``candidates``)."""
    words, letters = _markers_among(frozenset(candidates))
    found: Counter[str] = Counter()
    lowered = text.lower()
    for word in _TOKENS.findall(lowered):
        lang = words.get(word)
        if lang:
            found[lang] += 1
    for char in set(lowered) & letters.keys():
        found[letters[char]] += 1
    return dict(found)


@lru_cache(maxsize=256)
def _markers_among(candidates: frozenset[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Marker word -> language and marker letter -> language, for markers that belong to one
    of ``candidates`` only."""
    return _owned(_WORD_SETS, candidates), _owned(_LETTERS, candidates)


def _owned(marks: dict[str, Iterable[str]], candidates: frozenset[str]) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for lang in candidates:
        for mark in marks.get(lang, ()):
            owners.setdefault(mark, set()).add(lang)
    return {mark: next(iter(langs)) for mark, langs in owners.items() if len(langs) == 1}
