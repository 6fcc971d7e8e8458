"""Block roles: which blocks are the title, which the article body, which site chrome.

Works from the text of the blocks (and, for HTML, the chrome container a block sits in), so the
same rules serve scraped plain-text dumps and web pages.

>>> dump = "Home\\nWorld\\nBig Storm Hits the Coast\\nThe storm reached the coast on Monday night, officials said.\\nREAD MORE: Another story\\nIt is expected to weaken by Wednesday, forecasters said.\\nShare\\n0"
>>> print(clean_text(dump))
The storm reached the coast on Monday night, officials said.
<BLANKLINE>
It is expected to weaken by Wednesday, forecasters said.
"""

from __future__ import annotations

import re
from collections import Counter

from .document import Block, Document
from .pipeline import Stage
from .structure import html_blocks, text_blocks

# Chrome phrases in many languages: a line that is (or starts with) one of these is not article text.
_CHROME_LINE = re.compile(
    r"^(subscribe|sign in|sign up|log in|login|log out|register|log in or register|newsfeed|"
    r"chats?|loader|loading|share|share this|tweet|print|email|comments?|reply|menu|search|home|"
    r"to participate in the discussion|advertisement|sponsored|related|most read|trending|"
    r"follow us|cookies?|accept|close|next|previous|back to top|skip to content|all rights reserved|"
    r"подписаться|войти|регистрация|поделиться|комментарии|реклама|главная|"
    r"abonnieren|anmelden|teilen|kommentare|werbung|startseite|"
    r"s'abonner|se connecter|partager|commentaires|publicité|accueil|"
    r"suscribirse|suscríbete|iniciar sesión|compartir|comentarios|publicidad|inicio|"
    r"assine|entrar|compartilhar|comentários|publicidade|"
    r"підписатися|увійти|поділитися|коментарі|реклама|головна)\W*$",
    re.IGNORECASE,
)
_CHROME_PREFIX = re.compile(
    r"^(read more|read also|see also|also read|related|more:|watch:|listen:|photo:|video:|"
    r"leia mais|leia também|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lee también|"
    r"читайте также|читайте еще|смотрите также|фото:|видео:|читайте також|дивіться також|"
    r"기사입력|사진=|copyright|©|\(c\) )",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"©|\bcopyright\b|/ go to the mediabank|getty images|\bafp\b\s*/|reuters\s*/|\bap photo\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…。！？:;\"'”»)]\s*$")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _words(line: str) -> int:
    cjk = len(_CJK.findall(line))
    return len(_WORD.findall(line)) + cjk // 2


def _site_suffixes(lines: list[str]) -> set[str]:
    """Names like ``Sputnik International`` that end lines after a dash or bar (``Caption - Site``)
    and recur: on another line's end, or alone on a line. They name the site, not the article."""
    names = Counter()
    for line in set(lines):
        match = re.search(r"(?:^|\s)[-|–—]\s*([^-|–—]{3,60})$", line)
        if match:
            names[match.group(1).strip().lower()] += 1
    alone = {line.strip().lower() for line in lines}
    return {name for name, n in names.items() if n >= 2 or n == 1 and name in alone}


def is_chrome(line: str, site_suffixes: set[str] = frozenset()) -> bool:
    """A line that is site chrome whatever its position: menus, buttons, credits, counters, teasers."""
    stripped = line.strip()
    if not any(c.isalpha() for c in stripped):
        return True  # counters, dates in digits, separators
    if _CHROME_LINE.match(stripped) or _CHROME_PREFIX.match(stripped) or _CREDIT.search(stripped):
        return True
    lowered = stripped.lower()
    return any(lowered.endswith(s) and (len(lowered) == len(s) or lowered[: -len(s)].rstrip().endswith(("-", "|", "–", "—"))) for s in site_suffixes)


def _is_prose(line: str) -> bool:
    """A sentence-like line long enough to be article text."""
    words = _words(line)
    return words >= 25 or words >= 8 and bool(_TERMINAL.search(line))


def classify(blocks: list[Block], title_hint: str | None = None) -> None:
    """Set each block's role in place: one ``title``, the ``body``, and ``boilerplate``."""
    lines = [b.text for b in blocks]
    suffixes = _site_suffixes(lines + ([title_hint] if title_hint else []))
    chrome = [bool(b.context) or is_chrome(b.text, suffixes) for b in blocks]
    prose = [not c and _is_prose(b.text) for b, c in zip(blocks, chrome)]
    for b in blocks:
        b.role = "boilerplate"
    if not any(prose):
        _pick_title(blocks, chrome, len(blocks), title_hint)
        return
    first, last = _main_run(blocks, prose)
    # short closing sentences after the last long one still belong to the article
    while last + 1 < len(blocks) and not chrome[last + 1] and _words(blocks[last + 1].text) >= 4 and _TERMINAL.search(blocks[last + 1].text):
        last += 1
    for i in range(first, last + 1):
        b = blocks[i]
        if chrome[i]:
            continue
        # inside the article: sentences stay; short unpunctuated lines are teasers and captions
        if prose[i] or _TERMINAL.search(b.text) and _words(b.text) >= 3 or b.tag in ("h2", "h3", "h4", "li", "blockquote", "pre"):
            b.role = "body"
    _pick_title(blocks, chrome, first, title_hint)


def _main_run(blocks: list[Block], prose: list[bool], max_gap: int = 3) -> tuple[int, int]:
    """First and last index of the densest run of prose blocks: prose lines separated by at most
    ``max_gap`` other lines belong together; the run holding most prose characters wins."""
    runs: list[list[int]] = []
    for i, is_prose in enumerate(prose):
        if not is_prose:
            continue
        if runs and i - runs[-1][-1] - 1 <= max_gap:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=lambda run: sum(len(blocks[i].text) for i in run))
    return best[0], best[-1]


def _pick_title(blocks: list[Block], chrome: list[bool], before: int, title_hint: str | None) -> None:
    """The title: an ``<h1>`` or the title hint if a block matches it, else the nearest
    headline-like line before the body."""
    hint = _normal(title_hint) if title_hint else ""
    for i, b in enumerate(blocks):
        if b.role != "body" and (b.tag == "h1" or hint and _normal(b.text) and _normal(b.text) in hint) and not b.context:
            b.role = "title"
            return
    for i in range(before - 1, -1, -1):
        b = blocks[i]
        if not chrome[i] and 3 <= _words(b.text) <= 30 and not b.text.rstrip().endswith("."):
            b.role = "title"
            return


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def title_of(blocks: list[Block]) -> str | None:
    return next((b.text for b in blocks if b.role == "title"), None)


BODY_SEPARATOR = "\n\n"  # between body paragraphs in a document's clean text


def body_of(blocks: list[Block]) -> str:
    return BODY_SEPARATOR.join(b.text for b in blocks if b.role == "body")


def clean_text(text: str) -> str:
    """The article body of a scraped plain-text dump: paragraphs separated by blank lines."""
    blocks = text_blocks(text)
    classify(blocks)
    return body_of(blocks)


def extract_html(html: str | bytes) -> str:
    """The main text of a web page: body paragraphs separated by blank lines, no title or chrome."""
    if isinstance(html, bytes):
        from .decode import decode_bytes

        html = decode_bytes(html)
    title, blocks = html_blocks(html)
    classify(blocks, title)
    return body_of(blocks)


class BoilerplateStage(Stage):
    """Gives every block a role and sets the document's ``title`` and clean body ``text``."""

    name = "boilerplate"

    def apply(self, doc: Document) -> Document:
        classify(doc.blocks, doc.title)
        doc.title = title_of(doc.blocks) or doc.title
        doc.text = body_of(doc.blocks)
        for block in doc.blocks:
            self.stats.count(block.role)
        return doc
