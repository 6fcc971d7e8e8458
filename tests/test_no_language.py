"""Text in no language (``zxx``) and fragments that only look foreign (issue 25): code, shell
lines, identifiers, citations and names inside a document, through the whole pipeline. Every
page here is written for these tests."""

from __future__ import annotations

import pytest

import normalize
from normalize.config import Config

from .conftest import assert_valid_record

NO_LANGUAGE = ("und", "zxx")

RUST_PAGE = """<html><head><title>Variables in Rust</title></head><body><article>
<h1>Variables in Rust</h1>
<p>Rust makes every variable immutable unless you ask otherwise. This trips up many people who come
from other languages, so it is worth seeing the difference in a small program before going on.</p>
<pre><code>fn main() {
    let mut total = 0;
    println!("The running total is {total}");
    total += 7;
    let primes = vec![2, 3, 5];
}</code></pre>
<p>The program compiles because the binding was declared mutable; remove the keyword and the
compiler refuses the second assignment with a clear message about the variable.</p>
<p>Python has no such keyword, and a name can always be bound again to a new object. A dictionary
cache in front of a database is one line of setup in the usual client library:</p>
<pre><code>import memcache
store = memcache.Client(["10.0.0.7:11211"])
store.set("answer", 42)</code></pre>
<p>To install the wiki software itself, unpack the release archive on the server and move it into
the web root, then follow the installer in the browser.</p>
<pre><code>$ tar xzf wordpress-6.4.2.tar.gz
$ sudo mv wordpress /srv/www/blog</code></pre>
<p>Each of these listings is code, not English, and none of it should ever be sent to a
translation model, whatever the language of the page around it.</p>
</article></body></html>"""

CODE_LINES = ("let mut total = 0;", 'store = memcache.Client(["10.0.0.7:11211"])',
              "$ tar xzf wordpress-6.4.2.tar.gz")


def _record(text: str, **kwargs) -> dict:
    return assert_valid_record(normalize.to_record(normalize.normalize_document(text, **kwargs)))


def _holding(record: dict, needle: str) -> list[dict]:
    found = [s for s in record["segments"] if needle in s["text"]]
    assert found, f"no segment holds {needle!r}"
    return found


def test_rust_python_and_shell_code_blocks_in_an_english_page_are_in_no_language():
    record = _record(RUST_PAGE, id="rust", html=True)
    assert record["lang"] == "en"
    for line in CODE_LINES:
        assert [s["lang"] for s in _holding(record, line)] == ["zxx"], line
    assert {s["lang"] for s in record["segments"]} <= {"en", *NO_LANGUAGE}


def test_translating_never_sends_code_to_a_model_nor_asks_for_one(translation_dirs):
    doc = normalize.normalize_document(RUST_PAGE, id="rust", html=True, config=Config(translate_to="de"))
    record = assert_valid_record(normalize.to_record(doc))
    # English prose needs an en→de model (none is installed): the warning names that pair only
    assert all("en→de" in w["message"] for w in record["warnings"]), record["warnings"]
    assert all(s["translation"] is None for s in record["segments"] if s["lang"] == "zxx")
    doc = normalize.normalize_document(RUST_PAGE, id="rust", html=True, config=Config(translate_to="en"))
    assert normalize.to_record(doc)["warnings"] == [] and doc.translated_text is None


def test_translating_code_to_a_language_with_a_model_leaves_the_code_alone(ru_en_installed):
    page = RUST_PAGE.replace("</article>", "<p>Заголовок открываемого материала</p></article>")
    doc = normalize.normalize_document(page, id="rust", html=True, config=Config(translate_to="en"))
    record = assert_valid_record(normalize.to_record(doc))
    assert record["warnings"] == []
    assert [s["translation"] for s in record["segments"] if s["lang"] == "ru"] == ["Title of the material being opened"]
    assert all(s["translation"] is None for s in record["segments"] if s["lang"] == "zxx")


REFERENCES = """Stress, depression and the body's stress system

A growing body of work links long-term stress to changes in the hormonal system that governs our
response to threats, and through it to depression in adults who were stressed as children.

The ACTH response (adrenocorticotropic hormone) is the best studied of these links, and the studies
below followed patients over several years to see how its activity changed with treatment.

References
Okafor CN, Lindqvist B, van Houten R. Early hardship as a predictor of stress and low mood in young adults. J Sleep Stud. 2014;12(3):45-51. doi: 10.5555/jpr.2014.0087.x.
Moreau JP, de la Fuente A, Berger K, et al. Morning hormone levels and mood: a cohort study. Rev Clin Mood. 2016;31(1-2):114-21. doi:10.5555/rcm.2016.031
Schäfer H, García-López M. Early adversity and the stress response: a review. Stress Rev. 2019;52:1-15. https://doi.org/10.5555/sr.2019.52.1
doi: 10.5555/jpr.2014.0087.x.
"""


def test_a_reference_list_with_dois_and_initials_gets_no_foreign_tag():
    record = _record(REFERENCES, id="refs", html=False)
    assert record["lang"] == "en"
    assert {s["lang"] for s in record["segments"]} <= {"en", *NO_LANGUAGE}
    assert [s["lang"] for s in _holding(record, "Okafor CN")] == ["en"]  # read as one entry
    assert _holding(record, "doi: 10.5555/jpr.2014.0087.x.")[-1]["lang"] == "zxx"


def test_a_french_sentence_quoted_in_an_english_paragraph_is_french():
    page = ("<html><body><article><h1>The old bridge will be rebuilt</h1>"
            "<p>The town council voted on Monday to rebuild the old stone bridge over the river, which "
            "has been closed to traffic since the floods of last winter.</p>"
            "<p>As the mayor put it to reporters after the vote, \"Nous allons reconstruire le pont avant "
            "l'hiver prochain, quoi qu'il en coûte.\" The works are expected to start in the spring.</p>"
            "<p>Residents have long complained about the detour, which adds twenty minutes to the drive "
            "into the centre of town for anyone living on the far bank.</p></article></body></html>")
    record = _record(page, id="bridge", html=True)
    assert record["lang"] == "en"
    french = _holding(record, "Nous allons reconstruire le pont")
    assert [s["lang"] for s in french] == ["fr"]
    assert "The works are expected" not in french[0]["text"]
    assert {s["lang"] for s in record["segments"]} <= {"en", "fr", *NO_LANGUAGE}


def test_a_german_page_with_an_english_product_name_stays_german():
    text = ("Die neue Apple Watch Series 9 im Test\n\n"
            "Apple hat am Dienstag die neue Apple Watch Series 9 vorgestellt, die ab sofort im Handel "
            "erhältlich ist und ab 449 Euro kostet.\n\n"
            "Das Modell „Apple Watch Ultra 2“ bleibt daneben im Angebot, ebenso der günstigere "
            "Einstieg mit der Apple Watch SE.\n\n"
            "Apple Watch Series 9\n\n"
            "Im Test überzeugte vor allem die längere Akkulaufzeit, während sich das Design kaum "
            "verändert hat und die Bedienung vertraut bleibt.\n")
    record = _record(text, id="uhr", html=False)
    assert record["lang"] == "de"
    assert {s["lang"] for s in record["segments"]} <= {"de", *NO_LANGUAGE}


DUMP = """How to add up a list in Python
Home | Tutorials | Contact
A short function is all it takes to add up the numbers of a list, and it shows the usual loop.

    def total(numbers):
        result = 0
        for n in numbers:
            result += n
        return result

    print(total([1, 2, 3]))

Call it with any list of numbers and it returns their sum; an empty list gives zero.
"""


def test_a_text_dump_with_an_indented_code_listing():
    record = _record(DUMP, id="dump", html=False)
    assert record["lang"] == "en"
    for line in ("def total(numbers):", "result = 0", "for n in numbers:", "result += n", "return result",
                 "print(total([1, 2, 3]))"):
        assert [s["lang"] for s in _holding(record, line)] == ["zxx"], line
    for line in ("A short function is all it takes", "Call it with any list of numbers"):
        assert [s["lang"] for s in _holding(record, line)] == ["en"], line


@pytest.mark.parametrize("fragment", [
    "Snake plant (Sansevieria trifasciata)", "ACTH: adrenocorticotropic hormone", "Okonkwo’s.",
    "Okafor CN, Lindqvist B, van Houten R.", "Aurora X15 Gen 2 (15″ Ryzen) Studio Laptop", "Chocolate fondue.",
    "Garage sale.", "Ballet studio.", "Pieter van der Berg and Anne du Pont", "Hôtel du Lac", "Filename: src/app.rs",
])
def test_names_terms_and_initials_in_an_english_document_are_english(fragment):
    from normalize.langid import detect_spans

    assert {s.lang for s in detect_spans(fragment, prior="en")} <= {"en", *NO_LANGUAGE}


@pytest.mark.parametrize("fragment", [
    "let mut total = 0;", "let primes = vec![2, 3, 5];", 'store = memcache.Client(["10.0.0.7:11211"])',
    "import java.util.concurrent.ConcurrentHashMap;", "tar xzf wordpress-6.4.2.tar.gz",
    "doi: 10.5555/jpr.2014.0087.x.", "@harbourlights", "https://example.org/a/b", "$19.99", "12/05/2024",
    "import { ref, computed } from 'vue';", "# ./configure --prefix=/opt/tool", "fetchRows(db, 10); // the first page",
    "import os", "sudo reboot",
])
def test_code_identifiers_and_numbers_are_in_no_language(fragment):
    from normalize.langid import detect_spans

    assert [s.lang for s in detect_spans(fragment, prior="en")] == ["zxx"]
