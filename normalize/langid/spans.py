"""Split text into language-homogeneous spans.

Text is cut into pieces at line breaks, sentence ends and script changes; each piece gets a
language; short pieces without their own evidence join their neighbours; neighbours in the same
language merge. Spans partition the text: glue (spaces, punctuation) belongs to the span before.

>>> [(s.lang, "Chats\\nЗаголовок открываемого материала"[s.start:s.end]) for s in detect_spans("Chats\\nЗаголовок открываемого материала")]
[('en', 'Chats\\n'), ('ru', 'Заголовок открываемого материала')]
"""

from __future__ import annotations

import re

from ..document import UNDETERMINED, Span
from .detector import Guess, identify
from .scripts import script_of

# A piece ends after a line break, or after sentence punctuation followed by a space.
_CUTS = re.compile(r"\n+|(?<=[.!?…。！？])[\"'”»)]*\s+")
_SHORT = 12  # letters; shorter pieces are too thin to stand on their own in a known context


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentence/line pieces, further cut where the script of letters changes."""
    bounds = []
    start = 0
    for match in _CUTS.finditer(text):
        if match.end() > start:
            bounds.append((start, match.end()))
            start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    pieces = []
    for start, end in bounds:
        current = None
        cut = start
        for i in range(start, end):
            script = script_of(text[i])
            if script is None or script == "Other":
                continue
            if current is not None and script != current and _is_script_switch(current, script):
                # cut at the start of the word that switches script
                j = i
                while j > cut and not text[j - 1].isspace():
                    j -= 1
                if j > cut:
                    pieces.append((cut, j))
                    cut = j
            current = script
        pieces.append((cut, end))
    return pieces


def _is_script_switch(a: str, b: str) -> bool:
    return {a, b} not in ({"Han", "Kana"},)


def detect_spans(text: str, *, prior: str | None = None) -> list[Span]:
    """Language spans partitioning ``text`` (offsets into it), each with a confidence."""
    if not text:
        return []
    guesses: list[tuple[int, int, Guess, int]] = []
    for start, end in _pieces(text):
        piece = text[start:end]
        letters = sum(c.isalpha() for c in piece)
        guesses.append((start, end, identify(piece, prior=prior), letters))
    # Thin pieces take the language of a neighbour with the same script when it has one.
    resolved: list[tuple[int, int, Guess]] = []
    for i, (start, end, guess, letters) in enumerate(guesses):
        if letters < _SHORT and guess.confidence < 0.99:
            neighbour = _strong_neighbour(guesses, i, text)
            if neighbour is not None:
                guess = Guess(neighbour.lang, min(neighbour.confidence, 0.5))
            elif prior and guess.lang != UNDETERMINED:
                guess = Guess(prior, 0.5) if letters < 6 else guess
        resolved.append((start, end, guess))
    spans: list[Span] = []
    for start, end, guess in resolved:
        if spans and (spans[-1].lang == guess.lang or guess.lang == UNDETERMINED):
            spans[-1].end = end
        elif spans and spans[-1].lang == UNDETERMINED:
            spans[-1] = Span(spans[-1].start, end, guess.lang, guess.confidence)
        else:
            spans.append(Span(start, end, guess.lang, guess.confidence))
    return spans


def _script(text: str) -> str | None:
    for c in text:
        script = script_of(c)
        if script and script != "Other":
            return script
    return None


def _strong_neighbour(guesses, i: int, text: str) -> Guess | None:
    script = _script(text[guesses[i][0]:guesses[i][1]])
    for j in (i - 1, i + 1):
        if 0 <= j < len(guesses):
            start, end, guess, letters = guesses[j]
            if letters >= _SHORT and guess.lang != UNDETERMINED and _script(text[start:end]) == script:
                return guess
    return None
