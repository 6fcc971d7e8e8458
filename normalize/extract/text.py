"""The article body of a scraped plain-text dump (one block element a line, like the seed).

Each line scores by what it looks like: prose and sentences count for their words, any other line
(menu entries, buttons, bylines, teaser headlines) against them, chrome lines (multilingual
phrases, credits, lines ending in the site's name, everything from the first dated comment
header on) more. The body is the run of lines with the best total, the way a reader's eye finds
the dense block of text on a page, plus dense runs just around it (an article split by a gallery);
inside, every line is body but chrome, repeats and headlines next to chrome (teaser boxes).
The title is the line before the body that the dump's first line (the page's ``<title>``)
starts with, else the nearest headline-like line before the body.

>>> dump = "Big Storm Hits the Coast - Daily News\\nHome\\nWorld\\nBig Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said.\\nREAD MORE: Another story\\nIt is expected to weaken by Wednesday, forecasters said.\\nShare\\n0"
>>> print(clean_text(dump))
The storm reached the coast on Monday night, officials said.
<BLANKLINE>
It is expected to weaken by Wednesday, forecasters said.
>>> lines = dump.split("\\n")
>>> [lines[i] for i, role in enumerate(line_roles(lines)) if role == "title"]
['Big Storm Hits the Coast']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .chrome import is_chrome_line, is_comment_header, is_teaser_marker
from .words import PARAGRAPH_SEPARATOR, count_words, ends_like_sentence, normal_words

_SITE_SUFFIX = re.compile(r"(?:^|\s)[-|–—]\s*([^-|–—]{3,60})$")
# What a line that is not prose costs the run it sits in, in words of prose; a chrome line more.
NON_PROSE_COST = 15
CHROME_COST = 40
# A split-off part of the article starts within this many lines of the run and is worth at least
# this share of it.
SPLIT_GAP = 20
SPLIT_SHARE = 0.5


def is_prose(line: str) -> bool:
    """A sentence-like line long enough to be article text."""
    n = count_words(line)
    return n >= 25 or n >= 8 and ends_like_sentence(line)


def is_sentence(line: str) -> bool:
    """A short line that still reads as a sentence (a one-line paragraph, a quote)."""
    return count_words(line) >= 3 and ends_like_sentence(line)


def best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """``(first, last)`` of the consecutive lines with the highest total score, ``None`` when no
    line scores above zero.

    >>> best_run([-1, 5, -2, 4, -9, 3])
    (1, 3)
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _score(line: str, prose: bool, chrome: bool) -> float:
    """What a line adds to the run around it: prose and sentences their words, any other line
    (menu entries, buttons, teaser headlines, "Read also:" markers, which interrupt articles) a
    fixed cost, other chrome a higher one."""
    if chrome and not is_teaser_marker(line):
        return -CHROME_COST
    return count_words(line) if prose or is_sentence(line) else -NON_PROSE_COST


def article_runs(scores: Sequence[float]) -> list[tuple[int, int]]:
    """The best run of lines, plus the dense runs next to it that continue a split article (a
    gallery or a teaser box between two halves): within :data:`SPLIT_GAP` lines and worth at
    least :data:`SPLIT_SHARE` of the best run.

    >>> article_runs([-9, 50, 40, -15, -15, -15, -15, 30, 20, -15, 5])
    [(1, 2), (7, 8)]
    """
    main = best_run(scores)
    if main is None:
        return []
    runs = [main]
    worth = sum(scores[main[0] : main[1] + 1])
    while True:
        first, last = runs[0][0], runs[-1][1]
        before = best_run(scores[max(0, first - SPLIT_GAP) : first])
        after = best_run(scores[last + 1 : last + 1 + SPLIT_GAP])
        candidates = []
        if before:
            offset = max(0, first - SPLIT_GAP)
            candidates.append((before[0] + offset, before[1] + offset))
        if after:
            candidates.append((after[0] + last + 1, after[1] + last + 1))
        candidates = [r for r in candidates if sum(scores[r[0] : r[1] + 1]) >= SPLIT_SHARE * worth]
        if not candidates:
            return runs
        runs = sorted(runs + candidates)


def site_suffixes(lines: Sequence[str]) -> set[str]:
    """Endings like `` - Sputnik International`` that several lines share, or that stand alone on
    a line: the site's name, added to photo captions, teaser links and the page title.

    >>> sorted(site_suffixes(["A photo - Daily News", "A story - Daily News", "- Daily News", "Text."]))
    ['daily news']
    """
    counts: dict[str, int] = {}
    for line in set(lines):
        match = _SITE_SUFFIX.search(line)
        if match:
            suffix = match.group(1).strip().lower()
            counts[suffix] = counts.get(suffix, 0) + 1
    alone = {line.strip().lower() for line in lines}  # the site's name on a line of its own
    return {suffix for suffix, n in counts.items() if n >= 2 or suffix in alone}


def _ends_with_site(line: str, suffixes: set[str]) -> bool:
    match = _SITE_SUFFIX.search(line)
    return bool(match) and match.group(1).strip().lower() in suffixes


def line_roles(lines: Sequence[str]) -> list[str]:
    """``title``, ``body`` or ``boilerplate`` for each line of a dump."""
    suffixes = site_suffixes(lines)
    comments = next((i for i, line in enumerate(lines) if is_comment_header(line)), len(lines))
    chrome = [
        i >= comments or not line.strip() or is_chrome_line(line) or not any(c.isalpha() for c in line)
        or _ends_with_site(line, suffixes)
        for i, line in enumerate(lines)
    ]
    prose = [not c and is_prose(line) for line, c in zip(lines, chrome)]
    roles = ["boilerplate"] * len(lines)
    runs = article_runs([_score(line, p, c) for line, p, c in zip(lines, prose, chrome)])
    seen: set[str] = set()
    for first, last in runs:
        for i in range(first, last + 1):
            key = normal_words(lines[i])
            if chrome[i] or key in seen or _in_teaser_box(i, lines, chrome):
                continue
            roles[i] = "body"
            seen.add(key)
    title = _title_index(lines, chrome, runs[0][0] if runs else len(lines))
    if title is not None:
        roles[title] = "title"
    return roles


def _in_teaser_box(i: int, lines: Sequence[str], chrome: Sequence[bool]) -> bool:
    """A headline next to a chrome line (a caption, a READ MORE marker): a teaser, not a
    subheading of the article."""
    return not is_sentence(lines[i]) and (i > 0 and chrome[i - 1] or i + 1 < len(lines) and chrome[i + 1])


def _title_index(lines: Sequence[str], chrome: Sequence[bool], before: int) -> int | None:
    """The headline: the nearest line before the body that the first line (the page's
    ``<title>``, often with the site's name added) starts with, else the nearest headline-like
    line before the body."""
    page_title = normal_words(lines[0]) if lines else ""
    for i in range(before - 1, 0, -1):
        key = normal_words(lines[i])
        if key and (page_title == key or page_title.startswith(key + " ")):
            return i
    for i in range(before - 1, -1, -1):
        if not chrome[i] and 3 <= count_words(lines[i]) <= 30 and not lines[i].rstrip().endswith("."):
            return i
    return None


def clean_text(text: str) -> str:
    """The article body of a scraped plain-text dump: paragraphs separated by blank lines; runs
    of spaces (no-break spaces too) become one space, as in the pipeline."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return PARAGRAPH_SEPARATOR.join(line for line, role in zip(lines, line_roles(lines)) if role == "body")
