"""The article body of a scraped plain-text dump (one block element a line, like the seed).

Every line is scored by the learned text model (:mod:`normalize.boilerplate.model`) from the line's
text alone and its neighbours' (length, punctuation, common words, capitals, digits, position,
repetition, chrome phrases), then looked at again beside its neighbours' probabilities and the
dump's (:func:`~normalize.boilerplate.model.line_probabilities`); a body line the page repeats is
kept each time (the page shows it each time; every benchmark's gold counts it so). The title is
the line before the body that the dump's first line (the page's ``<title>``, often with the
site's name added) starts with or holds, else the nearest headline-like line before the body.

>>> dump = "Big Storm Hits the Coast - Daily News\\nHome\\nWorld\\nBig Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said.\\nIt is expected to weaken by Wednesday, forecasters said.\\nShare\\n0"
>>> print(clean_text(dump))
The storm reached the coast on Monday night, officials said.
<BLANKLINE>
It is expected to weaken by Wednesday, forecasters said.
>>> lines = dump.split("\\n")
>>> [lines[i] for i, role in enumerate(line_roles(lines)) if role == "title"]
['Big Storm Hits the Coast']
"""

from __future__ import annotations

from collections.abc import Sequence

from ..structure.chrome import is_chrome_line
from ..structure.features import LINE_FEATURES, ends_with_site, line_features, prose_like, site_suffixes
from ..document import PARAGRAPH_SEPARATOR
from ..unicode.words import count_words, ends_like_sentence, normal_words
from .model import THRESHOLD, is_body, line_probabilities

#: The rule numbers below were set by hand with the learned extraction (commit 01a375b); body F1
#: of the 1,562 dev dumps (articles / wceb macro, 0.9478 / 0.8778 with the defaults) when each is
#: moved, measured since with the model's probabilities fixed:
#: A headline-like line has this many words (a menu entry fewer, a paragraph more): (2, 30),
#: (3, 20), (3, 40) give the defaults' F1, (4, 30) 0.9477 / 0.8782.
HEADLINE_WORDS = (3, 30)
#: The title is looked for this many lines above the body: 6 and 24 give 0.9481-0.9482 / 0.8779.
TITLE_REACH = 12
#: A line ending with the site's name under this many words is a caption or a teaser link:
#: 15 and 40 give the defaults' F1.
SITE_LINE_WORDS = 25
#: A line of one word is body from this probability on (set by hand on the unit tests' dumps,
#: not cross-validated: a lone word is rarely article text): 0.5 gives 0.9479 / 0.8777, 0.9
#: 0.9472 / 0.8760.
LONE_WORD_THRESHOLD = 0.7
#: In a text with no article-like line, a line ending like a sentence from this many words on is
#: body (a subject, a verb and an object; "Read more." has two): 2 and 4 give the defaults' F1.
SENTENCE_WORDS = 3
_CHROME = LINE_FEATURES.index("chrome")
_COMMENT = LINE_FEATURES.index("comment_header")
_TEASER = LINE_FEATURES.index("teaser")
_SITE = LINE_FEATURES.index("site_suffix")


def body_mask(lines: Sequence[str], rows: list[list[float]], probs: list[float] | None = None) -> list[bool]:
    """Which lines are body: the text model's probability smoothed over the neighbours (chrome
    phrases such as "Read also:" markers are nobody's neighbour), then rules for what the model
    has too few examples of: a chrome phrase is never body; a short line ending with the site's
    name (a caption, a teaser link) is not, nor a headline-like line next to one (a teaser box);
    a line of one word is body on its own probability only; the prose line right after a "Read
    also:" marker that interrupts the body is body, and so is a prose line that the model calls
    body on its own score right before body (its chrome neighbours' scores pulled it under); a
    prose line or a sentence (:func:`is_sentence`) that ends a run of body with chrome or nothing
    after it is body (the article's last paragraph, the footer right under it: the model, which
    sees the footer beside it, can score it under the threshold); from the first dated comment
    header after the article on ("Jane on May 3, 2019 at 4:47 pm said:"),
    nothing is. Where the model finds no body at all, the prose lines are the body (a text of
    one paragraph)."""
    chrome = [bool(r[_CHROME]) for r in rows]
    probs = line_probabilities(rows) if probs is None else probs
    body = is_body(rows, "text", probs=probs, transparent=chrome)
    for i, line in enumerate(lines):  # a lone word is body on its own score, not its neighbours'
        if count_words(line) <= 1:
            body[i] = probs[i] >= LONE_WORD_THRESHOLD
    for i, r in enumerate(rows):  # a "Read also:" marker interrupts the article: the prose after it goes on
        if r[_TEASER] and 0 < i < len(lines) - 1 and body[i - 1] and is_prose(lines[i + 1]):
            body[i + 1] = True
    for i in range(len(lines) - 2, -1, -1):  # prose the model itself calls body, its neighbours' scores aside
        if not body[i] and body[i + 1] and probs[i] >= THRESHOLD["text"] and is_prose(lines[i]):
            body[i] = True
    for i in range(1, len(lines)):  # the article's last paragraph, with the footer right under it
        if (not body[i] and body[i - 1] and not chrome[i] and (i + 1 == len(lines) or chrome[i + 1])
                and (is_prose(lines[i]) or is_sentence(lines[i]))):
            body[i] = True
    if not any(body):  # nothing looks like the article: a text of prose lines only, or one line
        body = [is_prose(line) and not c for line, c in zip(lines, chrome)]
    if not any(body):  # nor like prose: the text's sentences are what it has ("Das ist ein Haus.")
        body = [is_sentence(line) and not c for line, c in zip(lines, chrome)]
    started = False
    for i, r in enumerate(rows):
        if r[_COMMENT] and started:
            body[i:] = [False] * (len(body) - i)
            break
        started = started or body[i]
    site = [bool(r[_SITE]) and count_words(line) < SITE_LINE_WORDS for line, r in zip(lines, rows)]
    for i, line in enumerate(lines):
        if site[i] or chrome[i] or body[i] and not ends_like_sentence(line) and (
                i > 0 and site[i - 1] or i + 1 < len(lines) and site[i + 1]):
            body[i] = False
    return body


def is_sentence(line: str) -> bool:
    """A line that ends like a sentence and holds a subject, a verb and an object
    (:data:`SENTENCE_WORDS`): "Next shows are planned for May." is one, "Read more." is not."""
    return ends_like_sentence(line) and count_words(line) >= SENTENCE_WORDS


def is_prose(line: str) -> bool:
    """A sentence-like line long enough to be article text."""
    return prose_like(count_words(line), ends_like_sentence(line))


def line_roles(lines: Sequence[str], rows: list[list[float]] | None = None) -> list[str]:
    """``title``, ``body`` or ``boilerplate`` for each line of a dump."""
    lines = list(lines)
    body = body_mask(lines, line_features(lines) if rows is None else rows)
    roles = ["body" if b else "boilerplate" for b in body]
    if roles[:1] == ["body"] and not ends_like_sentence(lines[0]) and "body" in roles[1:]:
        roles[0] = "boilerplate"  # a dump's first line is the page's <title>, not its body
    first = next((i for i, r in enumerate(roles) if r == "body"), len(lines))
    title = _title_index(lines, first)
    if title is not None:
        roles[title] = "title"
        key = normal_words(lines[title])
        for i, line in enumerate(lines):  # the headline is never repeated in the body
            if roles[i] == "body" and (normal_words(line) + " ").startswith(key + " "):
                roles[i] = "boilerplate"
    return roles


def _title_index(lines: Sequence[str], before: int) -> int | None:
    """The headline: the nearest line before the body that the first line (the page's
    ``<title>``) starts with or holds, else the nearest headline-like line before the body."""
    page_title = f" {normal_words(lines[0])} " if lines else ""
    low = max(0, before - TITLE_REACH)
    suffixes = site_suffixes(lines)
    # the body's first line too: a headline the model took for body
    for i in range(min(before, len(lines) - 1), max(0, low - 1), -1):
        key = normal_words(lines[i])
        if key and count_words(lines[i]) >= 2 and f" {key} " in page_title:
            return i
    for i in range(min(before, len(lines) - 1), low - 1, -1):
        line = lines[i]
        if (not is_chrome_line(line) and not ends_with_site(line, suffixes)
                and HEADLINE_WORDS[0] <= count_words(line) <= HEADLINE_WORDS[1] and not ends_like_sentence(line)):
            return i
    return None


def clean_text(text: str) -> str:
    """The article body of a scraped plain-text dump: paragraphs separated by blank lines; runs
    of spaces (no-break spaces too) become one space, as in the pipeline."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return PARAGRAPH_SEPARATOR.join(line for line, role in zip(lines, line_roles(lines)) if role == "body")
