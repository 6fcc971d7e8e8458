"""Translation with the tiny ru→en fixture: engine, cache, pivot, stage, CLI, no network."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest
from .conftest import TINY_MODEL, assert_valid_record, refuse_network

import normalize
from normalize.cli import main
from normalize.config import Config
from normalize.document import Document, Segment
from normalize.pipeline import build_pipeline
from normalize.translate import MissingModelError, TranslateStage, TranslationCache, Translator, install_file
from normalize.translate.engine import MAX_INPUT_PIECES, cut_pieces, get_engine

TITLE_RU, TITLE_EN = "Заголовок открываемого материала", "Title of the material being opened"


def test_translate_text_and_batch(ru_en_installed):
    assert normalize.translate_text(TITLE_RU, source="ru") == TITLE_EN
    assert normalize.translate_batch(["Президент подписал указ.", "Пострадавших нет."], source="ru", target="en") == [
        "The president signed a decree.", "There are no casualties."]


def test_a_segment_of_several_sentences_is_translated_sentence_by_sentence(ru_en_installed):
    translator = Translator()
    assert translator.translate(["Президент подписал указ. Пострадавших нет."], "ru", "en") == [
        "The president signed a decree. There are no casualties."]
    assert translator.stats.sentences == 2


def test_digits_only_segment_is_kept_as_is(ru_en_installed):
    translator = Translator()
    texts = ["2024", "12:30 — 15 %", "http://x.ru/a_b_c", ""]
    assert translator.translate(texts, "ru", "en") == texts
    assert translator.stats.translated == 0


def test_very_long_sentence_is_cut_into_pieces_the_model_can_take(ru_en_installed):
    engine = get_engine(Translator().route("ru", "en")[0])
    sentence = " ".join(["Президент подписал указ"] * 120)  # one sentence, far past the limit
    pieces = engine._tokenizer.encode(sentence, out_type=str)
    assert len(pieces) > 2 * MAX_INPUT_PIECES
    chunks = cut_pieces(pieces)
    assert sum(chunks, []) == pieces and max(map(len, chunks)) <= MAX_INPUT_PIECES
    by_chunk = [engine._decode(r.hypotheses[0]) for r in engine._translator.translate_batch(chunks, beam_size=4, length_penalty=0.2)]
    assert engine.translate([sentence]) == [" ".join(by_chunk)]


def test_cache_second_run_translates_nothing(ru_en_installed, translation_dirs):
    texts = [TITLE_RU, "Пострадавших нет."]
    first = Translator(cache=TranslationCache())
    assert first.translate(texts, "ru", "en") == [TITLE_EN, "There are no casualties."]
    assert (first.stats.translated, first.stats.cache_hits) == (2, 0)
    assert (translation_dirs[1] / "translations.sqlite3").is_file()
    second = Translator(cache=TranslationCache())
    assert second.translate(texts, "ru", "en") == [TITLE_EN, "There are no casualties."]
    assert (second.stats.translated, second.stats.cache_hits) == (0, 2)
    uncached = Translator(cache=None)
    uncached.translate(texts, "ru", "en")
    assert uncached.stats.translated == 2


def test_cache_is_keyed_by_model_identity(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put("ru-en:1:aaa", {"Мир": "Peace"})
    assert cache.get("ru-en:1:bbb", ["Мир"]) == {}
    cache.put("ru-en:1:aaa", {"Мир": "World"})  # a concurrent writer got there first: kept
    assert TranslationCache(tmp_path / "c.sqlite3").get("ru-en:1:aaa", ["Мир"]) == {"Мир": "Peace"}


def relabelled_fixture(tmp_path: Path, source: str, target: str) -> Path:
    """The fixture claiming to be a source→target model (its output is still its own)."""
    with zipfile.ZipFile(TINY_MODEL) as archive:
        files = {m: archive.read(m) for m in archive.namelist()}
    top = next(iter(files)).split("/")[0]
    metadata = json.loads(files[f"{top}/metadata.json"])
    files[f"{top}/metadata.json"] = json.dumps({**metadata, "from_code": source, "to_code": target}).encode()
    out = tmp_path / f"{source}-{target}.argosmodel"
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in files.items():
            archive.writestr(member, data)
    return out


def test_pivot_through_english(ru_en_installed, tmp_path):
    install_file(relabelled_fixture(tmp_path, "en", "de"))
    translator = Translator()
    assert [m.pair for m in translator.route("ru", "de")] == ["ru-en", "en-de"]
    [via_english] = translator.translate([TITLE_RU], "ru", "de")
    en_de = get_engine(translator.route("en", "de")[0])
    assert via_english == en_de.translate([TITLE_EN])[0]
    with pytest.raises(MissingModelError, match="through English it needs de→en and en→ru: "
                       "normalize models install de en && normalize models install en ru"):
        translator.translate(["Hallo"], "de", "ru")


def doc_with(*segments: Segment, text: str = "") -> Document:
    doc = Document(id="d", text=text, lang="en")
    doc.segments = list(segments)
    return doc


def test_stage_translates_across_documents_and_keeps_target_language():
    body = "Hello. Пострадавших нет."
    first = doc_with(Segment("Hello.", "en", "body", 0, start=0, end=6),
                     Segment("Пострадавших нет.", "ru", "body", 0, start=7, end=24), text=body)
    second = doc_with(Segment(TITLE_RU, "ru", "boilerplate", 1), Segment("0", "und", "boilerplate", 2))

    class Recording(Translator):
        calls: list = []

        def translate(self, texts, source, target):
            self.calls.append((tuple(texts), source, target))
            return [t.upper() for t in texts]

    stage = TranslateStage("en", Recording())
    assert list(stage([first, second])) == [first, second]
    assert Recording.calls == [(("Пострадавших нет.", TITLE_RU), "ru", "en")]  # one batch for both
    assert [s.translation for s in first.segments + second.segments] == [None, "ПОСТРАДАВШИХ НЕТ.", TITLE_RU.upper(), None]
    assert first.translated_text == "Hello. ПОСТРАДАВШИХ НЕТ." and first.translated_to == "en"
    assert stage.stats.documents == 2


def test_missing_model_is_a_warning_with_the_install_command(translation_dirs):
    doc = doc_with(Segment(TITLE_RU, "ru", "boilerplate", 0))
    [out] = TranslateStage("en", Translator())([doc])
    assert out.segments[0].translation is None and not out.errors
    assert [(w.stage, w.message) for w in out.warnings] == [
        ("translate", "no ru→en translation model installed; install it with: normalize models install ru en"
                      " (or with argostranslate: argospm install translate-ru_en)")]
    [required] = TranslateStage("en", Translator(), require=True)([doc_with(Segment(TITLE_RU, "ru", "body", 0))])
    assert [e.message for e in required.errors] == [out.warnings[0].message]


def test_no_socket_is_opened_installing_or_translating(translation_dirs, monkeypatch):
    refuse_network(monkeypatch.setattr)
    install_file(TINY_MODEL)
    pipeline = build_pipeline(Config(translate_to="en"))
    doc = pipeline.process(Document(id="x", raw=f"Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said.\n{TITLE_RU}\n"))
    assert [s.translation for s in doc.segments if s.lang == "ru"] == [TITLE_EN]
    assert "argostranslate.translate" not in sys.modules  # its import alone costs seconds and ~340 MB


SAMPLE = f"Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said on Tuesday.\n{TITLE_RU}\n"


def run_cli(tmp_path: Path, capsys, *flags: str) -> tuple[int, dict, str]:
    source = tmp_path / "in.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    status = main(["run", str(source), "--translate-to", "en", "--format", "jsonl", *flags])
    captured = capsys.readouterr()
    return status, assert_valid_record(json.loads(captured.out)), captured.err


def test_cli_translates_and_summarises(ru_en_installed, tmp_path, capsys):
    status, record, err = run_cli(tmp_path, capsys)
    assert status == 0
    assert [(s["text"], s["translation"]) for s in record["segments"] if s["lang"] == "ru"] == [(TITLE_RU, TITLE_EN)]
    assert record["translated_text"] == record["text"] and record["warnings"] == []
    assert "sentences translated 1" in err
    assert "sentences from cache 1" in run_cli(tmp_path, capsys)[2]
    assert "sentences from cache" not in run_cli(tmp_path, capsys, "--no-cache")[2]


def test_cli_missing_model_warns_once_or_fails_when_required(translation_dirs, tmp_path, capsys):
    status, record, err = run_cli(tmp_path, capsys)
    assert status == 0
    assert [s["translation"] for s in record["segments"] if s["lang"] == "ru"] == [None]
    message = ("no ru→en translation model installed; install it with: normalize models install ru en"
               " (or with argostranslate: argospm install translate-ru_en)")
    assert [w["message"] for w in record["warnings"]] == [message]
    assert err.count(message) == 1
    status, record, err = run_cli(tmp_path, capsys, "--require-translation")
    assert status == 1 and [e["message"] for e in record["errors"]] == [message]


def test_seed_russian_boilerplate_is_translated(ru_en_installed, seed_path, capsys):
    assert main(["run", str(seed_path), "--translate-to", "en", "--format", "jsonl", "-q"]) == 0
    record = assert_valid_record(json.loads(capsys.readouterr().out))
    assert [(s["text"], s["translation"]) for s in record["segments"] if s["lang"] == "ru"] == [(TITLE_RU, TITLE_EN)]
