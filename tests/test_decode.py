"""Bytes to text: BOMs, UTF-8, declared charsets, undeclared legacy encodings, binary data."""

from __future__ import annotations

import codecs

import pytest

from normalize.encoding.decode import NotTextError, decode, decode_bytes

UNDECLARED = [
    ("cp1250", "Na sympózium byli kromě českých odborníků pozváni i významní zahraniční specialisté."),
    ("cp1250", "Tyle, że w sieci agresor jest zupełnie bezkarny i anonimowy, ponieważ używanie nicków."),
    ("cp1250", "Kávu mali ľudia vždy čerstvú a voňavú, ak, to ne može biti istina."),
    ("iso8859_2", "Spoštovani gospod predsednik, zaprav najvišji možen odstotek."),
    ("cp1251", "Щиро зичу Тобі і Твоїм рідним та близьким добра, щастя і миру!"),
    ("cp1257", "Ekspozicija išsiskirs savo idėjos aktualumu ir visiems įdomiais eksponatais."),
    ("cp1252", "Ég notaði orðið bókstafatrúar á vísindi af því að ég fann ekki betra orð."),
    ("cp1252", "Nel 2004 ha vinto il premio di giornalismo «Piccola Europa»."),
    ("cp1252", "Espanya es va mostrar en contra però va suggerir una alternativa pels preus."),
    ("cp1252", "Yhtenä päivänä rakkaus muuttuu vihaksi ja vihatessaan lähimmäistään ihminen."),
    ("cp1253", "Επίσης, στο χιονοδρομικό κέντρο λειτουργούν καταστήματα ενοικίασης."),
    ("koi8_r", "Это готова подтвердить даже моя собака."),
    ("gb18030", "事实上，应用材料在亚洲的据点，包括台湾、新加坡、中国、马来西亚、韩国。"),
    ("shift_jis", "これはそのうち慣れるのだろうか？"),
    ("euc_kr", "발주기 번호가 유리해 초반 선행을 염두에 두고 있다."),
]


@pytest.mark.parametrize("encoding,text", UNDECLARED, ids=[e for e, _ in UNDECLARED])
def test_undeclared_legacy_encodings(encoding, text):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(encoding).name


def test_utf8_with_and_without_bom_and_utf16():
    text = "Заголовок, café, 中文"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode_bytes(text.encode("utf-16")) == text


def test_declared_charset_wins():
    data = '<meta charset="windows-1251"><p>Заголовок</p>'.encode("cp1251")
    assert decode(data).encoding == "cp1251"


def test_binary_data_is_not_text():
    with pytest.raises(NotTextError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_utf8_with_stray_legacy_bytes_keeps_the_utf8() -> None:
    russian = "Городской совет обсудил новый бюджет для школ и дорог. " * 3
    mixed = russian.encode("utf-8") + "Привет".encode("cp1251")
    assert decode(mixed) == decode(mixed) and decode(mixed).text == russian + "Привет"
    assert decode(mixed).encoding == "utf-8+cp1251"
    german = "Der Bürgermeister sagte, dass die Straße bald fertig sei. " * 3
    assert decode(german.encode("utf-8") + "Grüße aus Köln".encode("cp1252")).text == german + "Grüße aus Köln"
    # mostly legacy bytes: the whole text is read in the legacy encoding, not as UTF-8
    assert decode(russian.encode("cp1251") + "ё".encode("utf-8")).encoding == "cp1251"
