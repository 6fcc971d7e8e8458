"""Encoding repair: one small case per kind of damage, and text that only looks damaged."""

from __future__ import annotations

import importlib
import json

import pytest

from normalize.document import Repair
from normalize.encoding import repair, repair_text

DAMAGED = [
    # UTF-8 read as cp1252 / Latin-1 / MacRoman / KOI8-R / cp1251, twice-encoded, one word
    ("utf8-as-cp1252", "Plus tÃ´t que prÃ©vu, lâ€™Ã©tÃ© arrive.", "Plus tôt que prévu, l’été arrive."),
    ("utf8-as-latin1", "GrÃ¼Ã\x9fe aus KÃ¶ln", "Grüße aus Köln"),
    ("utf8-as-macroman", "Meill√§ on oma kone mukana.", "Meillä on oma kone mukana."),
    ("utf8-as-koi8r", "п°п╬п╧ п╢я▐п╢я▐ я─п╟п╠п╬я┌п╟п╩.", "Мой дядя работал."),
    ("utf8-as-cp1251", "Р’Рѕ РѕРєСЂСѓРіРѕС‚ 95% РѕРґ РЅР°СЃРµР»РµРЅРёРµС‚Рѕ.", "Во округот 95% од населението."),
    ("double", "La demande peut ÃƒÂªtre effectuÃƒÂ©e demain.", "La demande peut être effectuée demain."),
    ("partial", "Gammelstua har søkt om tilskott pÃ¥ 210.000 kr.", "Gammelstua har søkt om tilskott på 210.000 kr."),
    ("partial", "Αντί Ï„Ï‰Î½ ψυχιατρείων δημιουργούνται υπηρεσίες.", "Αντί των ψυχιατρείων δημιουργούνται υπηρεσίες."),
    ("partial", "ակցությունն Õ§ հայաստանյան", "ակցությունն է հայաստանյան"),
    ("partial", "настаўнікаў Ñ– якасці", "настаўнікаў і якасці"),
    # legacy code pages read as cp1252 / cp1251
    ("cp1251-as-cp1252", "Çàãîëîâîê îòêðûâàåìîãî ìàòåðèàëà", "Заголовок открываемого материала"),
    ("koi8r-as-cp1251", "вЕЪХНОБС ЦЕОЭЙОБ УТБЦБМБУШ ЙЪП ЧУЕИ УЙМ.", "Безумная женщина сражалась изо всех сил."),
    ("koi8u-as-cp1252", "ïÄÎÁË ÏÂÄÁÒÏ×ÁÎ¦ÓÔØ, Ô×ÏÒÞÉÊ ÐÏÔÅÎÃ¦ÁÌ", "Однак обдарованість, творчий потенціал"),
    ("cp1250-as-cp1252", "Jej posledná modlitba bola vyslyšaná, keï pušky opä\x9d vystrelili.",
     "Jej posledná modlitba bola vyslyšaná, keď pušky opäť vystrelili."),
    ("cp1253-as-cp1252", "Åßíáé êáëýôåñï íá êïéìÜóôå ìðñïýìõôá.", "Είναι καλύτερο να κοιμάστε μπρούμυτα."),
    ("cp1254-as-cp1252", "Ayrýca geçmiþten bugüne köklenerek gelen milli kimliðimizi canlý tutabilmek için.",
     "Ayrıca geçmişten bugüne köklenerek gelen milli kimliğimizi canlı tutabilmek için."),
    ("cp1256-as-cp1252", "Ýãä ÇáÌÏíÑ ÈäÇ ßãÇ ÊÝÖøáÊ ÃÎí ÇáÝÞíå.", "فمن الجدير بنا كما تفضّلت أخي الفقيه."),
    ("cp1257-as-cp1252", "Mçs dzîvojam mâjâ pie upes.", "Mēs dzīvojam mājā pie upes."),  # French-looking letters
    ("cp1257-as-cp1252", "Balansuoja ir palaiko riebios problematiðkos odos drëgmæ.",
     "Balansuoja ir palaiko riebios problematiškos odos drėgmę."),
    ("cp1250-as-cp1252", "A játék elsõ fordulójába a különbözõ csapatok", "A játék első fordulójába a különböző csapatok"),
    ("iso8859_2-as-cp1252", "Spo¹tovani gospod predsednik, zaprav najvi¹ji mo¾en odstotek",
     "Spoštovani gospod predsednik, zaprav najvišji možen odstotek"),
]

CLEAN = [
    "Café au lait, crème brûlée and a piñata for Zoë and Søren Kierkegaard.",  # Latin-1 names
    "François Mitterrand, José Saramago, Björk, Dvořák",
    "Ayrıca geçmişten bugüne ışık, İstanbul ve Iğdır.",  # Turkish dotless i
    "∑ x² ≤ ∞, α ± β ≈ 3 × 10⁻⁵ m³, 25 °C, ½ cup, 10 Å",  # math and units
    "Заголовок открываемого материала СССР и НАТО",
    "“Quoted”, ‘single’ — and the Chinese comma，中文。",
    "Það er gott að vera hér.",  # Icelandic: letters legacy code pages confuse
    "Il a été à la plage, très joli. Però è così.",
    "Le garçon a mangé une crêpe à côté du château, où l'on fête Noël.",
    "Àwon omo adìye náà pa láàrò yìí.",  # Yoruba tones: graves and acutes on every vowel
    "Åh hvor ser de gode ud. Hvað allir hinir",
    "председник СФРЈ посетио је Шведску; пёстрых птушак, заўсёды",  # Cyrillic pairs that spell UTF-8
    "La cèl·lula, il·lustrada; Είναι καλύτερο· να κοιμάστε",  # middle dots that belong
    "«Piccola Europa», „Zitat“, ¿Qué? ¡Hola!, wait… — done",
    "Offering 5×£35 pin ups",
    # Garble no decoding turns into text: decoding a few runs of it would only change it.
    "ã†â€™ãƒâ€ ã¢â‚¬â„¢ãƒæ’ã‚â¢ãƒâ¢ã¢â‚¬å¡ã‚â¬ãƒâ€šã‚â",
]


@pytest.mark.parametrize("kind,damaged,clean", DAMAGED, ids=[case[0] for case in DAMAGED])
def test_repairs_each_kind(kind, damaged, clean):
    assert repair_text(damaged) == clean


@pytest.mark.parametrize("text", CLEAN)
def test_leaves_clean_text_alone(text):
    assert repair_text(text) == text


def test_reports_kinds_per_line():
    text, repairs = repair("Çàãîëîâîê\nMeill√§ on oma kone\nclean line\nCaf&eacute;")
    assert text == "Заголовок\nMeillä on oma kone\nclean line\nCafé"
    assert repairs == [Repair("html_entities", 1), Repair("legacy_codepage", 1), Repair("mojibake", 1)]


def test_html_keeps_entities_for_the_parser():
    assert repair("<p>Caf&eacute; pÃ¥</p>", html=True)[0] == "<p>Caf&eacute; på</p>"


def test_only_newlines_split_lines():
    # \x85 is a line break to str.splitlines, but here it is the "…" byte of mojibake
    assert repair_text("Ã\x85ngstrÃ¶m") == "Ångström"


def test_stages_record_encoding_and_repairs():
    from normalize.encoding.stage import DecodeStage
    from normalize.document import Document
    from normalize.encoding.stage import RepairStage

    raw = "Ïàðèæ\nCafé in the KÃ¶ln centre\n".encode("utf-8")
    doc = RepairStage().apply(DecodeStage().apply(Document(id="d", raw=raw, is_html=False)))
    assert doc.encoding == "utf-8"
    assert doc.input_text == "Париж\nCafé in the Köln centre\n"
    assert doc.repairs == [Repair("legacy_codepage", 1), Repair("mojibake", 1)]


@pytest.mark.parametrize("kind,damaged,clean", DAMAGED, ids=[case[0] for case in DAMAGED])
def test_repaired_text_stays_as_it_is(kind, damaged, clean):
    assert repair_text(clean) == clean


# A repair never makes text worse: a reading that brings in a script the line does not use is
# refused, and the cp1250/cp1257 readings that spell one language's alphabet are kept.

def test_polish_in_cp1250_is_never_read_as_arabic() -> None:
    line = "Prezydent uwa¿a, ¿e je¿eli napiêcie w regionie wzroœnie, trzeba bêdzie dzia³aæ."
    assert repair_text(line) == "Prezydent uważa, że jeżeli napięcie w regionie wzrośnie, trzeba będzie działać."
    assert "؟" not in repair_text("Prezydent uwa¿a, ¿e je¿eli napiêcie")


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_polish_in_cp1250_through_the_command_gets_no_arabic(tmp_path, how: str) -> None:
    """Issue 16's case through the whole pipeline: the line already misread (UTF-8 text holding
    cp1252's reading) and the cp1250 bytes themselves, as a .txt file and on stdin."""
    from .conftest import run_cli

    misread = "Prezydent uwa¿a, ¿e je¿eli napiêcie w regionie wzroœnie, trzeba bêdzie dzia³aæ.\n"
    meant = "Prezydent uważa, że jeżeli napięcie w regionie wzrośnie, trzeba będzie działać."
    for data in (misread.encode("utf-8"), meant.encode("cp1250")):
        (tmp_path / "pl.txt").write_bytes(data)
        result = run_cli("run", str(tmp_path / "pl.txt"), "-q") if how == "file" else run_cli("run", "-q", stdin=data)
        record = json.loads(result.stdout)
        assert "؟" not in result.stdout.decode()
        assert (record["lang"], record["text"]) == ("pl", meant), data


def test_one_cyrillic_letter_in_a_latin_name_is_not_read_as_hebrew() -> None:
    line = "Wasiirka arrimaha dibadda Ruushka Sergey TÐ°tarnikov ayaa sheegay in"
    # the UTF-8 reading: the Cyrillic а the source really has, not cp1255's Hebrew paseq
    assert repair_text(line) == "Wasiirka arrimaha dibadda Ruushka Sergey T\u0430tarnikov ayaa sheegay in"


@pytest.mark.parametrize("damaged, expected", [
    ("Vikingové sedìli na skále v Americe, mluvèí stáli pod nima na jiné skále v Evropì.",
     "Vikingové seděli na skále v Americe, mluvčí stáli pod nima na jiné skále v Evropě."),  # cs, è ì as in Yoruba
    ("Na èo èakajú úradníci?", "Na čo čakajú úradníci?"),  # sk
    ("Ir dar daug dalykø.", "Ir dar daug dalykų."),  # lt, cp1257
    ("Að gelince kuþlarýn hepsi kaçtý.", "Ağ gelince kuşların hepsi kaçtı."),  # tr: "að" alone settles nothing
    ("Lietuvos ir Valonijos–Briuselio programà Lietuvoje administruoja Lietuvos mokslo taryba.",
     "Lietuvos ir Valonijos–Briuselio programą Lietuvoje administruoja Lietuvos mokslo taryba."),
])
def test_legacy_readings_that_spell_one_alphabet_are_repaired(damaged: str, expected: str) -> None:
    assert repair_text(damaged) == expected


@pytest.mark.parametrize("clean", [
    "Ég legg til að RÚV endursýni þá í hverri viku á besta tíma.",  # Icelandic, not Turkish ğ ş ı
    "Við förum heim á morgun og það verður gaman.",  # Icelandic without é í ó ú: two of its words
    "Àwon nkòkòrò tí ko tìí gún ìyé pò lábé okúta náà.",  # Yoruba, not Czech/Slovak ň ě ŕ
    "Il a été à la plage, très joli.",
    "C O N C L U S Ã O",  # a letter standing alone is no sign of a code page
])
def test_text_in_alphabets_without_statistics_stays_as_it_is(clean: str) -> None:
    assert repair_text(clean) == clean


def test_brings_in_script_sees_script_punctuation() -> None:
    from normalize.unicode.plausibility import brings_in_script

    assert brings_in_script("TÐ°tarnikov", "T׀°tarnikov")  # HEBREW PUNCTUATION PASEQ
    assert brings_in_script("Prezydent uwa¿a, ¿e je¿eli napiêcie", "Prezydent uwa؟a, ؟e je؟eli napiêcie")  # cp1256
    assert not brings_in_script("Êáëçìÿñá", "Καλημέρα")  # all of it Greek: the line's own script


_PAGE_LINES = [  # written for this test: markup with damage inside text, attributes, both, none
    '<p class="lead">Le cafÃ© de la gare rouvre ses portes.</p><a href="/x" title="naÃ¯ve">lien</a>\n',
    '<div><span>Ã‰tÃ© 2024</span> — <em>ÐŸÑ€Ð¸Ð²ÐµÑ‚</em></div>\r\n',
    '<li>Ïîñëåäíèå íîâîñòè íåäåëè</li><li>Toñi and the “quotes”</li>\n',
    '<td>plain</td><td>clean: café, “quoted”, 中文</td>\n',
    '<p>\x85control\x07 chars</p>\n',
]


@pytest.mark.parametrize("line", _PAGE_LINES)
def test_a_page_line_fixed_piece_by_piece_is_the_line_fixed_whole(line, monkeypatch):
    module = importlib.import_module("normalize.encoding.repair")  # the package exports a function of that name
    by_piece = module.repair_line(line, html=True)
    monkeypatch.setattr(module, "_ftfy_and_utf8_by_piece", module._ftfy_and_utf8)
    assert module.repair_line(line, html=True) == by_piece


def test_a_page_line_fixed_piece_by_piece_repairs_text_and_attributes():
    fixed, kinds = repair(_PAGE_LINES[0], html=True)
    assert fixed == '<p class="lead">Le café de la gare rouvre ses portes.</p><a href="/x" title="naïve">lien</a>\n'
    assert kinds == [Repair("mojibake", 1)]
