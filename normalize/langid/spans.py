"""Split text into language-homogeneous spans.

Text is cut into pieces where a language switch usually shows: line breaks, sentence ends,
quotation marks, `` - `` between bilingual labels, and changes of script. A line of code is a
piece of its own, in no language (``zxx``, see :mod:`~normalize.langid.shapes`); a bibliography
entry is not cut at its periods. Each piece gets a language, weighed without its identifiers
(URLs, DOIs, file names, code tokens); short pieces lean to the text's (or document's) main
language; pieces without letters join the span before, and a text that is nothing else is
``zxx``; neighbours in the same language merge. Spans partition the text and start at a letter:
glue (spaces, quotes, dashes) belongs to the span before.

Inside a document (``prior``), another language needs strong evidence: names, initials and
capitalised runs say nothing; a piece stands in another script, or as a clause of
:attr:`~normalize.langid.config.LanguageConfig.clause_words` words that are not mostly the
document's (nor all ordinary words of it), or as a phrase whose words are much more common in the
other language, or as a whole sentence the models are sure of in a language without a word list.

>>> text = "Log in or register to post comments\\nПоследние новости недели"
>>> [(s.lang, text[s.start:s.end]) for s in detect_spans(text, prior="en")]
[('en', 'Log in or register to post comments\\n'), ('ru', 'Последние новости недели')]
>>> text = 'Er sagte: "The meeting is over." Dann ging er nach Hause.'
>>> [(s.lang, text[s.start:s.end]) for s in detect_spans(text)]
[('de', 'Er sagte: "'), ('en', 'The meeting is over." '), ('de', 'Dann ging er nach Hause.')]
>>> text = "Declare it like this:\\nlet mut total = 0;"
>>> [(s.lang, text[s.start:s.end]) for s in detect_spans(text, prior="en")]
[('en', 'Declare it like this:\\n'), ('zxx', 'let mut total = 0;')]
"""

from __future__ import annotations

import re

from ..document import NO_LANGUAGE, UNDETERMINED, Span
from ..unicode.scripts import CANDIDATES, dominant_script, script_of
from ..unicode.words import SENTENCE_CLOSERS, SENTENCE_MARKS
from .config import LanguageConfig
from .detector import Detector, Guess, content_words, count_letters, detector_for, main_language
from .lookalikes import group_of
from .models import LEXICON
from .shapes import is_citation, is_code_line, mask

_QUOTES = "«»“”„\""
# Where a piece may end inside a line: sentence ends, quotation marks, a spaced dash.
_CUTS = re.compile(
    rf"(?<=[{re.escape(SENTENCE_MARKS)}])[{re.escape(SENTENCE_CLOSERS)}]*\s+"
    rf"|[{_QUOTES}]+\s*"
    r"|\s+[-–—]+\s+"
)
_DASH_END = re.compile(r"\s[-–—]+\s*$")  # a piece that ends at the spaced dash of _CUTS
_LINES = re.compile(r"[^\n]*\n*")
# A period that ends an initial (J., KT.) or a Latin abbreviation of references, not a sentence.
_NOT_AN_END = re.compile(r"(?:^|[\s(])(?:[A-Z]{1,2}|[A-Z]\.[A-Z]|et al|e\.g|i\.e|cf|vs)\.$")
_SCRIPT_NEUTRAL = frozenset({"Han", "Kana"})  # Japanese mixes them within a word

_CODE, _TEXT = True, False  # a piece's kind: a line of code, or text to identify


def detect_spans(text: str, *, prior: str | None = None, detector: Detector | None = None) -> list[Span]:
    """Language spans partitioning ``text`` (offsets into it), each with a confidence.

    ``prior`` is the document's main language; without it the text's own main language (by
    letters) is the context for short pieces. ``detector``: the default one when None. Raises
    what :meth:`Detector.identify` raises (a model that cannot load, a model's failure):
    nothing is answered around.
    """
    return spans_of_many([text], prior=prior, detector=detector)[0]


def spans_of_many(texts: list[str], *, prior: str | None = None, detector: Detector | None = None,
                  pieces: list[list[tuple[int, int, bool, str]]] | None = None) -> list[list[Span]]:
    """:func:`detect_spans` of each of ``texts`` (a document's blocks), their pieces
    identified as one batch (:meth:`Detector.identify_many`): the same spans, one text at a
    time or together. ``pieces``: each text's :func:`pieces_of`, when already cut.

    >>> texts = ["Read more", "Die Regierung hat neue Gesetze beschlossen. Read more"]
    >>> [[s.lang for s in spans] for spans in spans_of_many(texts, prior="de")]
    [['en'], ['de', 'en']]
    >>> spans_of_many(texts, prior="de") == [detect_spans(t, prior="de") for t in texts]
    True
    """
    detector = detector or detector_for(LanguageConfig())
    if pieces is None:
        pieces = [pieces_of(text) for text in texts]
    cut = [[(start, end, kind, masked, count_letters(masked)) for start, end, kind, masked in found]
           if text else [] for text, found in zip(texts, pieces)]
    guesses = iter(detector.identify_many(
        [masked for block in cut for _, _, kind, masked, letters in block if kind == _TEXT and letters],
        prior=prior))
    return [_spans(text, block, [next(guesses) if kind == _TEXT and letters else None
                                 for _, _, kind, _, letters in block], prior, detector)
            for text, block in zip(texts, cut)]


def whole_code_span(text: str, detector: Detector | None = None) -> list[Span]:
    """The spans of a block that is code as a whole (a ``<pre>`` listing): one, ``zxx``."""
    config = (detector or detector_for(LanguageConfig())).config
    return [Span(0, len(text), NO_LANGUAGE, config.code_confidence)] if text else []


def language_text(text: str, pieces: list[tuple[int, int, bool, str]] | None = None) -> str:
    """``text`` as language is weighed in it: its code lines and identifiers blanked (same
    length). ``pieces``: its :func:`pieces_of`, when already cut.

    >>> language_text("Run it:\\nx = f(1);\\nsee https://example.org")
    'Run it:\\n         \\nsee                    '
    """
    return "".join(masked if kind == _TEXT else re.sub(r"[^\n]", " ", text[start:end])
                   for start, end, kind, masked in (pieces_of(text) if pieces is None else pieces))


def _spans(text: str, pieces: list[tuple[int, int, bool, str, int]], guesses: list[Guess | None],
           prior: str | None, detector: Detector) -> list[Span]:
    """The spans of ``text`` from its pieces (start, end, kind, masked text, letters) and their
    guesses."""
    config = detector.config
    thin = config.thin_piece_letters
    context = prior or main_language(
        ((guess, letters) for (_, _, _, _, letters), guess in zip(pieces, guesses)), at_least=thin)
    decided: list[Guess | None] = []
    for (_, _, kind, masked, letters), guess in zip(pieces, guesses):
        if kind == _CODE:
            guess = Guess(NO_LANGUAGE, config.code_confidence)
        elif guess is not None and letters < thin and context and not prior:
            guess = detector.identify(masked, prior=context)
        decided.append(guess)
    if prior:
        decided = _in_document(pieces, decided, prior, detector)
    spans: list[Span] = []
    for (start, end, *_), guess in zip(pieces, decided):
        _append(spans, start, end, guess)
    if spans and spans[0].start > 0:
        spans[0].start = 0
    for span in spans:
        if span.lang == _NAMES:  # nothing but names: the document's
            span.lang, span.confidence = prior, config.names_only_confidence
    if len(spans) == 1 and spans[0].lang == UNDETERMINED and not any(guesses) and not text.isspace():
        spans[0] = Span(0, len(text), NO_LANGUAGE, 1.0)  # glue only: digits, symbols, identifiers
    return spans


_NAMES = "names"  # a piece of names only, inside a document: it joins its neighbours (never output)
_STANDS, _WEAK = "stands", "weak"
_HOME = "home"  # a short piece in the document's language: its neighbours may say otherwise


def _in_document(pieces: list[tuple[int, int, bool, str, int]], guesses: list[Guess | None],
                 prior: str, detector: Detector) -> list[Guess | None]:
    """The guesses of a document's block once its language (``prior``) has had its say: a
    piece of names only joins its neighbours (:data:`_NAMES`); a piece in another language
    stands when :func:`_judge` says so, or when it is weak but next to a piece that stands in
    the same language (the words after a quotation mark inside a foreign sentence), and a
    short piece the models give the document's language takes the language of the foreign
    pieces on both sides of it (``„Bluetooth“`` inside a Lithuanian sentence); else it is the
    document's."""
    config = detector.config
    verdicts: list[str | None] = []
    langs: list[str | None] = []
    for (_, _, kind, masked, _), guess in zip(pieces, guesses):
        langs.append(guess.lang if guess is not None else None)
        if kind == _CODE or guess is None or guess.lang in (UNDETERMINED, NO_LANGUAGE):
            verdicts.append(None)
        elif guess.lang == prior:
            words = _words(masked)
            verdicts.append(_NAMES if not words else _HOME if len(words) < config.clause_words else None)
        else:
            verdicts.append(_judge(masked, guess, prior, detector))
    # the pieces that have a say about their neighbours: all but glue, code and names
    order = [i for i, v in enumerate(verdicts) if v != _NAMES and (
        v is not None or langs[i] == prior and pieces[i][2] == _TEXT)]
    changed = True
    while changed:  # each pass settles a piece more; at most one pass a piece
        changed = False
        for place, i in enumerate(order):
            sides = [order[j] for j in (place - 1, place + 1) if 0 <= j < len(order)]
            if verdicts[i] == _WEAK and any(verdicts[j] == _STANDS and langs[j] == langs[i] for j in sides):
                verdicts[i], changed = _STANDS, True
            elif verdicts[i] == _HOME and len(sides) == 2 and langs[sides[0]] == langs[sides[1]] != prior \
                    and {verdicts[j] for j in sides} <= {_STANDS, _WEAK} and _STANDS in {verdicts[j] for j in sides}:
                verdicts[i], langs[i], changed = _STANDS, langs[sides[0]], True
    _doubtful_pieces_join_their_sentence(order, verdicts, langs, guesses, pieces, prior, config)
    _one_language_a_sentence(order, verdicts, langs, pieces)
    confidence = config.names_only_confidence
    out: list[Guess | None] = []
    for guess, verdict, lang in zip(guesses, verdicts, langs):
        if verdict == _NAMES:
            out.append(Guess(_NAMES, confidence))
        elif verdict == _WEAK:
            out.append(Guess(prior, confidence))
        elif verdict == _STANDS and guess is not None and lang != guess.lang:
            out.append(Guess(lang, confidence))  # a word of the document's language, by its neighbours
        else:
            out.append(guess)
    return out


def _doubtful_pieces_join_their_sentence(order: list[int], verdicts: list[str | None], langs: list[str | None],
                                         guesses: list[Guess | None], pieces: list[tuple[int, int, bool, str, int]],
                                         prior: str, config: LanguageConfig) -> None:
    """A foreign piece the models doubt (:attr:`~LanguageConfig.doubtful_confidence`), or any
    foreign piece cut from it by a spaced dash, takes the language of a neighbouring piece of the
    same sentence that stands surely in another foreign language with more letters: a dash pairs
    a label in the document's language with its translation (``Contact – Kontakt``), not two
    languages that are both foreign to the document. In place."""
    for place, i in enumerate(order):
        guess = guesses[i]
        if verdicts[i] != _STANDS or guess is None:
            continue
        for j in (order[k] for k in (place - 1, place + 1) if 0 <= k < len(order)):
            first = min(i, j)
            other = guesses[j]
            if (verdicts[j] == _STANDS and other is not None and langs[j] not in (prior, langs[i])
                    and other.confidence >= config.sure_confidence and pieces[j][4] > pieces[i][4]
                    and not _ends_sentence(pieces[first][3])
                    and (guess.confidence < config.doubtful_confidence or _cut_at_dash(pieces[first][3]))):
                langs[i] = langs[j]
                break


def _ends_sentence(text: str) -> bool:
    """Whether a piece ends its sentence (a period, not a quotation mark or a dash, before the cut).

    >>> _ends_sentence('Er sagte: "'), _ends_sentence("It is over. "), _ends_sentence("Yes!” ")
    (False, True, True)
    """
    return text.rstrip().rstrip(SENTENCE_CLOSERS + _QUOTES).endswith(tuple(SENTENCE_MARKS))


def _cut_at_dash(text: str) -> bool:
    """Whether a piece was cut from the next at a spaced dash.

    >>> _cut_at_dash("Sisi ni watu wa Tanzania – "), _cut_at_dash("Re a leboha. ")
    (True, False)
    """
    return _DASH_END.search(text) is not None


def _one_language_a_sentence(order: list[int], verdicts: list[str | None], langs: list[str | None],
                             pieces: list[tuple[int, int, bool, str, int]]) -> None:
    """Look-alikes inside a foreign passage: a run of neighbouring pieces that stand in languages
    of one look-alike group (Russian and Bulgarian, Bosnian and Croatian…) takes the language of
    most letters among them: a dash or a quotation mark inside a sentence does not change its
    language, the models' guesses on its pieces do. In place."""
    run: list[int] = []
    for i in [*order, None]:
        if i is not None and verdicts[i] == _STANDS and run and langs[i] in group_of(langs[run[0]]) | {langs[run[0]]}:
            run.append(i)
            continue
        if len({langs[j] for j in run}) > 1:
            letters: dict[str, int] = {}
            for j in run:
                letters[langs[j]] = letters.get(langs[j], 0) + pieces[j][4]
            winner = max(sorted(letters), key=letters.get)
            for j in run:
                langs[j] = winner
        run = [i] if i is not None and verdicts[i] == _STANDS else []


def _words(masked: str) -> list[str]:
    """The piece's words that can say which language it is in: not names, two letters or more."""
    return [w for w in content_words(masked) if count_letters(w) >= 2]


def _judge(masked: str, guess: Guess, prior: str, detector: Detector) -> str:
    """Whether a piece's language other than the document's stands (see the module docstring):
    :data:`_STANDS`, :data:`_WEAK` (the document's, unless a neighbour stands in its language)
    or :data:`_NAMES`."""
    config = detector.config
    if prior not in CANDIDATES.get(dominant_script(masked) or "", ()):
        # another script is evidence enough, but for a lone name or acronym (BBC, NATO)
        return _NAMES if len(masked.split()) == 1 and not _words(masked) else _STANDS
    words = _words(masked)
    if not words:
        return _NAMES  # names, initials, a title in capitals: the document's
    listed = guess.lang in LEXICON.known
    distinct = len({w.casefold() for w in words})
    if (not listed and guess.confidence >= config.sure_sentence_confidence and _ends_sentence(masked)
            and distinct >= config.phrase_words):
        return _STANDS  # a whole sentence in a language without a word list to weigh its words
    evidence = detector.word_evidence(words, guess.lang, prior)  # None only if neither has a list
    if len(words) >= config.clause_words:
        if evidence is None:
            return _STANDS
        if evidence.all_common_at_home and evidence.lead < config.phrase_evidence:
            return _WEAK  # "Comment engagement index (points)": every word an English one
        # both lists: the clause's words are not more common in the document's language either
        return _STANDS if evidence.home_share < config.clause_home_share and (
            not listed or prior not in LEXICON.known or evidence.lead >= 0) else _WEAK
    # a phrase: only a language with a word list can show its words are its own
    return _STANDS if listed and distinct >= config.phrase_words and evidence.lead >= config.phrase_evidence else _WEAK


def _append(spans: list[Span], start: int, end: int, guess: Guess | None) -> None:
    """Add a piece: glue, "don't know" and names extend the span before, the same language
    merges."""
    if guess is None or guess.lang in (UNDETERMINED, _NAMES):
        names = guess is not None and guess.lang == _NAMES
        if not spans:
            spans.append(Span(start, end, _NAMES, guess.confidence) if names else Span(start, end, UNDETERMINED, 0.0))
        elif names and spans[-1].lang == UNDETERMINED:  # "3. Pricing Plans": names, not und
            spans[-1] = Span(spans[-1].start, end, _NAMES, guess.confidence)
        else:
            spans[-1].end = end
        return
    if spans and spans[-1].lang == guess.lang:
        spans[-1].end = end
        spans[-1].confidence = max(spans[-1].confidence, guess.confidence)
    elif spans and spans[-1].lang in (UNDETERMINED, _NAMES):
        spans[-1] = Span(spans[-1].start, end, guess.lang, guess.confidence)
    else:
        spans.append(Span(start, end, guess.lang, guess.confidence))


def pieces_of(text: str) -> list[tuple[int, int, bool, str]]:
    """(start, end, kind, masked text) pieces partitioning ``text``: each line of code is one
    (kind :data:`_CODE`); the other lines are cut at :data:`_CUTS` (but at the periods of
    initials, and of a bibliography entry) and where the script of letters changes, each piece
    starting at a letter (or at 0)."""
    pieces: list[tuple[int, int, bool, str]] = []
    changes = _script_changes(text)
    citation = None
    for line in _LINES.finditer(text):
        line_start, line_end = line.span()
        if line_start == line_end:
            continue
        if is_code_line(text[line_start:line_end]):
            pieces.append((line_start, line_end, _CODE, ""))
            continue
        starts = {line_start}
        for match in _CUTS.finditer(text, line_start, line_end):
            if match.group()[0] in SENTENCE_CLOSERS or match.group()[0].isspace():
                before = text[line_start:match.start()]
                if before.endswith("."):
                    if citation is None:  # asked once a text, and only where a period cuts
                        citation = is_citation(text)
                    if citation or _NOT_AN_END.search(before):
                        continue
            starts.add(match.end())
        starts.update(c for c in changes if line_start < c < line_end)
        ordered = sorted(s for s in starts if s < line_end)
        for start, end in zip(ordered, ordered[1:] + [line_end]):
            pieces.append((start, end, _TEXT, mask(text[start:end])))
    return pieces


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
