"""Split text into language-homogeneous spans.

Text is cut into pieces where a language switch usually shows: line breaks, sentence ends,
quotation marks, `` - `` between bilingual labels, and changes of script. Each piece gets a
language; short pieces lean to the text's (or document's) main language; pieces without letters
join the span before; neighbours in the same language merge. Spans partition the text and start
at a letter: glue (spaces, quotes, dashes) belongs to the span before.

>>> text = "Log in or register to post comments\\nПоследние новости недели"
>>> [(s.lang, text[s.start:s.end]) for s in detect_spans(text, prior="en")]
[('en', 'Log in or register to post comments\\n'), ('ru', 'Последние новости недели')]
>>> text = 'Er sagte: "The meeting is over." Dann ging er nach Hause.'
>>> [(s.lang, text[s.start:s.end]) for s in detect_spans(text)]
[('de', 'Er sagte: "'), ('en', 'The meeting is over." '), ('de', 'Dann ging er nach Hause.')]
"""

from __future__ import annotations

import re

from ..document import UNDETERMINED, Span
from ..unicode.scripts import script_of
from ..unicode.words import SENTENCE_CLOSERS, SENTENCE_MARKS
from .config import LanguageConfig
from .detector import Detector, Guess, count_letters, detector_for, main_language

# Where a piece may end: line breaks, sentence ends, quotation marks, a spaced dash.
_CUTS = re.compile(
    r"\n+"
    rf"|(?<=[{re.escape(SENTENCE_MARKS)}])[{re.escape(SENTENCE_CLOSERS)}]*\s+"
    r"|[«»“”„\"]+\s*"
    r"|\s+[-–—]+\s+"
)
_SCRIPT_NEUTRAL = frozenset({"Han", "Kana"})  # Japanese mixes them within a word


def detect_spans(text: str, *, prior: str | None = None, detector: Detector | None = None) -> list[Span]:
    """Language spans partitioning ``text`` (offsets into it), each with a confidence.

    ``prior`` is the document's main language; without it the text's own main language (by
    letters) is the context for short pieces. ``detector``: the default one when None. Raises
    what :meth:`Detector.identify` raises (a model that cannot load, a model's failure):
    nothing is answered around.
    """
    return spans_of_many([text], prior=prior, detector=detector)[0]


def spans_of_many(texts: list[str], *, prior: str | None = None,
                  detector: Detector | None = None) -> list[list[Span]]:
    """:func:`detect_spans` of each of ``texts`` (a document's blocks), their pieces
    identified as one batch (:meth:`Detector.identify_many`): the same spans, one text at a
    time or together.

    >>> texts = ["Read more", "Die Regierung hat neue Gesetze beschlossen. Read more"]
    >>> [[s.lang for s in spans] for spans in spans_of_many(texts, prior="de")]
    [['en'], ['de', 'en']]
    >>> spans_of_many(texts, prior="de") == [detect_spans(t, prior="de") for t in texts]
    True
    """
    detector = detector or detector_for(LanguageConfig())
    cut = [[(start, end, count_letters(text[start:end])) for start, end in _pieces(text)] if text else []
           for text in texts]
    guesses = iter(detector.identify_many(
        [text[start:end] for text, pieces in zip(texts, cut) for start, end, letters in pieces if letters],
        prior=prior))
    return [_spans(text, pieces, [next(guesses) if letters else None for _, _, letters in pieces],
                   prior, detector)
            for text, pieces in zip(texts, cut)]


def _spans(text: str, pieces: list[tuple[int, int, int]], guesses: list[Guess | None],
           prior: str | None, detector: Detector) -> list[Span]:
    """The spans of ``text`` from its pieces (start, end, letters) and their guesses."""
    thin = detector.config.thin_piece_letters
    context = prior or main_language(
        ((guess, letters) for (_, _, letters), guess in zip(pieces, guesses)), at_least=thin)
    spans: list[Span] = []
    for (start, end, letters), guess in zip(pieces, guesses):
        if guess is not None and letters < thin and context and not prior:
            guess = detector.identify(text[start:end], prior=context)
        _append(spans, start, end, guess)
    if spans and spans[0].start > 0:
        spans[0].start = 0
    return spans


def _append(spans: list[Span], start: int, end: int, guess: Guess | None) -> None:
    """Add a piece: glue and "don't know" extend the span before, the same language merges."""
    if guess is None or guess.lang == UNDETERMINED:
        if spans:
            spans[-1].end = end
        else:
            spans.append(Span(start, end, UNDETERMINED, 0.0))
        return
    if spans and spans[-1].lang == guess.lang:
        spans[-1].end = end
        spans[-1].confidence = max(spans[-1].confidence, guess.confidence)
    elif spans and spans[-1].lang == UNDETERMINED:
        spans[-1] = Span(spans[-1].start, end, guess.lang, guess.confidence)
    else:
        spans.append(Span(start, end, guess.lang, guess.confidence))


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) pieces partitioning ``text``, each starting at a letter (or at 0): cut at
    :data:`_CUTS` and where the script of letters changes."""
    starts = {0}
    for match in _CUTS.finditer(text):
        starts.add(match.end())
    starts.update(_script_changes(text))
    ordered = sorted(s for s in starts if s < len(text))
    return list(zip(ordered, ordered[1:] + [len(text)]))


def _script_changes(text: str) -> list[int]:
    """Starts of the words whose script differs from the letters before them."""
    scripts = {script_of(char) for char in set(text)} - {None, "Other"}
    if len(scripts) < 2 or scripts <= _SCRIPT_NEUTRAL:
        return []  # one script (or kana and kanji): no change to look for
    return _script_changes_by_letter(text)


def _script_changes_by_letter(text: str) -> list[int]:
    """:func:`_script_changes`, letter by letter."""
    changes = []
    current = None
    word_start = 0
    for i, char in enumerate(text):
        if not char.isalnum():
            word_start = i + 1
            continue
        script = script_of(char)
        if script is None or script == "Other":
            continue
        if current is not None and script != current and not {script, current} <= _SCRIPT_NEUTRAL:
            # inside a word (CJK text has no spaces) the cut is at the character itself
            inside = _script_of_run(text, word_start, i) == current
            changes.append(i if inside else word_start)
        current = script
    return changes


def _script_of_run(text: str, start: int, end: int) -> str | None:
    for char in text[start:end]:
        script = script_of(char)
        if script and script != "Other":
            return script
    return None
