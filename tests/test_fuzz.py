"""Property-based and nasty-input tests: no exception escapes, every input gives a valid record
whose offsets index its text."""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize import normalize_document
from normalize.cli import main
from normalize.structure.blocks import PIECE_CHARS
from normalize.write import Writer, format_jsonl

from .conftest import assert_valid_record

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(doc) -> dict:
    """The invariants every record keeps, whatever went in."""
    out = io.StringIO()
    Writer(out, "jsonl").write(doc)
    record = assert_valid_record(json.loads(out.getvalue()))
    out.getvalue().encode("utf-8")  # writable as UTF-8
    text = record["text"]
    for segment in record["segments"]:
        assert segment["role"] in ("title", "body", "boilerplate")
        assert isinstance(segment["lang"], str) and 0.0 <= segment["confidence"] <= 1.0
        if segment["role"] == "body":
            assert text[segment["start"]:segment["end"]] == segment["text"]
        else:
            assert segment["start"] is None and segment["end"] is None
    return record


@FUZZ
@given(st.text())
def test_any_text(text: str) -> None:
    check(normalize_document(text))


@FUZZ
@given(st.binary())
def test_any_bytes(data: bytes) -> None:
    check(normalize_document(data))


_TAGS = st.sampled_from(["p", "div", "span", "h1", "nav", "footer", "li", "ul", "table", "td", "b", "script", "style", "br"])
_HTML = st.recursive(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    lambda inner: st.builds(lambda tag, kids, close: f"<{tag}>{''.join(kids)}" + (f"</{tag}>" if close else ""),
                            _TAGS, st.lists(inner, max_size=4), st.booleans()),
    max_leaves=30,
)


@FUZZ
@given(_HTML)
def test_any_html(html: str) -> None:
    check(normalize_document(html, html=True))


@settings(max_examples=15, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80).map(lambda b: b.decode("latin-1"))), max_size=4))
def test_any_jsonl_through_the_cli(tmp_path_factory, lines: list[str]) -> None:
    feed = tmp_path_factory.mktemp("fuzz") / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": str(i), "text": t}) if i % 2 else t for i, t in enumerate(lines)) + "\n",
                    encoding="utf-8", errors="surrogatepass")
    out = feed.with_suffix(".out")
    assert main(["run", str(feed), "-o", str(out), "-q", "--workers", "1"]) in (0, 1)
    for line in out.read_text(encoding="utf-8").splitlines():
        assert_valid_record(json.loads(line))


# --- nasty inputs, written for the project -------------------------------------------------------

def test_nul_bytes_in_text_are_binary_but_in_json_are_removed() -> None:
    record = check(normalize_document(b"Hello\x00world\x00 this is \x00 text"))
    assert record["errors"] == [{"stage": "decode", "message": "binary data, not text (an image, an archive, an executable?)"}]
    doc = normalize_document("Das ist ein ganz normaler Satz\x00 mit einem NUL-Zeichen in der Mitte.")
    assert "\x00" not in doc.text and doc.lang == "de"


def test_lone_surrogates_from_json_do_not_break_the_output(tmp_path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "bad\\ud800id", "text": "Ein Satz mit \\udc00 einem kaputten Zeichen darin, sonst alles gut."}\n')
    out = tmp_path / "out.jsonl"
    assert main(["run", str(feed), "-o", str(out), "-q"]) == 0
    record = assert_valid_record(json.loads(out.read_text(encoding="utf-8")))
    assert record["id"] == "bad\ufffdid"
    assert record["text"] == "Ein Satz mit \ufffd einem kaputten Zeichen darin, sonst alles gut."


def test_half_a_megabyte_single_line() -> None:
    """A whole document on one line is cut into pieces that each get a language (500 KB, a
    hundred times the longest line kept whole: the same pieces as at 10 MB, a twentieth of the
    time; the cut at --max-bytes is tests/test_cli_newuser.py's)."""
    line = ("Tämä on pitkä rivi ilman rivinvaihtoja " * 13_000)[:500_000]
    record = check(normalize_document(line.encode("utf-8")))
    assert record["errors"] == [] and record["lang"] == "fi"
    # every character is kept but the spaces the line is split into pieces at (one a piece)
    assert sum(len(s["text"]) for s in record["segments"]) >= 499_750 - len(line) // PIECE_CHARS


def test_html_nested_ten_thousand_levels_keeps_its_text() -> None:
    doc = normalize_document("<div>" * 10_000 + "Deep inside the page there is still some text." + "</div>" * 10_000, html=True)
    check(doc)
    assert [s.text for s in doc.segments] == ["Deep inside the page there is still some text."]


def test_gzip_bomb_through_the_cli(tmp_path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb") as f:
        for _ in range(40):
            f.write(b"<p>" + b"a" * (1 << 20))
    out = tmp_path / "out.jsonl"
    assert main(["run", str(bomb), "-o", str(out), "-q", "--max-bytes", "200000"]) == 1
    record = assert_valid_record(json.loads(out.read_text()))
    assert record["errors"][0]["message"].startswith("document over the size limit of 200000 bytes")


def test_rtl_combining_marks_and_emoji() -> None:
    for text, lang in [
        ("הממשלה אישרה היום את התקציב החדש לשנה הבאה אחרי ויכוח ארוך.", "he"),
        ("وافقت الحكومة اليوم على الميزانية الجديدة للعام المقبل بعد نقاش طويل.", "ar"),
        ("Cafe\u0301 re\u0301ouvert apre\u0300s des mois de travaux dans le quartier.", "fr"),
        ("👩‍👩‍👧‍👦🇺🇦🏳️‍🌈 " * 50, "und"),
    ]:
        record = check(normalize_document(text))
        assert record["lang"] == lang, text
    assert "Café réouvert après" in normalize_document("Cafe\u0301 re\u0301ouvert apre\u0300s des mois de travaux dans le quartier.").text
