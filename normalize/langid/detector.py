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

>>> detect_language("Последние новости недели")
'ru'
>>> detect_language("Israel and Russia intend to set up a working group.")
'en'
>>> detect_language("12 345 — https://example.com"), detect_language("ok")
('zxx', 'und')
>>> identify("Kerajaan negeri bersetuju kerana wang itu cukup.").lang
'ms'
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..document import NO_LANGUAGE, UNDETERMINED
from ..unicode.scripts import CANDIDATES, dominant_script, script_counts
from .models import FASTTEXT, LANGDETECT, LEXICON, LINGUA, LINGUA_HIGH, PY3LANGID
from .config import LanguageConfig
from .lookalikes import UNACCENTED_LOOKALIKES, fits_alphabet, group_of, markers
from .shapes import mask

_LETTER_RUNS = re.compile(r"[^\W\d_]+")  # words, as runs of letters
_IDEOGRAPHIC = {"Han", "Kana", "Hangul"}  # one character is a word


@dataclass(frozen=True)
class Guess:
    lang: str
    confidence: float


UNKNOWN = Guess(UNDETERMINED, 0.0)
#: Text without a letter once identifiers are blanked (numbers, symbols, URLs): no language.
NO_CONTENT = Guess(NO_LANGUAGE, 1.0)


def count_letters(text: str) -> int:
    """The letters of ``text`` (characters ``str.isalpha`` says are letters).

    >>> count_letters("Ok, Москва! 2024")
    8
    """
    return sum(map(str.isalpha, text))


def main_language(guesses: Iterable[tuple[Guess | None, int]], *, at_least: int = 0) -> str | None:
    """The language holding most letters among ``(guess, letters)`` pairs, counting only those
    of at least ``at_least`` letters and a language (not ``und``, not ``zxx``); None when there
    is none. Ties go to the language met first.

    >>> main_language([(Guess("en", 0.9), 30), (Guess("de", 0.8), 20), (Guess("de", 0.7), 15)])
    'de'
    >>> main_language([(Guess("fr", 0.9), 5), (None, 40), (UNKNOWN, 40)], at_least=12) is None
    True
    """
    letters: Counter[str] = Counter()
    for guess, count in guesses:
        if guess is not None and guess.lang not in (UNDETERMINED, NO_LANGUAGE) and count >= at_least:
            letters[guess.lang] += count
    return letters.most_common(1)[0][0] if letters else None


class WordEvidence(NamedTuple):
    """What the word lists say of a piece's words, in another language (``lang``) against the
    document's (``prior``): :meth:`Detector.word_evidence`."""

    #: The sum of the words' Zipf differences, ``lang``'s minus ``prior``'s.
    lead: float
    #: The share of their letters in words more common in ``prior``, counting a word's letters
    #: beyond its first two (one- and two-letter words are everyone's: "na", "le", "ho" are in
    #: English's list too).
    home_share: float
    #: Whether every one of three letters or more is an ordinary word of ``prior``
    #: (:attr:`LanguageConfig.common_zipf`).
    all_common_at_home: bool


class Detector:
    """Language identification weighed as :attr:`config` says, over the process's models
    (:mod:`~normalize.langid.models`: each loads on first use, once a process, and a load that
    fails raises :class:`~normalize.langid.models.ModelLoadError` on every use).

    Short texts' answers are remembered (a bounded cache of :attr:`LanguageConfig.remembered`
    answers): repeated menus and footers are identified once. Nothing is answered around: an
    exception in a model or in the weighing reaches the caller (the language stage counts it
    and notes it on the document).

    >>> detector = detector_for(LanguageConfig())
    >>> detector.identify("Israel and Russia intend to set up a working group.").lang
    'en'
    >>> detector is detector_for(LanguageConfig())
    True
    """

    # Where lingua's high-accuracy models decide between look-alikes (on text of up to
    # ``config.few_words`` words when marked so; else on any): the small models confuse these,
    # and the word lists know none of them, or only one side. Bosnian/Croatian at any length:
    # on the dev sentences (lines 1-200) Bosnian 0.34 -> 0.45, Croatian 0.93 -> 0.94; on lines
    # 201-500 0.40 -> 0.47 and 0.92 -> 0.90. Malay/Indonesian and Bokmål/Nynorsk at any length lost
    # more than they gained on the dev sentences (Indonesian 0.92 -> 0.83, Bokmål 0.91 -> 0.83).
    HIGH_ACCURACY_GROUPS = (
        (frozenset("lg mi sn so st sw tn ts xh yo zu".split()), False),
        (frozenset({"nb", "nn"}), True),
        (frozenset({"af", "nl"}), True),
        (frozenset({"bs", "hr"}), False),
    )

    def __init__(self, config: LanguageConfig | None = None) -> None:
        self.config = config or LanguageConfig()
        self._weights = {PY3LANGID: self.config.py3langid_weight,
                         LINGUA: self.config.lingua_weight,
                         FASTTEXT: self.config.fasttext_weight}
        self._remembered = lru_cache(maxsize=self.config.remembered)(self.answer)

    def forget(self) -> None:
        """Drop the remembered answers (a benchmark's fresh pass; a service freeing memory)."""
        self._remembered.cache_clear()

    def identify(self, text: str, *, prior: str | None = None) -> Guess:
        """The language of ``text`` with a confidence in [0, 1]; ``und`` when there is too
        little. ``prior`` is the language expected from context (the document's main
        language): short, ambiguous text that could be in it leans to it. Short texts are
        answered from the cache when seen before (the same :class:`Guess`)."""
        if len(text) <= self.config.remembered_length:
            return self._remembered(text, prior)
        return self.answer(text, prior)

    def identify_many(self, texts: Iterable[str], *, prior: str | None = None) -> list[Guess]:
        """:meth:`identify` of each of ``texts`` (a document's segments), identical texts
        identified once: the same guesses as one at a time.

        >>> detector = Detector()
        >>> texts = ["Read more", "Lire la suite", "Read more"]
        >>> detector.identify_many(texts) == [detector.identify(t) for t in texts]
        True
        """
        found: dict[str, Guess] = {}
        guesses = []
        for text in texts:
            guess = found.get(text)
            if guess is None:
                guess = found[text] = self.identify(text, prior=prior)
            guesses.append(guess)
        return guesses

    def answer(self, text: str, prior: str | None = None) -> Guess:
        """:meth:`identify` without the cache."""
        config = self.config
        if len(text) > config.evidence_chars:  # a few thousand characters settle it
            cut = text.rfind(" ", 0, config.evidence_chars)
            text = text[: cut if cut > 0 else config.evidence_chars]
        given = text
        text = unicodedata.normalize("NFKC", mask(text))  # URLs, identifiers, code tokens: no words
        counts = script_counts(text)
        letters = sum(counts.values())
        if not letters and given.strip():
            return NO_CONTENT
        script = dominant_script(text, counts)
        if letters < config.min_letters and script not in _IDEOGRAPHIC:
            return UNKNOWN
        candidates = CANDIDATES.get(script or "")
        if not candidates:
            return UNKNOWN
        if len(candidates) == 1:
            return Guess(next(iter(candidates)), config.script_confidence)
        if letters < config.min_latin_letters_alone and script == "Latin" and prior is None:
            return UNKNOWN  # two Latin letters say nothing without context
        if prior in candidates:
            text = without_names(text)
            letters = count_letters(text)
            if letters < config.names_only_letters:
                # "TEL AVIV (Sputnik)": names say nothing of the language
                return Guess(prior, config.names_only_confidence)
        return self._weigh(text, candidates, letters, prior)

    def _weigh(self, text: str, candidates: frozenset[str], letters: int, prior: str | None) -> Guess:
        config = self.config
        fasttext = FASTTEXT.probabilities(text, candidates)
        best = max(sorted(fasttext), key=fasttext.get, default=None)
        words = _LETTER_RUNS.findall(text)
        # the lexicon weighs in where it can compare: with a list for one candidate only (Hindi,
        # not Marathi) it would only lean to that one
        compares = len(candidates & LEXICON.known) > 1
        lexicon = self._lexicon_scores(words, candidates) if len(words) <= config.few_words and compares else {}
        if (best and fasttext[best] >= config.fasttext_sure and not lexicon
                and self._no_rival(text, best, letters, prior)):
            return Guess(best, round(fasttext[best], 4))
        py3 = PY3LANGID.probabilities(text, candidates)
        evidence = [(FASTTEXT, fasttext), (PY3LANGID, py3)]
        if self._py3_settles(py3, fasttext, letters):
            candidates = self._contenders(candidates, py3, fasttext, prior=prior)
        else:
            candidates = self._shortlist(text, candidates, py3, fasttext, lexicon)
            evidence.append((LINGUA, LINGUA.probabilities(text, candidates)))
        scores = {lang: 0.0 for lang in candidates}
        for model, probabilities in evidence:
            self._add(scores, probabilities, self._weights[model])
        for lang in scores.keys() & lexicon.keys():
            scores[lang] += lexicon[lang]
        # within-group shares first: done later, they would erase the context and the markers
        self._reweigh_within_group(text, scores, len(words))
        if prior in scores and letters < config.prior_letters:
            scores[prior] += config.prior_weight * (2 - letters / config.prior_letters)  # the shorter, the more
        self._settle_lookalikes(text, scores, letters)
        return _decide(scores)

    def _py3_settles(self, py3: dict[str, float], fasttext: dict[str, float], letters: int) -> bool:
        """Whether py3langid is enough without lingua: sure on long text, or fairly sure on a
        sentence and fastText agrees; and no look-alike of its answer is unknown to it (Tswana,
        Tsonga beside Sotho…)."""
        config = self.config
        best = max(sorted(py3), key=py3.get, default=None)
        if best is None or not group_of(best) <= PY3LANGID.known:
            return False
        if letters >= config.long_text_letters and py3[best] >= config.py3langid_sure:
            return True
        return (letters >= config.agree_letters and py3[best] >= config.agree_py3langid
                and fasttext.get(best, 0.0) >= config.agree_fasttext
                and best == max(sorted(fasttext), key=fasttext.get))

    def _contenders(self, candidates: frozenset[str], *rankings: dict[str, float],
                    prior: str | None) -> frozenset[str]:
        """The candidates that could still win once the models have spoken: those some model
        gives a real chance, the look-alikes of each model's best (markers may still pick one),
        and the document's language; only languages some model knows (the others would tie with
        the best). The rest would only add a negligible share, and time."""
        chosen = {prior} if prior else set()
        known = set()
        for probabilities in rankings:
            ranked = sorted(probabilities, key=lambda lang: (-probabilities[lang], lang))
            if ranked:
                chosen |= group_of(ranked[0])
            chosen.update(ranked[:2])  # a runner-up, however far, for the confidence
            chosen.update(lang for lang in ranked[2:] if probabilities[lang] >= self.config.negligible)
            known |= probabilities.keys()
        return frozenset(chosen & known & candidates)

    def _shortlist(self, text: str, candidates: frozenset[str], *rankings: dict[str, float]) -> frozenset[str]:
        """The candidates worth a closer look: the best few of each ranking, their look-alikes,
        and the languages the ranking models do not know whose alphabet fits the text (Maori;
        Tswana and Tsonga come with Sotho and the other look-alikes)."""
        chosen = {lang for lang in candidates - PY3LANGID.known
                  if fits_alphabet(text, lang, self.config.alphabet_share)}
        for probabilities in rankings:
            chosen.update(sorted(probabilities, key=lambda lang: -probabilities[lang])[:self.config.shortlist])
        for lang in list(chosen):
            chosen |= group_of(lang)
        return frozenset(chosen & candidates)

    def _no_rival(self, text: str, best: str, letters: int, prior: str | None) -> bool:
        """Whether nothing argues against fastText's sure answer: the context agrees or the text
        is long, and the language has no look-alike, or (on long text) none has more markers."""
        if prior not in (None, best) and letters < self.config.prior_letters:
            return False
        group = group_of(best)
        if not group:
            return True
        found = markers(text, group)  # a marker may belong to several languages, best among them
        return (letters >= self.config.long_text_letters
                and all(count <= found.get(best, 0) for count in found.values()))

    def _add(self, scores: dict[str, float], probabilities: dict[str, float], weight: float,
             only: set[str] | None = None) -> None:
        """Add a model's weighted log-probabilities (to the ``only`` languages, or all). A
        candidate the model does not know is scored like its closest look-alike the model knows
        (Tswana like Sotho), or like an average candidate when it has none."""
        if not probabilities:
            return
        average = 1 / len(probabilities)
        floor = self.config.probability_floor
        for lang in only or scores:
            p = probabilities.get(lang)
            if p is None:
                p = max((probabilities.get(g, 0.0) for g in group_of(lang)), default=0.0) or average
            scores[lang] += weight * math.log(p + floor)

    def _lexicon_scores(self, words: list[str], candidates: frozenset[str]) -> dict[str, float]:
        """How common ``words`` are in each candidate language that has a word list, as log-odds
        against an ordinary word; the others (Nynorsk, Afrikaans, the Bantu languages…) are left
        out: no evidence for or against them.

        >>> scores = Detector()._lexicon_scores(["huis"], frozenset({"en", "nl", "af"}))
        >>> scores["nl"] > 0 > scores["en"], "af" in scores
        (True, False)
        """
        config = self.config
        langs = tuple(sorted(candidates & LEXICON.known))
        rows = [LEXICON.zipfs(w.casefold(), langs) for w in words]
        return {lang: config.lexicon_weight * sum(row[i] - config.zipf_expected for row in rows)
                for i, lang in enumerate(langs)}

    def word_evidence(self, words: list[str], lang: str, prior: str) -> WordEvidence | None:
        """How much more common ``words`` are in ``lang`` than in ``prior`` (the document's
        language), by the word lists (:class:`WordEvidence`), each distinct word once. A
        language without a list counts each word as an ordinary one
        (:attr:`LanguageConfig.zipf_expected`). None when neither language has a list.

        >>> Detector().word_evidence(["garage"], "fr", "en").lead < 2 < Detector().word_evidence(["molto", "bella"], "it", "en").lead
        True
        >>> Detector().word_evidence(["comment", "rate", "points"], "fr", "en").all_common_at_home
        True
        """
        known = LEXICON.known
        if lang not in known and prior not in known:
            return None
        config = self.config
        langs = tuple(x for x in (lang, prior) if x in known)
        total, at_home, weight, common, long_runs = 0.0, 0, 0, 0, 0
        for run in sorted({run for word in words for run in _LETTER_RUNS.findall(word.casefold())}):
            row = dict(zip(langs, LEXICON.zipfs(run, langs)))
            theirs, ours = row.get(lang, config.zipf_expected), row.get(prior, config.zipf_expected)
            total += theirs - ours
            at_home += max(len(run) - 2, 0) * (ours > theirs)
            weight += max(len(run) - 2, 0)
            if len(run) > 2:
                long_runs += 1
                common += prior in known and ours >= config.common_zipf
        return WordEvidence(total, at_home / weight if weight else 1.0, long_runs > 0 and common == long_runs)

    def _settle_lookalikes(self, text: str, scores: dict[str, float], letters: int) -> None:
        config = self.config
        top, runner_up = sorted(scores, key=lambda lang: (-scores[lang], lang))[:2]
        group = group_of(top) & scores.keys()
        if not group:
            return
        found = markers(text, group)
        for lang, count in found.items():
            scores[lang] += config.marker_weight * count
        if len(found) == 1 and group <= UNACCENTED_LOOKALIKES and text.isascii():
            # typed without its diacritics: the n-grams are off their training, the words decide
            marked = next(iter(found))
            scores[marked] = max(scores.values()) + config.marker_weight * found[marked]
        top, runner_up = sorted(scores, key=lambda lang: (-scores[lang], lang))[:2]
        # long text: the models suffice
        close = scores[top] - scores[runner_up] < config.close_log_odds and letters < config.long_text_letters
        if close and {top, runner_up} <= group & LANGDETECT.known:
            votes = LANGDETECT.probabilities(text, frozenset(group))
            self._add(scores, votes, config.langdetect_weight, only=group)

    def _reweigh_within_group(self, text: str, scores: dict[str, float], words: int) -> None:
        """If the best language is in one of :attr:`HIGH_ACCURACY_GROUPS`, share the group's
        total score among its plausible members as lingua's high-accuracy models say: they
        decide within the group, the other evidence how likely the group is at all."""
        config = self.config
        top = max(sorted(scores), key=scores.get)
        for group, short_text_only in self.HIGH_ACCURACY_GROUPS:
            members = frozenset(lang for lang in group & scores.keys()
                                if scores[top] - scores[lang] < config.plausible_log_odds)
            if top in members and len(members) > 1 and (not short_text_only or words <= config.few_words):
                probabilities = LINGUA_HIGH.probabilities(text, members)
                if not probabilities:
                    return
                best = max(scores[lang] for lang in members)
                total = best + math.log(sum(math.exp(scores[lang] - best) for lang in members))
                for lang in members:
                    scores[lang] = total + math.log(probabilities.get(lang, 0.0) + config.probability_floor)
                return


def content_words(text: str) -> list[str]:
    """The words of ``text`` (whitespace tokens with a letter) that are not names: in a
    document, names (of people, places, brands, products), initials and title-case chrome are no
    evidence of a switch of language. A word with a capital letter anywhere is a name, but the
    first word when the next one is not: it is capitalised for starting the sentence; one or two
    particles between names belong to the name ("van der", "du", "de la", :data:`_PARTICLES`).

    >>> content_words("Yesterday Angela Merkel met Emmanuel Macron in Paris.")
    ['met', 'in']
    >>> content_words("Pieter van der Berg and Anne du Pont"), content_words("Institut de Recherche")
    (['and'], [])
    >>> content_words("Okafor CN, Lindqvist B, de Houten R."), content_words("Die Katze schläft.")
    (['de'], ['schläft.'])
    """
    tokens = [t for t in text.split() if any(map(str.isalpha, t))]
    named = [any(map(str.isupper, t)) for t in tokens]
    for start in range(1, len(tokens) - 1):  # particles inside a name: van der, du, de la, bin
        if named[start - 1] and not named[start] and tokens[start - 1][-1].isalpha():
            end = start
            while end < len(tokens) and end - start < 2 and not named[end] and tokens[end] in _PARTICLES:
                end += 1
            if start < end < len(tokens) and named[end]:
                named[start:end] = [True] * (end - start)
    if tokens and named[0] and _title_case(tokens[0]) and (
            len(tokens) > 1 and not named[1] or _ELISION.search(tokens[0])):
        named[0] = False
    return [t for t, name in zip(tokens, named) if not name]


#: Words that join the parts of a name (of people, places, institutions) in the languages of
#: Europe and Arabic: between two capitalised words they are the name's, not evidence.
_PARTICLES = frozenset("van der den de du des la le di da del della dei degli dos das do von zu zum zur "
                       "al el bin ibn ben ter ten y e et und".split())


_ELISION = re.compile(r"^\W*[^\W\d_]{1,3}['’][^\W\d_]{2,}")  # L'homme, All’incontro: a sentence's start


def _title_case(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return letters[0].isupper() and not any(map(str.isupper, letters[1:]))


def without_names(text: str) -> str:
    """``text``'s :func:`content_words`, joined by spaces.

    >>> without_names("Read more"), without_names("Sputnik International"), without_names("Okonkwo’s.")
    ('Read more', '', '')
    >>> without_names("Aurora X15 Gen 2 (15″ Ryzen) Studio Laptop")
    ''
    """
    return " ".join(content_words(text))


def _decide(scores: dict[str, float]) -> Guess:
    """The best-scoring language; its confidence is its softmax share of the scores."""
    top = max(sorted(scores), key=scores.get)
    total = sum(math.exp(s - scores[top]) for s in scores.values())
    return Guess(top, round(1 / total, 4))


@lru_cache(maxsize=None)
def detector_for(config: LanguageConfig) -> Detector:
    """The process's detector for ``config``: built on first use, then shared (its remembered
    answers too) by the language stage and the functions below."""
    return Detector(config)


def identify(text: str, *, prior: str | None = None) -> Guess:
    """The language of ``text`` with a confidence in [0, 1]; ``und`` when there is too little
    (the default detector's :meth:`Detector.identify`).

    ``prior`` is the language expected from context (the document's main language): short,
    ambiguous text that could be in it leans to it. Raises
    :class:`~normalize.langid.models.ModelLoadError` when a model cannot load, and any other
    exception a model raises: nothing is answered around.

    >>> identify("Ok", prior="en").lang, identify("ok").lang
    ('en', 'und')
    """
    return detector_for(LanguageConfig()).identify(text, prior=prior)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``und`` (see :func:`identify`)."""
    return identify(text).lang
