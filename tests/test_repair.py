"""Encoding repair: one small case per kind of damage, and text that only looks damaged."""

from __future__ import annotations

import pytest

from normalize.document import Repair
from normalize.repair import repair, repair_text

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
    from normalize.decode import DecodeStage
    from normalize.document import Document
    from normalize.repair import RepairStage

    raw = "Ïàðèæ\nCafé in the KÃ¶ln centre\n".encode("utf-8")
    doc = RepairStage().apply(DecodeStage().apply(Document(id="d", raw=raw, is_html=False)))
    assert doc.encoding == "utf-8"
    assert doc.input_text == "Париж\nCafé in the Köln centre\n"
    assert doc.repairs == [Repair("legacy_codepage", 1), Repair("mojibake", 1)]


@pytest.mark.parametrize("kind,damaged,clean", DAMAGED, ids=[case[0] for case in DAMAGED])
def test_repaired_text_stays_as_it_is(kind, damaged, clean):
    assert repair_text(clean) == clean
