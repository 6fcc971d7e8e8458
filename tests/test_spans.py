"""Mixed-language spans on small inputs written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.document import Block, Document
from normalize.langid import detect_spans, spans
from normalize.langid.detector import Detector
from normalize.langid.spans import spans_of_many
from normalize.langid.stage import LanguageStage


def labelled(text: str, prior: str | None = None) -> list[tuple[str, str]]:
    return [(s.lang, text[s.start:s.end]) for s in detect_spans(text, prior=prior)]


def test_stray_fragment_on_its_own_line():
    text = "To participate in the discussion log in or register\nЗаголовок открываемого материала"
    assert labelled(text, prior="en") == [
        ("en", "To participate in the discussion log in or register\n"),
        ("ru", "Заголовок открываемого материала"),
    ]


def test_inline_quote_in_the_same_script():
    text = 'Er sagte gestern: "The meeting is over and we are going home." Dann ging er nach Hause.'
    assert labelled(text) == [
        ("de", 'Er sagte gestern: "'),
        ("en", 'The meeting is over and we are going home." '),
        ("de", "Dann ging er nach Hause."),
    ]


def test_bilingual_label():
    text = "Ministerstvo zahraničních věcí - Міністерство закордонних справ"
    assert labelled(text) == [
        ("cs", "Ministerstvo zahraničních věcí - "),
        ("uk", "Міністерство закордонних справ"),
    ]


def test_concatenated_sentences_in_the_same_script():
    text = ("Мы вчера долго гуляли по городу и разговаривали. "
            "Ми вчора довго гуляли містом і розмовляли про їхнє життя.")
    assert [lang for lang, _ in labelled(text)] == ["ru", "uk"]
    text = "The weather was lovely all week long. Das Wetter war die ganze Woche über wunderschön."
    assert labelled(text) == [
        ("en", "The weather was lovely all week long. "),
        ("de", "Das Wetter war die ganze Woche über wunderschön."),
    ]


def test_short_foreign_phrase_inside_a_sentence():
    text = "Он сказал, что это «a piece of cake» и ушёл домой."
    assert labelled(text) == [
        ("ru", "Он сказал, что это «"),
        ("en", "a piece of cake» "),
        ("ru", "и ушёл домой."),
    ]
    text = "El presidente dijo que la reunión fue «molto bella» y se marchó a casa."
    assert [lang for lang, _ in labelled(text)] == ["es", "it", "es"]


def test_a_doubted_quoted_title_inside_a_foreign_sentence_is_that_sentence():
    # in an English document, an Esperanto sentence quoting a book's title: the quotation marks
    # cut the title off, the models read it alone as Bosnian at 0.51; it is the sentence's
    text = "Ŝi legis la libron „Rakonto pri amo“ kaj poste skribis longan leteron al sia frato en la urbo."
    assert labelled(text, prior="en") == [("eo", text)]
    # a quotation the models are sure of stays its own language
    text = "El presidente dijo que la reunión fue «molto bella» y se marchó a casa."
    assert [lang for lang, _ in labelled(text, prior="en")] == ["es", "it", "es"]


def test_a_sentence_in_a_language_without_a_word_list_stands_beside_names():
    # no word list weighs Irish or Basque words against English ones; names hold most of these
    # letters, and the models, even leaning to English, are sure of the sentence's language
    for text, lang in [("Is abhainn i Sasana í an Thames.", "ga"), ("Donostia Gipuzkoako hiriburua da.", "eu")]:
        assert labelled(text, prior="en") == [(lang, text)]


def test_a_dash_does_not_cut_a_foreign_sentence_into_two_foreign_languages():
    # the part after the dash alone reads as Indonesian; it is the Swahili sentence's
    text = "Sisi ni watu wa Tanzania na tunapenda nchi yetu sana – Rais wa Jamhuri ya Muungano."
    assert labelled(text, prior="en") == [("sw", text)]
    # a label in the document's language and its translation stay two
    text = "Ministry of Health – Wizara ya Afya na Ustawi wa Jamii"
    assert [lang for lang, _ in labelled(text, prior="en")] == ["en", "sw"]


def test_a_clause_of_ordinary_english_words_is_english():
    # "comment" and "engagement" are more common in French; every word is an ordinary English one
    text = "Comment engagement index (points)"
    assert labelled(text, prior="en") == [("en", text)]
    # a clause of words that are the other language's stands
    text = "Merci pour votre commande, elle arrive demain."
    assert labelled(text, prior="en") == [("fr", text)]


def test_names_in_a_sentence_are_not_a_switch():
    text = "Yesterday Angela Merkel met Emmanuel Macron and Pedro Sánchez in Paris."
    assert labelled(text, prior="en") == [("en", text)]


def test_text_without_letters_is_one_span_in_no_language():
    assert labelled("12:45 — 3.14") == [("zxx", "12:45 — 3.14")]
    assert labelled("https://example.org/a/b") == [("zxx", "https://example.org/a/b")]
    assert detect_spans("") == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_spans_partition_any_string(text):
    spans = detect_spans(text)
    assert [s.start for s in spans[1:]] == [s.end for s in spans[:-1]]
    if text:
        assert spans[0].start == 0 and spans[-1].end == len(text)
        assert all(0.0 <= s.confidence <= 1.0 for s in spans)


# Pieces of pages written for these tests: chrome that repeats, prose, other scripts, names.
_BLOCKS = [
    "Home", "Read more", "Share on Facebook", "Home", "Newsletter abonnieren", "Read more",
    "The council voted on Tuesday to close the old bridge. Repairs would cost more than a new one.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen. „Das ist teuer“, sagte er.",
    "Он сказал, что это «a piece of cake» и ушёл домой.",
    "Ministerstvo zahraničních věcí - Міністерство закордонних справ",
    "東京は日本の首都です。Tokyo is the capital.",
    "Yesterday Angela Merkel met Emmanuel Macron in Paris.", "© 2024 — 12:45", "", "ok",
    "The council voted on Tuesday to close the old bridge. Repairs would cost more than a new one.",
]


def test_blocks_as_one_batch_give_the_spans_of_one_at_a_time():
    for prior in (None, "en", "de"):
        assert spans_of_many(_BLOCKS, prior=prior) == [detect_spans(t, prior=prior) for t in _BLOCKS]
    fresh = Detector()  # nothing remembered: every piece identified afresh, one at a time
    assert spans_of_many(_BLOCKS, prior="en") == [detect_spans(t, prior="en", detector=fresh) for t in _BLOCKS]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Жж漢かカ한-1.\n"), max_size=30))
def test_one_script_shortcut_finds_the_changes_the_letter_scan_finds(text):
    assert spans._script_changes(text) == spans._script_changes_by_letter(text)


def test_the_language_stage_batch_gives_the_segments_of_block_by_block():
    doc = Document(id="d", blocks=[Block(t, role="boilerplate" if len(t) < 30 else "body") for t in _BLOCKS])
    doc.set_body()
    LanguageStage().apply(doc)
    prior = doc.lang
    assert prior == "en"
    expected = [(i, s.lang, s.confidence, b.text[s.start:s.end]) for i, b in enumerate(doc.blocks)
                for s in detect_spans(b.text, prior=prior, detector=Detector())]
    assert [(s.block, s.lang, s.confidence, s.text) for s in doc.segments] == expected
