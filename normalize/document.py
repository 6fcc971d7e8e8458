"""The document model: one text, many annotations.

A :class:`Document` is created by the read stage and flows through every other stage. Each stage
adds what it learns (decoded text, repairs, blocks with roles, language segments, translations)
without copying or rewriting what another stage found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["title", "body", "boilerplate"]

#: Version of the JSONL record layout; bumped only on incompatible changes.
SCHEMA = "normalize/1"

#: Language code for "don't know": text that is language, but too little of it (or too
#: ambiguous) to say which.
UNDETERMINED = "und"
#: Language code (ISO 639-2) for "no linguistic content": code, markup, URLs, e-mail addresses,
#: identifiers, numbers, dates and prices, symbols. Never a language, never translated.
NO_LANGUAGE = "zxx"

#: Between two body paragraphs of a document's clean text (and of any extracted article).
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class Error:
    """Something went wrong in a stage; the document still flows on."""

    stage: str
    message: str


@dataclass
class Notice:
    """Something the user should know that is not a failure (e.g. a missing translation model);
    the record lists them under ``warnings``."""

    stage: str
    message: str


@dataclass
class Repair:
    """What the repair stage changed: a kind of damage and how many times it was fixed."""

    kind: str
    count: int = 1


@dataclass
class Span:
    """A language-homogeneous piece of a string: ``text[start:end]`` is in language ``lang``."""

    start: int
    end: int
    lang: str
    confidence: float = 0.0


@dataclass
class Block:
    """A paragraph, heading, list item or line of the input, with the role it plays."""

    text: str
    role: Role = "body"
    tag: str = "p"  # the HTML element it came from, or "line" for plain text
    context: str = ""  # the chrome container it sits in (nav, footer, aside, header, form), if any
    hidden: bool = False  # hidden from the page's reader (a collapsed panel): kept only as body
    modal: bool = False  # inside a window over the page (a cookie consent, a pop-up): never body
    reviews: bool = False  # inside a product page's customer reviews: body only with readers' comments
    #: what the boilerplate classifier reads about the block (set by the structure stage)
    features: list[float] | None = field(default=None, repr=False, compare=False)
    #: where a body block sits in :attr:`Document.text` (set with it, by :meth:`Document.set_body`);
    #: None for title and boilerplate blocks
    start: int | None = field(default=None, repr=False)
    end: int | None = field(default=None, repr=False)


@dataclass
class Segment:
    """A language-homogeneous piece of a block.

    ``start``/``end`` index the document's clean body (:attr:`Document.text`) for body segments
    (its block's offset plus the segment's place in the block) and are ``None`` for title and
    boilerplate segments.
    """

    text: str
    lang: str
    role: Role
    block: int  # index into Document.blocks
    confidence: float = 0.0
    start: int | None = None
    end: int | None = None
    translation: str | None = None


@dataclass
class Metadata:
    """What is known about the article beside its text (the record's ``metadata``): each field
    null where the input holds no evidence for it, never invented."""

    author: list[str] | None = None  # the authors' names, in the page's order
    date: str | None = None  # the publication date, ISO 8601 YYYY-MM-DD
    site_name: str | None = None  # the outlet's name
    url: str | None = None  # canonical URL: <link rel=canonical>, og:url, else the input's own
    description: str | None = None  # the page's summary of itself (og:description, description)
    language_declared: str | None = None  # what the page says its language is (<html lang>, og:locale)
    image: str | None = None  # the article's lead image URL
    tags: list[str] | None = None  # keywords and tags the page gives

    def as_dict(self) -> dict[str, object]:
        return {"author": self.author, "date": self.date, "site_name": self.site_name, "url": self.url,
                "description": self.description, "language_declared": self.language_declared,
                "image": self.image, "tags": self.tags}


@dataclass
class Document:
    """One input document and everything learned about it."""

    id: str
    source: str = ""
    raw: bytes | str | None = None
    is_html: bool | None = None  # None: decide from the content
    encoding: str | None = None  # the charset the bytes were decoded with
    input_text: str = ""  # decoded and repaired input, before structure
    repairs: list[Repair] = field(default_factory=list)
    title: str | None = None
    #: what an HTML page says its title is (og:title, <title>, <h1>, the site's name), by source
    title_evidence: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    #: what the input says about the document beside its text: ``url`` and ``date`` (an input
    #: record's fields, ``--url-field``/``--date-field``; a WARC record's target URI and date as
    #: ``url``/``fetched``), ``content_language`` (an HTTP header)
    given: dict[str, str] = field(default_factory=dict)
    #: what an HTML page's markup says about its article (JSON-LD, meta tags, bylines…; set by
    #: the structure stage, read by the metadata stage)
    metadata_evidence: dict = field(default_factory=dict, repr=False)
    metadata: Metadata = field(default_factory=Metadata)
    segments: list[Segment] = field(default_factory=list)
    lang: str = UNDETERMINED
    text: str = ""  # clean body: body blocks joined by blank lines
    translated_text: str | None = None
    translated_to: str | None = None  # target language of the translations, when translated
    errors: list[Error] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    def add_error(self, stage: str, message: str) -> None:
        self.errors.append(Error(stage, message))

    def add_warning(self, stage: str, message: str) -> None:
        self.warnings.append(Notice(stage, message))

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.role == "body"]

    def set_body(self) -> None:
        """Set :attr:`text` from the body blocks, joined by :data:`PARAGRAPH_SEPARATOR`, and each
        block's ``start``/``end`` in it: the one place the body's offsets are made.

        >>> doc = Document(id="a", blocks=[Block("Menu", role="boilerplate"), Block("One."), Block("Two.")])
        >>> doc.set_body()
        >>> doc.text, [(b.start, b.end) for b in doc.blocks]
        ('One.\\n\\nTwo.', [(None, None), (0, 4), (6, 10)])
        """
        parts: list[str] = []
        offset = 0
        for block in self.blocks:
            if block.role != "body":
                block.start = block.end = None
                continue
            if parts:
                offset += len(PARAGRAPH_SEPARATOR)
            block.start, block.end = offset, offset + len(block.text)
            offset = block.end
            parts.append(block.text)
        self.text = PARAGRAPH_SEPARATOR.join(parts)
