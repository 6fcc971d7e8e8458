"""Language identification on small inputs written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.langid import detect_language, detector, identify, models
from normalize.langid.lookalikes import markers
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("text", "lang"), [
    ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "el"),
    ("서울은 대한민국의 수도이다.", "ko"),
    ("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย", "th"),
    ("東京は日本の首都です。", "ja"),
    ("北京是中国的首都。", "zh"),
    ("ירושלים היא עיר הבירה", "he"),
    ("Israel and Russia intend to set up a working group.", "en"),
    ("Die Regierung hat am Mittwoch neue Gesetze beschlossen.", "de"),
    ("Le gouvernement a annoncé de nouvelles mesures mercredi.", "fr"),
    ("Заголовок открываемого материала", "ru"),
    ("Вона сказала, що їде до Києва завтра вранці.", "uk"),
    ("Вчера правителството обяви новите мерки за икономиката.", "bg"),
])
def test_languages_of_sentences(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    # marker words settle look-alike languages the n-gram models confuse
    ("Kerajaan negeri bersetuju kerana wang itu cukup untuk semua.", "ms"),
    ("Pemerintah setuju karena uang itu cukup untuk semua orang.", "id"),
    ("Vlada je u travnju objavila da će tisuću radnika dobiti povišicu.", "hr"),
    ("Eg veit ikkje kva ho meiner med det.", "nn"),
    ("Jeg vet ikke hva hun mener med det.", "nb"),
    ("Tokom sedmice je hiljadu navijača gledalo fudbal na univerzitetu.", "bs"),
    ("Tijekom tjedna je tisuću navijača gledalo nogomet na sveučilištu.", "hr"),
    ("Namnet kom av at biletet heng i stova.", "nn"),
    ("Han sagde, at han ikke vidste hvad der skete efter mødet.", "da"),
    ("Hon sa att hon inte visste vad som hände efter mötet.", "sv"),
    ("Els nens i les nenes juguen al parc després de l'escola.", "ca"),
    ("Los niños y las niñas juegan en el parque después de la escuela.", "es"),
    # typed without diacritics: the function words decide (se/sa, jsem/som)
    ("Obchod se nachazi v centru mesta blizko namesti.", "cs"),
    ("Vcera som bol v kine a film sa mi velmi pacil.", "sk"),
    # no fast model knows Maori; its alphabet brings it to lingua (Latvian also writes ā ē ī ū)
    ("Ko te whare tēnei o tōku whānau, kua tae mai ngā manuhiri.", "mi"),
])
def test_look_alike_languages(text, lang):
    assert detect_language(text) == lang


# One to three words whose letter n-grams point elsewhere (jedoch: Slovak, gerade: Swedish,
# ainda: Basque, to the n-gram models); how common they are as words settles them.
@pytest.mark.parametrize(("text", "lang"), [
    ("jedoch", "de"), ("gerade", "de"), ("Newsletter abonnieren", "de"), ("ainda", "pt"),
    ("gracias", "es"), ("tijdens", "nl"), ("właśnie", "pl"), ("kuitenkin", "fi"),
    ("сьогодні", "uk"), ("сегодня", "ru"), ("weather forecast", "en"),
])
def test_common_words_of_a_language(text, lang):
    assert detect_language(text) == lang


# Look-alikes that no word list tells apart (whare: Shona to the small models, eg veit ikkje:
# Bokmål); lingua's high-accuracy models decide within those groups.
@pytest.mark.parametrize(("text", "lang"), [
    ("whare", "mi"), ("eg veit ikkje", "nn"), ("jeg vet ikke", "nb"), ("Ngiyabonga kakhulu", "zu"),
    ("umntwana", "xh"), ("ngwana", "tn"), ("baie dankie", "af"), ("hartelijk bedankt", "nl"),
])
def test_short_text_in_languages_without_a_word_list(text, lang):
    assert detect_language(text) == lang


def test_high_accuracy_models_are_asked_about_their_groups_only(monkeypatch):
    """They would take over 1 GB for every language: English, German or Russian text never asks
    for them, and Maori only about the group it belongs to."""
    asked = []
    fresh = detector.Detector()  # no answer remembered from earlier tests: each asks the models
    real = models.LINGUA_HIGH._raw  # a spy: what is asked is recorded, and answered
    monkeypatch.setattr(models.LINGUA_HIGH, "_raw",
                        lambda text, candidates: asked.append(candidates) or real(text, candidates))
    for text in ("the weather forecast", "jedoch", "сегодня", "A sentence in English, long enough."):
        fresh.identify(text)
    assert asked == []
    fresh.identify("whare")
    groups = [group for group, _ in detector.Detector.HIGH_ACCURACY_GROUPS]
    assert asked and all(any(languages <= group for group in groups) for languages in asked)


def test_remembered_answers_are_the_answers():
    """Repeated short texts (menus, footers) are identified once per process; the answer is the
    one a fresh identification gives."""
    texts = [("Read more", "en"), ("Читать далее", "en"), ("Sve vijesti", "bs"), ("Sve vijesti", "hr"),
             ("Newsletter abonnieren", None), ("Ok", "en"), ("ok", None)]
    fresh = detector.Detector()
    first = [fresh.identify(text, prior=prior) for text, prior in texts]
    again = [fresh.identify(text, prior=prior) for text, prior in texts]
    assert first == again == [fresh.answer(text, prior) for text, prior in texts]
    assert fresh._remembered.cache_info().hits == len(texts)
    assert [g.lang for g in first] == ["en", "ru", "bs", "hr", "de", "en", "und"]


def test_a_marker_word_shared_by_two_look_alikes_marks_both():
    text = "Tokom sedmice je hiljadu navijača gledalo fudbal."
    assert markers(text, {"bs", "hr", "sl", "sr"}) == {"bs": 4, "sr": 4}  # tokom sedmice hiljadu fudbal


@pytest.mark.parametrize("text", ["", " ", "a", "ok"])
def test_too_little_evidence_is_undetermined(text):
    assert detect_language(text) == "und"
    assert identify(text).confidence == 0.0


@pytest.mark.parametrize("text", [
    "12 345", "3.14159", "!!! ??? ...", "😀🎉👍", "https://example.com/a/b?c=d", "www.example.org",
    "mail@example.com", "—", "\x00\x01", "doi: 10.1000/xyz123", "@someone", "$19.99", "12/05/2024",
])
def test_text_without_words_is_in_no_language(text):
    assert detect_language(text) == "zxx"
    assert identify(text).confidence == 1.0


def test_confidence_is_a_probability():
    guess = identify("Die Regierung hat am Mittwoch neue Gesetze beschlossen.")
    assert guess.lang == "de" and 0.5 < guess.confidence <= 1.0


def test_document_language_decides_short_and_name_like_text():
    assert identify("Sputnik International", prior="en").lang == "en"
    assert identify("TEL AVIV (Sputnik) -", prior="en").lang == "en"
    assert identify("Ok", prior="en").lang == "en"
    # the prior never overrides a script: Cyrillic stays Russian in an English document
    assert identify("Заголовок открываемого материала", prior="en").lang == "ru"
    # where lingua's high-accuracy models decide between look-alikes, the context still counts
    assert identify("Sve vijesti", prior="bs").lang == "bs"
    assert identify("Sve vijesti", prior="hr").lang == "hr"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_on_any_string(text):
    guess = identify(text)
    assert isinstance(guess.lang, str) and 0.0 <= guess.confidence <= 1.0


def test_same_answers_in_another_process():
    texts = ["Det er ikke noe nytt.", "Hola, ¿cómo estás?", "Dobar dan", "maison"]
    here = [identify(t) for t in texts]
    code = ("from normalize.langid import identify; import sys; "
            f"print([tuple(vars(identify(t)).values()) for t in {texts!r}])")
    there = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.strip()
    assert there == str([(g.lang, g.confidence) for g in here])
    assert [identify(t) for t in texts] == here


def test_word_lists_are_built_once_and_mapped_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(tmp_path))
    assert models.Lexicon().zipf("jedoch", "de") > 4
    saved = list((tmp_path / "wordlists").glob("wordfreq-*-small_de.marisa"))
    assert len(saved) == 1 and not list((tmp_path / "wordlists").glob("*.partial"))
    assert models.Lexicon().zipf("jedoch", "de") > 4  # a new process would map the saved trie
    assert models.Lexicon().zipf("jedoch", "en") == 0.0


def test_a_damaged_or_unwritable_word_list_cache_costs_time_only(tmp_path, monkeypatch):
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(tmp_path))
    (tmp_path / "wordlists").mkdir()
    damaged = tmp_path / "wordlists" / models._trie_path(models.LEXICON._paths["de"]).name
    damaged.write_bytes(b"not a trie" * 100)
    assert models.Lexicon().zipf("jedoch", "de") > 4
    assert damaged.read_bytes() != b"not a trie" * 100  # rebuilt and saved again
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(blocked))
    assert models.Lexicon().zipf("jedoch", "de") > 4


def _site_with_damaged_word_list(tmp_path: Path, name: str) -> Path:
    """A copy of wordfreq first on the path whose word list ``name`` is cut short (the other
    files linked to the installed ones)."""
    import wordfreq

    installed = Path(wordfreq.__file__).parent
    copy = tmp_path / "site" / "wordfreq"
    for path in installed.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            target = copy / path.relative_to(installed)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.name == name:
                target.write_bytes(path.read_bytes()[:100])
            else:
                target.symlink_to(path)
    return tmp_path / "site"


def test_a_failing_model_is_counted_and_noted_on_the_document(tmp_path):
    """A damaged word list (German) fails where one to three Latin words are identified: the
    block is undetermined, the stage counts the failure and the document's record names it; the
    other blocks keep their languages."""
    site = _site_with_damaged_word_list(tmp_path, "small_de.msgpack.gz")
    code = """if True:
        import json
        from normalize.document import Block, Document
        from normalize.langid.stage import FAILED, LanguageStage
        from normalize.write.formats import to_record
        doc = Document(id="d", blocks=[Block("Die Regierung hat am Mittwoch neue Gesetze beschlossen."),
                                       Block("jedoch")])
        doc.set_body()
        stage = LanguageStage()
        record = to_record(stage.safe_apply(doc))
        print(json.dumps({"record": record, "failed": stage.stats.counts.get(FAILED),
                          "errors": stage.stats.errors}))
    """
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{ROOT}",
           "NORMALIZE_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    record = found["record"]
    assert found["failed"] == 1 and found["errors"] == 0 and record["errors"] == []
    [warning] = record["warnings"]
    assert warning["stage"] == "language" and warning["message"].startswith("language ID failed on block 1: ")
    assert "small_de.msgpack.gz cannot be read" in warning["message"] and "wordfreq" in warning["message"]
    assert [(s["lang"], s["text"]) for s in record["segments"]] == [
        ("de", "Die Regierung hat am Mittwoch neue Gesetze beschlossen."), ("und", "jedoch")]
    assert record["lang"] == "de"


def test_a_failure_reaches_the_caller_of_the_api(tmp_path):
    """The module's functions answer nothing around a failing model: the exception is raised."""
    site = _site_with_damaged_word_list(tmp_path, "small_de.msgpack.gz")
    code = "from normalize.langid import detect_language; detect_language('jedoch')"
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{ROOT}",
           "NORMALIZE_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, text=True)
    assert result.returncode == 1 and "Error" in result.stderr.splitlines()[-1]


_TEXTS = [  # written for these tests: chrome that repeats, prose, look-alikes, a long paragraph
    "Read more", "Lire la suite", "Read more", "Sve vijesti", "jedoch", "whare", "Ok",
    "Kerajaan negeri bersetuju kerana wang itu cukup untuk semua.",
    "Eg veit ikkje kva ho meiner med det.", "Заголовок открываемого материала",
    " ".join(["The council voted on Tuesday to close the old bridge over the river."] * 5),
    " ".join(["The council voted on Tuesday to close the old bridge over the river."] * 5),
]


@pytest.mark.parametrize("prior", [None, "en", "hr"])
def test_a_batch_gives_the_guesses_of_one_at_a_time_and_of_no_cache(prior):
    batch = detector.Detector().identify_many(_TEXTS, prior=prior)
    assert len(_TEXTS[-1]) > detector.LanguageConfig().remembered_length  # one text not cached
    one_by_one = detector.Detector()
    assert batch == [one_by_one.identify(t, prior=prior) for t in _TEXTS]
    assert batch == [one_by_one.answer(t, prior) for t in _TEXTS]  # the cache bypassed
    assert batch == [identify(t, prior=prior) for t in _TEXTS]  # the default detector


def test_remembered_word_frequencies_and_lingua_detectors_are_the_fresh_ones():
    for word, lang in [("jedoch", "de"), ("the", "en"), ("кућа", "sr"), ("gjekk", "en")]:
        langs = ("de", "en", "sr")
        assert models.LEXICON.zipfs(word, langs) == models.Lexicon.zipfs.__wrapped__(models.LEXICON, word, langs)
        assert models.LEXICON.zipfs(word, langs)[langs.index(lang)] == models.Lexicon().zipf(word, lang)
    # lingua's confidences differ in the last bits from one call to the next (on one detector
    # too: its sums run in hash order), so a kept detector is compared to a fresh one to 1e-12
    candidates = frozenset({"bs", "hr", "sl", "sr"})
    kept = models.LINGUA._raw("Sve vijesti danas", candidates)
    fresh = models.Lingua._detector.__wrapped__(candidates, True)
    assert kept == pytest.approx({c.language.iso_code_639_1.name.lower(): c.value
                                  for c in fresh.compute_language_confidence_values("Sve vijesti danas")},
                                 rel=1e-12, abs=1e-15)


def test_forget_drops_the_remembered_answers_and_gives_the_same_ones_again() -> None:
    fresh = detector.Detector()
    first = fresh.identify("Guten Morgen")
    assert first.lang == "de" and fresh._remembered.cache_info().currsize == 1
    fresh.forget()
    assert fresh._remembered.cache_info().currsize == 0
    assert fresh.identify("Guten Morgen") == first


def _body(*texts: str):
    from normalize.document import Block, Document

    doc = Document(id="d", blocks=[Block(text=t, role="body") for t in texts])
    doc.set_body()
    return doc


@pytest.mark.parametrize("texts, lang, asked", [
    # a long English article with a short German quotation: the two longest settle it
    ([_TEXTS[-1], _TEXTS[-1] + " Again.", "Die Regierung hat neue Gesetze beschlossen.", _TEXTS[-1][:120]], "en", 2),
    # nearly as many German letters as English ones: no block can be left out
    (["The council voted on Tuesday to close the old bridge.", "Der Stadtrat stimmte am Dienstag über die Brücke ab.",
      "The mayor spoke after the vote."], "en", 3),
])
def test_the_main_language_stops_once_the_leader_cannot_be_caught(texts, lang, asked, monkeypatch):
    from normalize.langid.stage import LanguageStage

    doc = _body(*texts)
    every = detector.main_language((identify(b.text), detector.count_letters(b.text)) for b in doc.blocks)
    seen = []
    original = detector.Detector.identify
    monkeypatch.setattr(detector.Detector, "identify",
                        lambda self, text, **kw: seen.append(text) or original(self, text, **kw))
    assert LanguageStage()._main_language(doc, LanguageStage().detector, set(), set()) == every == lang
    assert len(seen) == asked
