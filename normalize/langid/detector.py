"""Which language is this text in? Evidence from scripts, models and context, weighed.

1. The Unicode script settles many languages (Greek, Hangul, Thai…) and narrows the rest to
   candidates (Latin, Cyrillic, Arabic, Devanagari).
2. fastText answers alone when it is sure and no look-alike language could be meant.
3. Otherwise py3langid scores the candidates; unless it is sure on long text, or fairly sure
   and fastText agrees on a sentence, lingua's small models score a shortlist of them too;
   log-probabilities add up, weighted. On one to three words, how common the words are in
   each language (wordfreq's lists) counts too.
4. Within a few groups of look-alikes that no word list tells apart (the Bantu languages,
   Yoruba, Maori; Bokmål/Nynorsk on short text…), lingua's high-accuracy models share out the
   group's score.
5. The document's main language (``prior``) tips short, ambiguous text.
6. Look-alike languages are settled by marker words and letters, then by langdetect when the
   models are still close.

>>> detect_language("Заголовок открываемого материала")
'ru'
>>> detect_language("Israel and Russia intend to set up a working group.")
'en'
>>> detect_language("12 345 — https://example.com")
'und'
>>> identify("Kerajaan negeri bersetuju kerana wang itu cukup.").lang
'ms'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..document import UNDETERMINED
from .lookalikes import fits_alphabet, group_of, markers
from .models import FASTTEXT, LANGDETECT, LEXICON, LINGUA, LINGUA_HIGH, PY3LANGID, ModelLoadError
from ..unicode.scripts import CANDIDATES, dominant_script, script_counts

_URLS = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\w+")

_NEGLIGIBLE = 1e-3  # below this in every model, a language trails far behind the settled best
_FLOOR = 1e-4  # probability floor: one model's near-zero cannot veto the others
_WEIGHTS = {PY3LANGID: 1.0, LINGUA: 1.0, FASTTEXT: 0.3}
_FASTTEXT_SURE = 0.97  # fastText this sure of a language without look-alikes is right ~99.9%
_LONG = 40  # letters; from here a sure py3langid needs no third opinion
_PY3_SURE = 0.9
_AGREE = 20  # letters; from here fastText and a fairly sure py3langid agreeing need no third
_AGREE_PY3, _AGREE_FASTTEXT = 0.5, 0.3  # opinion: lingua rarely overrules two models at once
_SHORTLIST = 3  # best languages of each fast model that lingua is asked about
_MARKER_WEIGHT = 2.0  # log-odds per marker word or letter
_CLOSE = 3.0  # log-odds; look-alikes closer than this ask langdetect
_LANGDETECT_WEIGHT = 1.0
_PRIOR_WEIGHT = 3.0  # log-odds for the document's language on short text, up to twice that
_SHORT = 40  # letters
_EVIDENCE = 5000  # characters of a long text that are looked at
_WORDS = re.compile(r"[^\W\d_]+")
_FEW_WORDS = 3  # up to this many words, the lexicon weighs in
_LEXICON_WEIGHT = math.log(10)  # per word and Zipf unit: a word 10x as common, 10x as likely
_ZIPF_EXPECTED = 2.0  # a word of the language scores above this; one not in its list, 0
_IDEOGRAPHIC = {"Han", "Kana", "Hangul"}  # one character is a word
# Where lingua's high-accuracy models decide between look-alikes (on text of up to so many
# words; None: any): the small models confuse these, and the word lists know none of them, or
# only one side.
_HIGH_ACCURACY_GROUPS = (
    (frozenset("lg mi sn so st sw tn ts xh yo zu".split()), None),
    (frozenset({"nb", "nn"}), _FEW_WORDS),
    (frozenset({"af", "nl"}), _FEW_WORDS),
    (frozenset({"bs", "hr"}), _FEW_WORDS),
)
_PLAUSIBLE = 10.0  # log-odds behind the best: group members further behind are not asked about
# Answers remembered per process, for texts up to so many characters: menus, footers and other
# chrome repeat across the pages of a site (a third of the calls on the 90 dev article pages
# repeat an earlier one); 20,000 short texts are at most ~20 MB.
_REMEMBERED = 20_000
_REMEMBERED_LENGTH = 256


@dataclass(frozen=True)
class Guess:
    lang: str
    confidence: float


UNKNOWN = Guess(UNDETERMINED, 0.0)


def identify(text: str, *, prior: str | None = None) -> Guess:
    """The language of ``text`` with a confidence in [0, 1]; ``und`` when there is too little.

    ``prior`` is the language expected from context (the document's main language): short,
    ambiguous text that could be in it leans to it.

    >>> identify("Ok", prior="en").lang, identify("ok").lang
    ('en', 'und')
    """
    if len(text) <= _REMEMBERED_LENGTH:
        return _remembered(text, prior)
    return _answer(text, prior)


@lru_cache(maxsize=_REMEMBERED)
def _remembered(text: str, prior: str | None) -> Guess:
    return _answer(text, prior)


def _answer(text: str, prior: str | None) -> Guess:
    try:
        return _identify(text, prior)
    except ModelLoadError:  # a model that cannot load is said so, never answered around
        raise
    except Exception:  # noqa: BLE001 - a detector must answer for any string
        return UNKNOWN


def _identify(text: str, prior: str | None) -> Guess:
    if len(text) > _EVIDENCE:  # a few thousand characters settle it; megabytes only cost time
        cut = text.rfind(" ", 0, _EVIDENCE)
        text = text[: cut if cut > 0 else _EVIDENCE]
    if "://" in text or "www." in text or "@" in text:  # the pattern is slow on long tokens: only when it can match
        text = _URLS.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)
    counts = script_counts(text)
    letters = sum(counts.values())
    script = dominant_script(text, counts)
    if letters < 2 and script not in _IDEOGRAPHIC:
        return UNKNOWN
    candidates = CANDIDATES.get(script or "")
    if not candidates:
        return UNKNOWN
    if len(candidates) == 1:
        return Guess(next(iter(candidates)), 0.99)
    if letters < 3 and script == "Latin" and prior is None:
        return UNKNOWN  # two Latin letters say nothing without context
    if prior in candidates:
        text = _without_names(text)
        letters = sum(c.isalpha() for c in text)
        if letters < 3:
            return Guess(prior, 0.5)  # "TEL AVIV (Sputnik)": names say nothing of the language
    return _weigh(text, candidates, letters, prior)


def _without_names(text: str) -> str:
    """The words of ``text`` that are not capitalised: in a document, names (of people,
    places, brands) and title-case chrome are no evidence of a switch of language. The first
    word stays when lowercase words follow it: it is capitalised for starting the sentence.

    >>> _without_names("Yesterday Angela Merkel met Emmanuel Macron in Paris.")
    'Yesterday met in'
    >>> _without_names("Read more"), _without_names("Sputnik International")
    ('Read more', '')
    """
    words = _WORDS.findall(text)
    kept = [w for w in words[1:] if not w[0].isupper()]
    if words and (not words[0][0].isupper() or kept and not words[0].isupper()):
        kept.insert(0, words[0])
    return " ".join(kept)


def _weigh(text: str, candidates: frozenset[str], letters: int, prior: str | None) -> Guess:
    fasttext = FASTTEXT.probabilities(text, candidates)
    best = max(sorted(fasttext), key=fasttext.get, default=None)
    words = _WORDS.findall(text)
    # the lexicon weighs in where it can compare: with a list for one candidate only (Hindi,
    # not Marathi) it would only lean to that one
    compares = len(candidates & LEXICON.known) > 1
    lexicon = _lexicon_scores(words, candidates) if len(words) <= _FEW_WORDS and compares else {}
    if best and fasttext[best] >= _FASTTEXT_SURE and not lexicon and _no_rival(text, best, letters, prior):
        return Guess(best, round(fasttext[best], 4))
    py3 = PY3LANGID.probabilities(text, candidates)
    evidence = [(FASTTEXT, fasttext), (PY3LANGID, py3)]
    if _py3_settles(py3, fasttext, letters):
        candidates = _contenders(candidates, py3, fasttext, prior=prior)
    else:
        candidates = _shortlist(text, candidates, py3, fasttext, lexicon)
        evidence.append((LINGUA, LINGUA.probabilities(text, candidates)))
    scores = {lang: 0.0 for lang in candidates}
    for model, probabilities in evidence:
        _add(scores, probabilities, _WEIGHTS[model])
    for lang in scores.keys() & lexicon.keys():
        scores[lang] += lexicon[lang]
    # within-group shares first: done later, they would erase the context and the markers
    _reweigh_within_group(text, scores, len(words))
    if prior in scores and letters < _SHORT:
        scores[prior] += _PRIOR_WEIGHT * (2 - letters / _SHORT)  # the shorter, the more
    _settle_lookalikes(text, scores, letters)
    return _decide(scores)


def _py3_settles(py3: dict[str, float], fasttext: dict[str, float], letters: int) -> bool:
    """Whether py3langid is enough without lingua: sure on long text, or fairly sure on a
    sentence and fastText agrees; and no look-alike of its answer is unknown to it (Tswana,
    Tsonga beside Sotho…)."""
    best = max(sorted(py3), key=py3.get, default=None)
    if best is None or not group_of(best) <= PY3LANGID.known:
        return False
    if letters >= _LONG and py3[best] >= _PY3_SURE:
        return True
    return (letters >= _AGREE and py3[best] >= _AGREE_PY3
            and fasttext.get(best, 0.0) >= _AGREE_FASTTEXT
            and best == max(sorted(fasttext), key=fasttext.get))


def _contenders(candidates: frozenset[str], *rankings: dict[str, float],
                prior: str | None) -> frozenset[str]:
    """The candidates that could still win once the models have spoken: those some model gives
    a real chance, the look-alikes of each model's best (markers may still pick one), and the
    document's language; only languages some model knows (the others would tie with the best).
    The rest would only add a negligible share, and time."""
    chosen = {prior} if prior else set()
    known = set()
    for probabilities in rankings:
        ranked = sorted(probabilities, key=lambda lang: (-probabilities[lang], lang))
        if ranked:
            chosen |= group_of(ranked[0])
        chosen.update(ranked[:2])  # a runner-up, however far, for the confidence
        chosen.update(lang for lang in ranked[2:] if probabilities[lang] >= _NEGLIGIBLE)
        known |= probabilities.keys()
    return frozenset(chosen & known & candidates)


def _shortlist(text: str, candidates: frozenset[str], *rankings: dict[str, float]) -> frozenset[str]:
    """The candidates worth a closer look: the best few of each ranking, their look-alikes, and
    the languages the ranking models do not know whose alphabet fits the text (Maori; Tswana
    and Tsonga come with Sotho and the other look-alikes)."""
    chosen = {lang for lang in candidates - PY3LANGID.known if fits_alphabet(text, lang)}
    for probabilities in rankings:
        chosen.update(sorted(probabilities, key=lambda lang: -probabilities[lang])[:_SHORTLIST])
    for lang in list(chosen):
        chosen |= group_of(lang)
    return frozenset(chosen & candidates)


def _no_rival(text: str, best: str, letters: int, prior: str | None) -> bool:
    """Whether nothing argues against fastText's sure answer: the context agrees or the text is
    long, and the language has no look-alike, or (on long text) none has more markers."""
    if prior not in (None, best) and letters < _SHORT:
        return False
    group = group_of(best)
    if not group:
        return True
    found = markers(text, group)  # a marker may belong to several languages, best among them
    return letters >= _LONG and all(count <= found.get(best, 0) for count in found.values())


def _add(scores: dict[str, float], probabilities: dict[str, float], weight: float,
         only: set[str] | None = None) -> None:
    """Add a model's weighted log-probabilities (to the ``only`` languages, or all). A candidate
    the model does not know is scored like its closest look-alike the model knows (Tswana like
    Sotho), or like an average candidate when it has none."""
    if not probabilities:
        return
    average = 1 / len(probabilities)
    for lang in only or scores:
        p = probabilities.get(lang)
        if p is None:
            p = max((probabilities.get(g, 0.0) for g in group_of(lang)), default=0.0) or average
        scores[lang] += weight * math.log(p + _FLOOR)


def _lexicon_scores(words: list[str], candidates: frozenset[str]) -> dict[str, float]:
    """How common ``words`` are in each candidate language that has a word list, as log-odds
    against an ordinary word; the others (Nynorsk, Afrikaans, the Bantu languages…) are left
    out: no evidence for or against them.

    >>> scores = _lexicon_scores(["huis"], frozenset({"en", "nl", "af"}))
    >>> scores["nl"] > 0 > scores["en"], "af" in scores
    (True, False)
    """
    folded = [w.casefold() for w in words]
    return {lang: _LEXICON_WEIGHT * sum(LEXICON.zipf(w, lang) - _ZIPF_EXPECTED for w in folded)
            for lang in sorted(candidates & LEXICON.known)}


def _settle_lookalikes(text: str, scores: dict[str, float], letters: int) -> None:
    top, runner_up = sorted(scores, key=lambda lang: (-scores[lang], lang))[:2]
    group = group_of(top) & scores.keys()
    if not group:
        return
    for lang, count in markers(text, group).items():
        scores[lang] += _MARKER_WEIGHT * count
    top, runner_up = sorted(scores, key=lambda lang: (-scores[lang], lang))[:2]
    close = scores[top] - scores[runner_up] < _CLOSE and letters < _LONG  # long text: models suffice
    if close and {top, runner_up} <= group & LANGDETECT.known:
        votes = LANGDETECT.probabilities(text, frozenset(group))
        _add(scores, votes, _LANGDETECT_WEIGHT, only=group)


def _reweigh_within_group(text: str, scores: dict[str, float], words: int) -> None:
    """If the best language is in one of ``_HIGH_ACCURACY_GROUPS``, share the group's total
    score among its plausible members as lingua's high-accuracy models say: they decide within
    the group, the other evidence how likely the group is at all."""
    top = max(sorted(scores), key=scores.get)
    for group, most_words in _HIGH_ACCURACY_GROUPS:
        members = frozenset(lang for lang in group & scores.keys()
                            if scores[top] - scores[lang] < _PLAUSIBLE)
        if top in members and len(members) > 1 and (most_words is None or words <= most_words):
            probabilities = LINGUA_HIGH.probabilities(text, members)
            if not probabilities:
                return
            best = max(scores[lang] for lang in members)
            total = best + math.log(sum(math.exp(scores[lang] - best) for lang in members))
            for lang in members:
                scores[lang] = total + math.log(probabilities.get(lang, 0.0) + _FLOOR)
            return


def _decide(scores: dict[str, float]) -> Guess:
    """The best-scoring language; its confidence is its softmax share of the scores."""
    top = max(sorted(scores), key=scores.get)
    total = sum(math.exp(s - scores[top]) for s in scores.values())
    return Guess(top, round(1 / total, 4))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``und``. Never raises."""
    return identify(text).lang
