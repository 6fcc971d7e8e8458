"""Site chrome recognised from a line's text alone, in many languages.

A line that *is* one of these phrases (a button, a menu entry, a share prompt) or *starts* with a
teaser or credit marker is not article text, whether it came from a text dump or a web page.

>>> [is_chrome_line(line) for line in ["Subscribe", "Читайте также: Новости", "Фото: ТАСС", "Tags",
...  "Like this story? Share it with a friend!", "Jane on May 3, 2019 at 4:47 pm said:",
...  "The storm reached the coast on Monday."]]
[True, True, True, True, True, True, False]
"""

from __future__ import annotations

import re

# The whole line is one of these (buttons, menus, prompts), with optional punctuation around.
_CHROME_LINE = re.compile(
    r"^\W*(subscribe|subscribe now|sign in|sign up|log in|login|log out|register|"
    r"loading|share|share this|share this article|share on \w+|tweet|print|email|e-mail|"
    r"comments?|\d+ comments?|reply|menu|search|home|tags?|topics|advert|sharing is caring|more|"
    r"advertisement|advertising|sponsored|sponsored content|related|"
    r"related articles|related posts|related stories|related links|related topics|you may also like|more stories|most read|most popular|"
    r"trending|recommended|follow us|cookies?|accept|close|next|previous|back to top|skip to content|"
    r"all rights reserved|like this story\W+share it with a friend|leave a reply|leave a comment|"
    r"leave a reply cancel reply|post a comment|post navigation|related content|keep up to date|"
    r"подписаться|войти|регистрация|поделиться|комментарии|реклама|главная|теги|"
    r"abonnieren|anmelden|teilen|kommentare|werbung|startseite|schlagworte|"
    r"s'abonner|se connecter|partager|commentaires|publicité|accueil|"
    r"suscribirse|suscríbete|iniciar sesión|compartir|comentarios|publicidad|inicio|etiquetas|"
    r"assine|entrar|compartilhar|comentários|publicidade|"
    r"підписатися|увійти|поділитися|коментарі|головна|"
    r"공유하기|댓글|구독|광고|シェア|コメント|広告|分享|评论|广告)\W*$",
)
# "Read also: <headline>" markers: teasers that interrupt an article rather than end it.
_TEASER_MARKERS = (
    r"read more|read also|see also|also read|related:|more:|"
    r"leia mais|leia também|veja também|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lee también|"
    r"te puede interesar|leggi anche|vedi anche|lees ook|czytaj także|czytaj też|przeczytaj także|"
    r"관련기사|関連記事|あわせて読みたい|相关阅读|延伸阅读|相關閱讀|"
    r"читайте также|читайте еще|смотрите также|читайте також|дивіться також"
)
_TEASER = re.compile(r"^[\W_]*(" + _TEASER_MARKERS + ")")
# The line starts with one of these: teasers, tag lists, photo and video credits, copyright.
_CHROME_PREFIX = re.compile(
    r"^[\W_]*(" + _TEASER_MARKERS + r"|more articles from|related posts?:|most read|popular on|sign up for|see all|view all|"
    r"subscribe to |follow us on |(also )?on [\w-]+\.(com|net|org|co\.uk)\s*:|"
    r"thanks for signing up|your email address will not be published|required fields are marked|"
    r"also on \S+|watch:|listen:|photo:|video:|tags:|"
    r"фото:|видео:|기사입력|사진=|copyright\b|©|\(c\) )",
)
#: The two words of a cookie notice or a newsletter promo ("cookies … consent", "sign up …
#: newsletter") stand at most this many characters apart: one sentence of a notice, not two
#: of an article (set by hand with the rules, commit f04638c). scripts/bench_extract.py
#: --no-anchors (1,562 dev pages; the regexes rebuilt with the value, the models as shipped): 40
#: and 160 give the defaults' body F1, 0.913 wceb macro on HTML and 0.878 on text dumps (at
#: 8fa4576, before repeated paragraphs were kept each time).
PHRASE_GAP = 80
#: A comment header ("Jane on May 3, 2019 at 4:47 pm said:") is at most this long before its verb
#: (a name, a date and a time; set by hand in commit ade95d0). Measured as PHRASE_GAP: 240
#: gives the defaults' body F1, 60 wceb macro 0.914 on HTML (no dataset moves at 3 decimals).
COMMENT_HEADER_CHARS = 120
# Cookie and consent notices, wherever the phrase sits in the line.
_COOKIE_NOTICE = re.compile(
    rf"\bcookies?\b.{{0,{PHRASE_GAP}}}\b(website|experience|browser|consent|policy|analytics|functionalit)|"
    r"\b(website|site|we) uses? cookies\b",
)
# The header of a reader's comment, with its date: "Jane on May 3, 2019 at 4:47 pm said:".
_COMMENT_HEADER = re.compile(
    rf"^(?=.*\d).{{0,{COMMENT_HEADER_CHARS}}}\b(said|says|wrote|writes|replied|schrieb|a écrit|escreveu|escribió|ha scritto|"
    r"написал|написала|написав|napisał|napisała)\s*:\s*$",
)
# Newsletter and subscription promos.
_PROMO = re.compile(
    rf"\b(sign up|subscribe)\b.{{0,{PHRASE_GAP}}}\bnewsletters?\b|\bnewsletters?\b.{{0,{PHRASE_GAP}}}\b(inbox|sign up|subscribe)",
)
_CREDIT_WORDS = ("©", "copyright", "getty images", "afp", "reuters", "ap photo")
_CREDIT = re.compile(r"©|\bcopyright\b|getty images|\bafp\b\s*/|reuters\s*/|\bap photo\b")
# A photo credit closing a caption: "…, Michael Conroy, AP", "… / AP file", "… (Reuters)".
_CLOSING_CREDIT = re.compile(r"[,/(]\s*(AP|AFP|Reuters|EPA|dpa|Getty Images|ТАСС|РИА Новости)( Photo| file)?\)?\s*$")


def is_comment_header(line: str) -> bool:
    """The dated header of a reader's comment: where the comment thread starts.

    >>> is_comment_header("Jane on May 3, 2019 at 4:47 pm said:"), is_comment_header("The minister said:")
    (True, False)
    """
    line = line.strip()
    return line.endswith(":") and bool(_COMMENT_HEADER.match(line.lower()))


def is_chrome_line(line: str) -> bool:
    """A button, menu entry, share prompt, teaser marker or credit: never article text."""
    stripped = line.strip()
    lowered = stripped.lower()  # the patterns are lowercase: matching without IGNORECASE is faster
    # The patterns that search a whole line run only on lines holding their key word (speed).
    return bool(
        _CHROME_LINE.match(lowered)
        or _CHROME_PREFIX.match(lowered)
        or _CLOSING_CREDIT.search(stripped)
        or _has_any(lowered, _CREDIT_WORDS) and _CREDIT.search(lowered)
        or "cookie" in lowered and _COOKIE_NOTICE.search(lowered)
        or "newsletter" in lowered and _PROMO.search(lowered)
        or is_comment_header(stripped)
    )


def is_teaser_marker(line: str) -> bool:
    """A "Read also: …" line: chrome, but one that sits inside an article, between paragraphs.

    >>> is_teaser_marker("READ MORE: Council Approves New Flood Barrier"), is_teaser_marker("Share")
    (True, False)
    """
    return bool(_TEASER.match(line.strip().lower()))


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)
