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

#: Look-alikes whose spelling marks letters that the web often types without (Czech and Slovak
#: "bez diakritiky"): the models, trained on marked text, then read either as the other (Czech
#: dev lines 1-200 stripped of their marks: 38 of 164 read as Slovak, Slovak's 4 of 183 as
#: Czech), so in a text without a letter beyond ASCII their marker words alone decide (with the
#: function words below: 131 of those 164 Czech lines right, Slovak's 179 of 183 unchanged; lines
#: 201-500: 193 -> 206 of 259 and 260 -> 261 of 272; the lines with their marks unchanged).
UNACCENTED_LOOKALIKES = frozenset({"cs", "sk"})

# Words (lowercase) that belong to some languages of a group and not to the others; a word
# listed for several languages marks each of them.
_BOSNIAN_SERBIAN = (  # where Croatian (and Slovenian) have their own word: tijekom, tisuća…
    "tokom takođe preduzeće preduzeća preduzeću hiljada hiljade hiljadu hiljadama sedmica "
    "sedmice sedmicu sedmici fudbal fudbala fudbalu fudbalski fudbalska fudbalske fudbalskog "
    "univerzitet univerziteta univerzitetu univerzitetski porodica porodice porodici porodicu "
    "porodicom opština opštine šta hemija hemije hemiju hemijski tačno tačnije tačka tačke "
    "tački tačku sprat pozorište pozorišta pozorištu vazduh vazduha vazdušni vazdušne "
    "saradnja saradnju saradnje saradnji saradnjom uticaj uticaja uticaju uticajem uslov "
    "uslovi uslova uslove uslovima učešće naročito muzika muzike muzici muziku muzički "
    "muzičke muzičkog voz voza vozom aerodrom aerodroma aerodromu ambasada ambasade "
    "nauka nauke nauci naučni naučna naučne naučnog naučnici naučnika fabrika fabrike "
    "fabrici ostrvo ostrva ostrvu uopšte opšti opšta opšte opšteg učestvovati učestvuje "
    "učestvuju učestvovao učestvovala izvještaj izvještaja izvještaju saopštenje zavisi "
    "zavise zavisno zavisiti računar računara računaru računari računarski milion miliona "
    "milionima procenat procenta procenata odbrana odbrane odbrani odbranu saobraćaj "
    "saobraćaja saobraćaju kancelarija kancelarije sekretar sekretara nivo nivoa nivou "
    "porijeklo porijekla porijeklom vjerovatno vjerovatnoća ubistvo ubistva ubica advokat "
    "advokata penzija penzije penzioner apoteka biblioteka biblioteke biblioteci okean "
    "okeana hirurg hirurgija privreda privrede privredni spoljni spoljna spoljne spoljnih "
    "unutrašnji unutrašnja unutrašnje unutrašnjih reditelj juče veoma nivoe nivoi nivoima "
    "nivoom dešava dešavaju desilo desio desila ćerka ćerke ćerku spisak spiska prevoz prevoza "
    "avion aviona avionom avioni inostranstvo inostranstvu kompjuter kompjutera plata kašika "
    "paradajz pantalone sveštenik organizovan organizovana organizovao organizovati organizuje "
    "mart juni juli septembar oktobar novembar decembar januara februara marta juna jula "
    "septembra oktobra novembra decembra"
)
# Bosnian, Serbian and Slovenian, not Croatian (Europa, europski; tko).
_NOT_CROATIAN = ("ko evropa evrope evropi evropu evropski evropska evropske evropskoj evropskih "
                 "evropskog evropskom sistem sistema sistemu januar februar ")
_BOKMAL_DANISH = "ikke jeg bare hvordan hvorfor hvis flere siden mens derfor hun kun meget "
_DANISH_SWEDISH = "mig dig sig efter nu "  # Bokmål writes meg deg seg etter nå
_CATALAN_SPANISH = "del en al"  # Portuguese: do em ao
_MARKER_WORDS = {
    "ms": "kerana bahawa iaitu selepas sahaja wang kerajaan pelbagai bahagian menerusi manakala "
          "ramai semasa baharu mahupun syarikat jabatan universiti kereta polis ogos julai "
          "disember mac jun sebarang kemudahan hospital teksi muzik filem sukan percuma telefon "
          "televisyen pejabat kedai lelaki mahkamah peguam cukai belanjawan isnin khamis jumaat "
          "ahad nombor antarabangsa perlembagaan semula kualiti komuniti aktiviti kapasiti "
          "identiti realiti fakulti kuantiti prioriti majoriti minoriti populariti kreativiti "
          "autoriti fasiliti kos projek standard kalendar awak tentera askar matematik fizik "
          "muzium pertubuhan jawatankuasa setiausaha pengarah pengurus sekiranya bagaimanapun "
          "mahu cuba mencuba faham fikir berfikir fikiran jadual doktor ubat kenderaan "
          "perkhidmatan perniagaan peniaga kakitangan maklumat berjaya kejayaan",
    "id": "karena bahwa yaitu setelah uang pemerintah berbagai bagian bisa mobil universitas "
          "agustus juli desember maret juni perusahaan kalian kantor toko pengadilan pengacara "
          "pajak senin kamis jumat telepon televisi musik nomor internasional olahraga gratis "
          "standar kalender kualitas komunitas aktivitas kapasitas identitas realitas fakultas "
          "kuantitas prioritas mayoritas minoritas popularitas kreativitas otoritas fasilitas "
          "proyek biaya tentara matematika fisika museum sekretaris direktur manajer mau coba "
          "mencoba paham pikir berpikir pikiran jadwal dokter obat kendaraan pelayanan layanan "
          "karyawan informasi berhasil keberhasilan nggak enggak gak banget udah aja gue gimana "
          "kalo kayak emang kapan nopember pebruari",
    "bs": "lahko mehko hljeb kahva kafa historija historije historiji historiju historijski "
          "historijska historijske bezbjednost bezbjednosti ljekar ljekara ljekari obezbijediti "
          "obezbjeđuje " + _BOSNIAN_SERBIAN + " " + _NOT_CROATIAN,
    "sr": "uvek gde posle pre deca hleb istorija istorije istoriji istoriju istorijski bezbednost "
          "lekar lekara obezbediti "  # Latin script, ekavian
          + _BOSNIAN_SERBIAN + " " + _NOT_CROATIAN,
    "hr": "povijest povijesni povijesti povijesne povijesna povijesnih tisuća tisuće tisuću "
          "tisućama tjedan tjedna tjednu tjedno tjedana sveučilište sveučilišta sveučilištu "
          "sveučilišni obitelj obitelji obiteljski jučer "
          "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad "
          "studeni prosinac siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza "
          "rujna listopada studenoga prosinca tko tijekom poduzeće poduzeća "
          "suradnja suradnju suradnje suradnji suradnjom utjecaj utjecaja utjecaju utjecajem "
          "uvjet uvjeti uvjeta uvjete uvjetima razina razini razinu razine razinama "
          "kazalište kazališta kazalištu glazba glazbe glazbi glazbu glazbeni glazbena glazbene "
          "glazbenik glazbenika nogomet nogometa nogometu nogometni nogometna nogometne "
          "vlak vlaka vlakom kolodvor kolodvora zračna zračne zračni zračnoj zrakoplov "
          "zrakoplova veleposlanstvo veleposlanstva veleposlanik kemija kemije kemijski "
          "kemijska kemijske točka točke točku točki točno točnije znanost znanosti "
          "znanstveni znanstvena znanstvene znanstvenik znanstvenici znanstvenika tvornica "
          "tvornice tvornici otok otoka otoku otoci otocima općenito uopće opći opća opće "
          "općeg sudjelovati sudjeluje sudjeluju sudjelovao sudjelovala sudjelovanje izvješće "
          "izvješća priopćenje priopćenja ovisi ovise ovisno ovisiti računalo računala "
          "računalu računalni milijun milijuna milijunima postotak postotka postotaka obrana "
          "obrane obrani obranu sustav sustava sustavu sustavi tajnik tajnika skupina skupine "
          "skupini podrijetlo podrijetla podrijetlom vjerojatno vjerojatnost ubojstvo "
          "ubojstva ubojica odvjetnik odvjetnika mirovina mirovine umirovljenik ljekarna "
          "knjižnica knjižnice knjižnici ocean oceana kirurg kirurgija gospodarstvo "
          "gospodarstva gospodarski gospodarska gospodarske unutarnji unutarnja unutarnje "
          "unutarnjih redatelj redatelja europa europe europi europu europski europska "
          "europske europskoj europskih europskog europskom kruh kava kave krumpir tvrtka "
          "tvrtke tvrtki tvrtku prosvjed prosvjeda prosvjedi prijevoz prijevoza inozemstvo "
          "inozemstvu inozemni liječnik liječnika liječnici svećenik svećenika žlica rajčica hlače",
    "sl": _NOT_CROATIAN,
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
    # the reflexive (se/sa), "for" (pro/pre), "only" (jen/len), "between", "therefore", "how"
    # (jak/ako), the vocalised prepositions (ve ke / vo zo ku), Slovak's "or" (alebo): spelt the
    # same with or without diacritics (not "ze": also "že" unmarked, Slovak's too; not "nebo":
    # also Slovak's "sky")
    "cs": "jsou který která které byl byla bylo také jako když jsem se pro jen mezi proto jak ve ke",
    "sk": "sú ktorý ktorá ktoré bol bola bolo tiež ako keď som sa pre alebo len medzi preto vo zo ku",
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
