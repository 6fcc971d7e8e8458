"""Words, shingles, sentence ends and URLs: how the stages measure, compare and judge text.

>>> count_words("The storm hit."), count_words("市議会は火曜日に可決した。")
(3, 7)
>>> normal_words("Big Storm -- hits!")
'big storm hits'
>>> sorted(shingles("a b c d e"))
[('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
>>> ends_like_sentence("It rained."), ends_like_sentence("Another Story Title")
(True, False)
>>> [m.group() for m in SENTENCE_END.finditer('He left. "Why?" she asked! 雨だ。晴れ')]
['. ', '?" ', '! ', '。']
>>> [m.group() for m in URL.finditer("see https://a.example/x or www.b.org, mail me@c.net")]
['https://a.example/x', 'www.b.org,', 'me@c.net']
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: CJK text has no spaces: this many of its characters count as a word, about a Chinese or
#: Japanese word's length (set by hand, e9edb68; no sweep on record; the boilerplate models
#: were trained with word counts made so).
CJK_CHARS_PER_WORD = 2
#: Marks that end a sentence, in any script.
SENTENCE_MARKS = ".!?…。！？"
#: Quotes and brackets that may stand after a sentence's mark and still belong to its sentence.
SENTENCE_CLOSERS = "\"'”’»)]"
#: Where a sentence ends: its marks, the closers after them and the space that follows; a CJK
#: full stop needs no space after it.
SENTENCE_END = re.compile(rf"[.!?…]+[{re.escape(SENTENCE_CLOSERS)}]*\s+|[。！？]+")
#: A URL or an e-mail address, the whole token: what is cut out before judging a text's words.
URL = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\w+")
# A sign that a line names a link (a scheme, ``www.``, a .com/.org/.net domain; or an ``@``
# inside a word, looked for apart): the boilerplate classifier's ``url`` feature, see
# :func:`names_link`.
_LINK_SIGN = re.compile(r"https?://|www\.|\.(com|org|net)\b")
_AT_SIGN = re.compile(r"\S@\S")
# A line that ends like a sentence: a sentence mark, a colon or semicolon (a lead-in), or a
# closer but ’ and ] (the boilerplate models' ``ends_sentence`` feature was trained on this set).
_LINE_END = re.compile(r"[.!?…。！？:;\"'”»)]\s*$")


def count_words(text: str, words: list[str] | None = None) -> int:
    """Words in a text; CJK text has no spaces, so two of its characters count as a word
    (``words``: the text's ``\\w+`` runs, where the caller has them already)."""
    n = len(_WORD.findall(text) if words is None else words)
    return n if text.isascii() else n + len(_CJK.findall(text)) // CJK_CHARS_PER_WORD  # no CJK in ASCII


def names_link(text: str) -> bool:
    """Whether the text shows a sign of a link: a scheme, ``www.``, an ``@`` inside a word, a
    .com/.org/.net domain (the ``@`` is looked for only in a text holding one: three times
    faster than one pattern). Wider than :data:`URL` on purpose, and not replaceable by it: of
    the 544,424 block and line texts of the dev pages, 4,420 (``WSJ.com``) show a sign and hold
    no URL, and the boilerplate model was trained on this feature.

    >>> names_link("Read it on WSJ.com"), names_link("mail jo@example"), names_link("Jo @ home")
    (True, True, False)
    """
    return bool(_LINK_SIGN.search(text)) or "@" in text and bool(_AT_SIGN.search(text))


def normal_words(text: str) -> str:
    """The text's words, lowercased, one space apart: equal for texts that differ only in
    punctuation, case and spacing."""
    return " ".join(_WORD.findall(text.lower()))


def shingles(text: str) -> Counter:
    """The multiset of 4-word shingles (lowercased): how much text two extractions share."""
    tokens = _WORD.findall(text.lower())
    return Counter(zip(tokens, tokens[1:], tokens[2:], tokens[3:]))


def ends_like_sentence(line: str) -> bool:
    """The line ends like a sentence (in any script), not like a headline or a label."""
    return bool(_LINE_END.search(line))
