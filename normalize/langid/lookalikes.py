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

from .config import LanguageConfig

#: Groups of languages that n-gram models confuse with each other.
GROUPS = [
    {"ms", "id"}, {"bs", "hr", "sl", "sr"}, {"nb", "nn", "da", "sv"}, {"ca", "es", "pt"},
    {"cs", "sk"}, {"be", "bg", "mk", "ru", "sr", "uk", "kk", "mn"}, {"af", "nl"},
    {"zu", "xh", "st", "tn", "ts", "sn"}, {"hi", "mr"}, {"ar", "fa", "ur"},
    {"lv", "mi"},  # both write macron vowels (ā ē ī ū)
]

# Words (lowercase) that belong to some languages of a group and not to the others; a word
# listed for several languages marks each of them.
_BOSNIAN_SERBIAN = (  # where Croatian (and Slovenian) have their own word: tijekom, tisuća…
    "tokom takođe preduzeće preduzeća preduzeću hiljada hiljade hiljadu sedmica fudbal "
    "univerzitet porodica porodice opština opštine šta hemija tačno tačka sprat pozorište "
    "vazduh saradnja saradnju saradnje uticaj uticaja uslov uslovi uslova učešće naročito "
    "mart juni juli septembar oktobar novembar decembar januara februara marta juna jula "
    "septembra oktobra novembra decembra"
)
_BOKMAL_DANISH = "ikke jeg bare hvordan hvorfor hvis flere siden mens derfor hun kun meget "
_DANISH_SWEDISH = "mig dig sig efter nu "  # Bokmål writes meg deg seg etter nå
_CATALAN_SPANISH = "del en al"  # Portuguese: do em ao
_MARKER_WORDS = {
    "ms": "kerana bahawa iaitu selepas sahaja wang kerajaan pelbagai bahagian menerusi manakala "
          "ramai semasa baharu mahupun syarikat jabatan universiti kereta polis ogos julai "
          "disember mac jun sebarang kemudahan",
    "id": "karena bahwa yaitu setelah uang pemerintah berbagai bagian bisa mobil universitas "
          "agustus juli desember maret juni perusahaan kalian",
    "bs": "lahko mehko hljeb " + _BOSNIAN_SERBIAN,
    "sr": "uvek gde posle pre deca " + _BOSNIAN_SERBIAN,  # Latin script, ekavian
    "hr": "povijest povijesni tisuća tisuće tisuću tjedan sveučilište obitelj općina "
          "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad "
          "studeni prosinac siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza "
          "rujna listopada studenoga prosinca tko tijekom također poduzeće poduzeća "
          "suradnja suradnju suradnje utjecaj utjecaja uvjet uvjeti uvjeta razina razini "
          "kazalište glazba",
    "nn": "ikkje eg ein eit berre kva korleis kvifor ho dei vere frå heile mykje kvar noko "
          "nokon nokre sjølv saman namn namnet vert vart vore vorte bilete biletet heng gjekk "
          "fekk utan fleire sidan medan difor enno dykk",
    "nb": "hva mye noe noen ble gikk fikk uten ennå vært blitt meg deg seg " + _BOKMAL_DANISH,
    "da": "af hvad blev blevet gik fik uden nogle nogen noget " + _BOKMAL_DANISH + _DANISH_SWEDISH,
    "sv": "och jag för att är inte hon hade också " + _DANISH_SWEDISH,
    "ca": "amb els dels perquè però també aquesta aquest aquests aquestes això molt més fins "
          "així seva seu seus seves són és i pel pels als tots totes sense després encara "
          "mateix altres dues anys doncs " + _CATALAN_SPANISH,
    "es": "con los las porque pero también esta este eso muy más hasta así su sus y sin "
          "después cuando donde hay fue años año uno " + _CATALAN_SPANISH,
    "pt": "não uma um pelo pela muito isso você ao também mais",
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
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _MARKER_WORDS.items()}
_TOKENS = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)?")


# Alphabets of languages the fast models do not know: a text mostly in one may be in it.
_ALPHABETS = {"mi": frozenset("aehikmnoprtuwgāēīōū")}  # Maori: ng and wh are its only digraphs


def fits_alphabet(text: str, lang: str, share: float = LanguageConfig.alphabet_share) -> bool:
    """Whether ``text`` is spelled (almost) only with the letters of ``lang``'s alphabet (at
    least ``share`` of its letters); False for a language whose alphabet is not listed.

    >>> fits_alphabet("Ko te whare tēnei o tōku whānau", "mi"), fits_alphabet("Jackson", "mi")
    (True, False)
    """
    alphabet = _ALPHABETS.get(lang)
    if not alphabet:
        return False
    letters = [c for c in text.lower() if c.isalpha()]
    return bool(letters) and (
        sum(c in alphabet for c in letters) >= share * len(letters))


def group_of(lang: str) -> set[str]:
    """The look-alike group of ``lang`` (empty when it has none)."""
    return _GROUP_OF.get(lang, set())


def markers(text: str, candidates: set[str]) -> dict[str, int]:
    """How many marker words and letters of each candidate ``text`` holds, where a marker
    belongs to that candidate and not to all the others (among ``candidates``)."""
    words, letters = _markers_among(frozenset(candidates))
    found: Counter[str] = Counter()
    lowered = text.lower()
    for word in _TOKENS.findall(lowered):
        found.update(words.get(word, ()))
    for char in set(lowered) & letters.keys():
        found.update(letters[char])
    return dict(found)


@lru_cache(maxsize=256)
def _markers_among(candidates: frozenset[str]) -> tuple[dict, dict]:
    """Marker word -> its languages and marker letter -> its languages, for markers that
    belong to some of ``candidates`` but not all."""
    return _owned(_WORD_SETS, candidates), _owned(_LETTERS, candidates)


def _owned(marks: dict[str, Iterable[str]], candidates: frozenset[str]) -> dict[str, tuple]:
    owners: dict[str, set[str]] = {}
    for lang in candidates:
        for mark in marks.get(lang, ()):
            owners.setdefault(mark, set()).add(lang)
    return {mark: tuple(sorted(langs)) for mark, langs in owners.items()
            if len(langs) < len(candidates)}
