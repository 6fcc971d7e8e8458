"""The boilerplate stage: block roles come from the extractors, and no block loses its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize import extract_html, normalize_document
from normalize.boilerplate.stage import BoilerplateStage
from normalize.document import Document
from normalize.structure.stage import StructureStage

from .test_extract_html import ARTICLE, PARAGRAPHS, TITLE, article, page
from .test_extract_text import BODY, FOOTER, MENU


def roles(raw: str, is_html: bool) -> Document:
    doc = Document(id="t", input_text=raw, is_html=is_html)
    return BoilerplateStage().apply(StructureStage().apply(doc))


def test_html_roles_come_from_extract_html():
    related = "<div class='related'><h3>Related</h3><p><a href='/a'>Bus fares to rise by ten cents in January</a></p></div>"
    html = page(article(*PARAGRAPHS, after=related))
    doc = roles(html, is_html=True)
    assert doc.text == extract_html(html) == ARTICLE
    assert doc.title == TITLE
    assert [b.text for b in doc.blocks if b.role == "boilerplate"] == [
        "Home", "City", "Sport", "Related", "Bus fares to rise by ten cents in January", "About us", "Contact", "Privacy policy",
    ]


def test_html_repeated_paragraph_is_body_each_time_and_a_repeated_headline_never():
    doc = roles(page(article(*PARAGRAPHS, PARAGRAPHS[0], after=f"<h2>{TITLE}</h2>")), is_html=True)
    assert doc.text == "\n\n".join(PARAGRAPHS + PARAGRAPHS[:1])
    assert [b.role for b in doc.blocks if b.text == TITLE] == ["title", "boilerplate"]


def test_text_dump_roles_keep_every_line():
    raw = "\n".join(["Council approves bike lane expansion - City News", *MENU, TITLE, *BODY, *FOOTER])
    doc = roles(raw, is_html=False)
    assert doc.text == "\n\n".join(BODY)
    assert doc.title == TITLE
    assert [b.text for b in doc.blocks] == raw.split("\n")


# ../shared from the project root; a git worktree of the project sits one level deeper.
SEEDS = [d / "shared" / "seed" / "000_8d3c3d73544a7484.txt" for d in Path(__file__).resolve().parents[1:4]]


def test_seed_article():
    seed = next((path for path in SEEDS if path.exists()), None)
    if seed is None:
        pytest.skip("the seed article (../shared/seed) is not on this machine")
    doc = normalize_document(seed.read_bytes(), id="seed")
    assert doc.title == "Israel, Russia Mull Creating Group on Foreign Forces Pullout From Syria - Source"
    assert doc.lang == "en"
    assert doc.text.startswith("TEL AVIV (Sputnik)") and doc.text.endswith("neighboring Lebanon and Syria.")
    for chrome in ("Subscribe", "READ MORE", "Newsfeed", "log in or register", "mediabank", "Adventurism"):
        assert chrome not in doc.text
    assert [(s.lang, s.role) for s in doc.segments if s.text == "Заголовок открываемого материала"] == [("ru", "boilerplate")]
