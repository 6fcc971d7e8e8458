"""The pipeline as a whole and the public API: stages in order, errors captured, offsets right."""

from __future__ import annotations

import normalize
from normalize.document import Document
from normalize.pipeline import build_pipeline
from normalize.stage import Pipeline, Stage

DUMP = (
    "Home\nLocal News\n"
    "Bakery Wins National Bread Prize\n"
    "Share\n"
    "A small bakery from the old town has won the national bread prize, the jury announced on Friday evening.\n"
    "The owners said they would use the prize money to train two new apprentices next year.\n"
    "Comments\n"
)


class Explode(Stage):
    name = "explode"

    def apply(self, doc: Document) -> Document:
        raise RuntimeError("boom")


def test_stage_error_is_recorded_and_the_document_flows_on() -> None:
    pipeline = Pipeline([*build_pipeline().stages[:3], Explode(), *build_pipeline().stages[3:]])
    [doc] = pipeline.run([Document(id="x", raw=DUMP.encode())])
    assert [(e.stage, e.message) for e in doc.errors] == [("explode", "RuntimeError: boom")]
    assert doc.title == "Bakery Wins National Bread Prize"  # later stages still ran
    assert pipeline.stats()["explode"].errors == 1


def test_stages_are_in_pipeline_order() -> None:
    assert [s.name for s in build_pipeline().stages] == ["decode", "repair", "structure", "boilerplate", "metadata", "language"]


def test_normalize_document_on_text_and_bytes() -> None:
    for raw in (DUMP, DUMP.encode("utf-8")):
        doc = normalize.normalize_document(raw, id="bakery")
        assert doc.id == "bakery" and doc.lang == "en" and not doc.errors
        assert doc.title == "Bakery Wins National Bread Prize"
        assert doc.text == (
            "A small bakery from the old town has won the national bread prize, the jury announced on Friday evening."
            "\n\nThe owners said they would use the prize money to train two new apprentices next year."
        )
        assert [s.role for s in doc.segments] == ["boilerplate", "boilerplate", "title", "boilerplate", "body", "body", "boilerplate"]


def test_body_segment_offsets_index_the_text() -> None:
    doc = normalize.normalize_document(DUMP + "Дякуємо всім читачам за увагу до наших новин сьогодні.\n")
    for segment in doc.segments:
        if segment.role == "body":
            assert doc.text[segment.start:segment.end] == segment.text


def test_html_page_through_the_api() -> None:
    page = (
        "<html><head><title>Bakery Wins Prize - Town Paper</title></head><body>"
        "<nav><a>Home</a><a>Sport</a></nav><h1>Bakery Wins Prize</h1>"
        "<p>A small bakery from the old town has won the national bread prize, the jury said.</p>"
        "<footer>&copy; Town Paper</footer></body></html>"
    )
    doc = normalize.normalize_document(page, html=True)
    assert doc.title == "Bakery Wins Prize"
    assert doc.text == "A small bakery from the old town has won the national bread prize, the jury said."
    assert [(s.role, s.text) for s in doc.segments if s.role == "boilerplate"] == [("boilerplate", "HomeSport"), ("boilerplate", "© Town Paper")]


def test_mojibake_and_entities_are_repaired_and_reported() -> None:
    doc = normalize.normalize_document("Caf&eacute; News\nThe cafÃ© on the corner reopened this morning after the long winter break.\n")
    assert doc.text == "The café on the corner reopened this morning after the long winter break."
    assert {r.kind for r in doc.repairs} == {"html_entities", "mojibake"}


def test_api_functions_work_alone() -> None:
    sentence = "Die Größe der Straße überrascht, sagte der Bürgermeister."
    assert normalize.decode_bytes(sentence.encode("cp1252")) == sentence
    assert normalize.repair_text("naÃ¯ve") == "naïve"
    assert normalize.detect_language("") == "und"
    assert normalize.detect_language("Der Hund schläft den ganzen Tag im Garten.") == "de"
    spans = normalize.detect_spans("Das ist gut.\nЭто очень хорошо и правильно.")
    assert [(s.lang, s.start, s.end) for s in spans] == [("de", 0, 13), ("ru", 13, 42)]
    assert normalize.clean_text(DUMP).startswith("A small bakery")
    assert normalize.extract_html(b"<p>Ein kurzer Satz ist hier im Text, und noch mehr W\xc3\xb6rter dazu.</p>") == "Ein kurzer Satz ist hier im Text, und noch mehr Wörter dazu."
