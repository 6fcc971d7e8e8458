"""One parse of a web page: its blocks, with what a classifier needs to know about each, and
the evidence it holds for its title.

The page is parsed once with lxml (broken markup repaired, hidden elements set apart: the
evidence is read from what a reader sees); a single walk turns it into :class:`PageBlock` s
(paragraphs, headings, list items, cells, the loose text of containers, hidden ones marked),
each with its tag, depth, the characters inside links, the class/id hints of its ancestors and
the containers it sits in. Structure, boilerplate and title all read this.

>>> page = parse_page("<title>Storm - News</title><nav><a href='/'>Home</a></nav>"
...                   "<article><h1>Storm</h1><p>Body &amp; <a href='#'>more</a>.</p></article>")
>>> [(b.tag, b.text, b.link_chars, b.context) for b in page.blocks]
[('nav', 'Home', 4, 'nav'), ('h1', 'Storm', 0, ''), ('p', 'Body & more.', 4, '')]
>>> page.evidence["title"], page.evidence["h1"]
(['Storm - News'], ['Storm'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml.html import HTMLParser, HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction, document_fromstring

from bs4 import BeautifulSoup

from ..metadata.html import page_evidence, read_jsonld
from ..unicode.words import count_words

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LINE_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PARSER = HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False, huge_tree=True
)
# Every element an HtmlElement, chosen in C: lxml.html's own lookup (a FormElement for <form>, an
# InputElement for <input>…, whose extras nothing here uses) is Python called for each element
# the walk touches (about 2% of the extraction time).
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
# Elements a reader never sees: the `hidden` attribute, inline display:none / visibility:hidden.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_STYLED_OR_HIDDEN = etree.XPath("//*[@hidden or @style or @aria-hidden]")
#: React's streamed server rendering sends the late parts of a page at the end of its body, each in
#: a ``<div hidden id="S:n">``, and a script of its own moves each to its place, marked by a
#: ``<template id="B:n">``: a reader sees them there (33 of WCXB's 1,497 pages of 2025 do it).
_STREAMED = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")
_STREAM_PLACES = etree.XPath("//template[starts-with(@id, 'B:')]")

SKIP = frozenset({"script", "style", "template", "svg", "iframe", "object", "title", "meta", "link",
                  "button", "select"})
#: Skipped elements read all the same when the parser's repair put page content inside them (an
#: unclosed ``<button>``, an SVG ``<title>`` that swallows the rest of the page): an element of
#: these that holds a block or container element and more than :data:`SWALLOWED_CHARS` of text
#: is walked like a ``<div>``. ``<noscript>`` is read as any element: forum software serves its
#: posts to crawlers there.
SWALLOWING = frozenset({"svg", "title", "button", "select", "object"})
#: No real button, icon or menu holds this much text (a long button label is ~60 characters);
#: a paragraph of the page does.
SWALLOWED_CHARS = 200
BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd",
    "figcaption", "caption", "address", "summary", "legend", "label",
})
CONTAINERS = frozenset({"div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol",
                        "table", "tbody", "tr", "figure", "form", "body", "html", "dl", "details", "fieldset"})
CHROME_TAGS = frozenset({"nav", "footer", "aside", "form", "header"})
_PAGE_CONTENT = tuple(BLOCK_TAGS | (CONTAINERS - {"html", "body"}))
#: The tag of the blocks read from the page's structured data (JSON-LD ``articleBody``/``text``).
STRUCTURED_TAG = "structured"
#: The outermost microdata items and the og:type tags, in one pass over the tree.
_KIND_TAGS = etree.XPath("//*[@itemtype][not(ancestor::*[@itemtype])] | //meta[@property='og:type' or @name='og:type']")
#: JSON-LD keys whose string is an article's full text (schema.org ``Article.articleBody``,
#: ``CreativeWork.text``, e.g. a forum post's).
BODY_KEYS = ("articleBody", "text")
_POST_TYPES = frozenset({"Comment", "Question", "Answer"})
_BLOCK_END = re.compile(r"</?(?:br|p|div|li|h[1-6]|blockquote|tr)\b[^>]*>", re.IGNORECASE)
_CHROME_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside"}
#: ARIA roles of a window over the page (a cookie consent, a sign-up pop-up, a cart drawer, a policy
#: shown on demand): its text is not the page's until the reader opens it.
MODAL_ROLES = frozenset({"dialog", "alertdialog"})
#: schema.org types (JSON-LD ``@type``, microdata ``itemtype``) of a page that sells a product.
PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "ProductModel", "IndividualProduct", "SomeProducts"})
#: class/id words of a product page's customer reviews (:attr:`PageBlock.reviews`).
REVIEW_HINTS = frozenset({"review", "reviews"})

#: Groups of class/id words (generic web vocabulary, no site's own names): a block learns which
#: groups its ancestors name, within two levels and anywhere above.
HINT_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("nav", frozenset("nav navbar navigation menu breadcrumb breadcrumbs topbar toolbar masthead header skip".split())),
    ("footer", frozenset("footer foot copyright legal bottom".split())),
    ("side", frozenset("sidebar side aside rail widget widgets column".split())),
    ("comment", frozenset("comment comments reply replies disqus discussion respond".split())),
    ("share", frozenset("share sharing social facebook twitter follow".split())),
    ("related", frozenset("related recommended more teaser teasers popular trending promo card cards list".split())),
    ("ad", frozenset("ad ads advert advertisement banner sponsor sponsored dfp".split())),
    ("meta", frozenset("meta byline author date time timestamp dateline tags tag category info".split())),
    ("caption", frozenset("caption credit photo image img figure media gallery video".split())),
    ("form", frozenset("login signup subscribe newsletter search form cookie modal popup".split())),
    ("content", frozenset("article content body post entry story text main blog news prose richtext copy".split())),
    ("title", frozenset("title headline heading hed".split())),
)
_HINT_WORD = re.compile(r"[a-z]+")


def _word_bits() -> dict[str, int]:
    """Each hint word's groups, as bits of a :func:`_hint_mask` (a word may be in several)."""
    bits: dict[str, int] = {}
    for bit, (_, group) in enumerate(HINT_GROUPS):
        for word in group:
            bits[word] = bits.get(word, 0) | 1 << bit
    return bits


_HINT_BITS = _word_bits()

#: A page is cut after this many blocks (the rest stays unread, and the cut is noted): the
#: largest page of the dev sets has about 6,000; a page of a million paragraphs would take
#: minutes and gigabytes.
MAX_BLOCKS = 20_000
#: A page whose visible blocks hold fewer words than this is read again with its hidden elements
#: (when that gives at least twice the words): frameworks that render the page by script ship it
#: inside ``<div hidden>`` or under ``visibility:hidden`` (no article is this short; a splash
#: screen or a cookie wall is).
HIDDEN_FALLBACK_WORDS = 50
#: Title evidence (og:title, <title>, <h1>) longer than this is cut: headlines are a line long.
MAX_TITLE_CHARS = 1_000
#: The <h1> headings taken as title evidence (a page has one or two; a listing page dozens).
MAX_H1_EVIDENCE = 10
#: A block's text is cut at this many characters (a 5 MB paragraph is no article paragraph).
MAX_BLOCK_CHARS = 100_000
#: An attribute value longer than this is dropped before the page is read (and the cut noted): no
#: class, id, style or title is that long; the largest of the dev sets' 1,562 pages is a
#: 61,523-character data: URL image, sixteen times below.
MAX_ATTRIBUTE_CHARS = 1_000_000
_LONG_ATTRIBUTES = etree.XPath("descendant-or-self::*/@*[string-length(.) > $limit]")


@dataclass
class PageBlock:
    """A block of a page and the facts about it a classifier reads."""

    text: str
    tag: str  # the block element it came from (p, h1, li, td…), or its container's tag
    depth: int = 0  # elements above it
    link_chars: int = 0  # characters of its text inside <a>
    context: str = ""  # the chrome element it sits in (nav, footer, aside, header, form), if any
    near: int = 0  # bit mask over HINT_GROUPS: named in the class/id of the block or its 2 parents
    far: int = 0  # the same for any ancestor
    in_article: bool = False  # inside <article> or <main>
    parent: int = 0  # the id of the container element it sits in
    grandparent: int = 0  # the id of the container above that
    hidden: bool = False  # inside an element hidden from the reader (:func:`parse`): a collapsed tab or panel
    modal: bool = False  # inside a modal window (:func:`is_modal`): never the page's main content
    #: inside a product page's customer reviews: a container or block whose class/id names reviews
    #: (:data:`REVIEW_HINTS`), on a page that declares a product (:func:`declares_product`)
    reviews: bool = False


@dataclass
class Page:
    """A parsed page: its blocks in order, its title evidence, and what was cut."""

    blocks: list[PageBlock] = field(default_factory=list)
    #: what the page says of itself: title evidence (:func:`title_evidence`) and the article's
    #: text in its structured data (``structured_body``: :func:`structured_body`)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    #: each container's parent container, by id (a block's ``parent`` is one; 0 is the page)
    container_parent: dict[int, int] = field(default_factory=dict)
    #: what the page says about its article: JSON-LD, meta tags, bylines (normalize.metadata.html)
    metadata: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # cuts and limits hit, for the record's warnings
    too_deep: bool = False  # libxml2 stopped at its depth limit: the walk is incomplete


def parse(html: str, keep_hidden: bool = False) -> tuple[HtmlElement | None, dict]:
    """An lxml tree of the page, broken markup repaired, and its hidden elements: each is set
    apart (its place held by a comment, a key of the dict) so that what is read of the tree is
    what a reader sees, and the walk can still read a collapsed tab or an FAQ's answers, which
    hide the same way (kept in place with ``keep_hidden``). ``None`` when it is not HTML at all.

    >>> tree, hidden = parse("<p>Shown</p><div hidden><p>Answer</p></div><p>After</p>")
    >>> tree.body.text_content(), [h.text_content() for h in hidden.values()]
    ('ShownAfter', ['Answer'])
    """
    try:
        # bytes in a declared encoding: lxml refuses a str that declares one (<?xml encoding=…?>)
        tree = document_fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except etree.ParserError:
        return None, {}
    _place_streamed(tree)
    apart = {}
    # the last first: a hidden element inside another is set apart within it
    for element in [] if keep_hidden else reversed(_STYLED_OR_HIDDEN(tree)):
        hidden = (element.get("hidden") is not None or element.get("aria-hidden") == "true"
                  or _HIDDEN_STYLE.search(element.get("style") or ""))
        parent = element.getparent()
        if hidden and parent is not None:
            place = etree.Comment("hidden")
            place.tail, element.tail = element.tail, None
            parent.replace(element, place)
            apart[place] = element
    return tree, apart


def _place_streamed(tree: HtmlElement) -> None:
    """Each part of the page that React streamed (:data:`_STREAMED`) shown where its script puts
    it: after its place's marker, else where it is.

    >>> tree = document_fromstring('<main><template id="B:0"></template><p>Loading</p></main>'
    ...                            '<footer>Contact</footer><div hidden id="S:0"><p>The story.</p></div>')
    >>> _place_streamed(tree)
    >>> tree.body.text_content()
    'The story.LoadingContact'
    """
    places = {place.get("id")[2:]: place for place in _STREAM_PLACES(tree)}
    for part in _STREAMED(tree):
        del part.attrib["hidden"]
        place = places.get(part.get("id")[2:])
        if place is not None:
            place.addnext(part)


def hit_depth_limit() -> bool:
    """Whether the last :func:`parse` gave up below some depth (libxml2 stops at 2,048 levels)."""
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in _PARSER.error_log)


def _names(element: HtmlElement) -> str:
    """The element's class and id, as one string (empty where it has neither)."""
    names, id_ = element.get("class"), element.get("id")
    return f"{names or ''} {id_ or ''}" if names or id_ else ""


def _hints(element: HtmlElement) -> int:
    """The bit mask over :data:`HINT_GROUPS` of the groups the element's class and id name."""
    names = _names(element)
    return _hint_mask(names) if names else 0


#: How many distinct class/id strings :func:`_hint_mask` remembers: the 90 dev article pages
#: hold 11,119 among the 32,726 elements that have one, about 120 a page, met again and again.
HINT_CACHE = 4096


@lru_cache(maxsize=HINT_CACHE)
def _hint_mask(names: str) -> int:
    mask = 0
    for word in _HINT_WORD.findall(names.lower()):
        mask |= _HINT_BITS.get(word, 0)
    return mask


def _context(element: HtmlElement, parent_context: str) -> str:
    """The chrome element a block sits in: the outermost, but for a menu inside a page's header,
    which is the menu (the header also holds the site's name and the search box)."""
    if parent_context and not (parent_context == "header" and (
            element.tag == "nav" or element.get("role") == "navigation")):
        return parent_context
    if element.tag in CHROME_TAGS:
        return element.tag
    return _CHROME_ROLES.get(element.get("role") or "", parent_context)


def is_modal(element: HtmlElement) -> bool:
    """Whether an element is a window over the page: a ``<dialog>``, or an element whose ARIA
    role is :data:`MODAL_ROLES` and not marked ``aria-modal="false"`` (a product page's
    non-modal side sheet holds its description). On WCXB's 1,497 pages of 2025, 242 show such
    windows: 71,616 4-word shingles of text, 173 of them (0.24%) in the annotated main content.

    >>> [is_modal(document_fromstring(h).body[0]) for h in ('<dialog><p>Accept cookies?</p></dialog>',
    ...  '<div role="dialog" aria-modal="true">Cart</div>', '<div role="dialog" aria-modal="false">Size</div>',
    ...  '<div role="main">Story</div>')]
    [True, True, False, False]
    """
    return element.tag == "dialog" or (element.get("role") in MODAL_ROLES and element.get("aria-modal") != "false")


def _clean(text: str) -> str:
    """The text's lines with their spaces squeezed and trimmed, the empty ones dropped."""
    lines = _LINE_SPACES.sub(" ", text).split("\n")  # _LINE_SPACES holds no \n: as line by line
    return "\n".join(filter(None, map(str.strip, lines)))


def title_evidence(tree: HtmlElement) -> dict[str, list[str]]:
    """What the page says its title is: og:/twitter: titles, the site's name, ``<title>``, ``<h1>``."""

    def texts(found: list) -> list[str]:
        out = (_SPACES.sub(" ", str(t)[: MAX_TITLE_CHARS * 2]).strip()[:MAX_TITLE_CHARS] for t in found)
        return [t for t in out if t]

    return {
        "og": texts(tree.xpath("//meta[@property='og:title' or @name='og:title' or @name='twitter:title' "
                               "or @property='twitter:title']/@content")),
        "site": texts(tree.xpath("//meta[@property='og:site_name' or @name='application-name']/@content")),
        "title": texts(["".join(t.itertext()) for t in tree.iter("title")][:1]),
        "h1": texts(["".join(h.itertext()) for h in tree.iter("h1")][:MAX_H1_EVIDENCE]),
    }


def _is_text_type(node: dict) -> bool:
    """A JSON-LD object whose text is the page's article or post: an ``…Article``, a ``…Posting``
    (a blog post, a forum thread), a ``Comment``, a ``Question`` or an ``Answer``; not a review, a
    product or a page, whose ``text`` is not the article.

    >>> _is_text_type({"@type": "Review", "text": "Great."}), _is_text_type({"@type": ["BlogPosting"]})
    (False, True)
    """
    types = node.get("@type")
    return any(isinstance(t, str) and (t.endswith(("Article", "Posting")) or t in _POST_TYPES)
               for t in (types if isinstance(types, list) else [types]))


def _body_strings(node: object, found: list[str]) -> None:
    """The strings under :data:`BODY_KEYS` of the article-like objects anywhere in a JSON-LD
    value (``@graph``, nested items)."""
    if isinstance(node, dict):
        own = _is_text_type(node)
        for key, value in node.items():
            if key in BODY_KEYS and isinstance(value, str):
                if own:
                    found.append(value)
            else:
                _body_strings(value, found)
    elif isinstance(node, list):
        for value in node:
            _body_strings(value, found)


def structured_body(tree: HtmlElement, jsonld: list[object] | None = None) -> list[str]:
    """The full text the page's JSON-LD (``jsonld``: :func:`~normalize.metadata.html.read_jsonld`,
    read where not given) gives for its article or posts (``articleBody``, ``text`` of
    :func:`_is_text_type` objects, in ``@graph`` too), as paragraphs (its markup, if any,
    dropped); ``[]`` where it gives none or cannot be read.

    >>> page = document_fromstring('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
    ...     ' "articleBody": "First paragraph.\\\\n\\\\nSecond <b>one</b>.<p>Third.</p>"}]}</script><p>x</p>')
    >>> structured_body(page)
    ['First paragraph.', 'Second one.', 'Third.']
    """
    found: list[str] = []
    for value in read_jsonld(tree) if jsonld is None else jsonld:
        _body_strings(value, found)
    paragraphs = []
    for text in found:
        if "<" in text and text.strip():  # some sites put HTML in it: its block tags become line ends
            text = document_fromstring(f"<div>{_BLOCK_END.sub(chr(10), text)}</div>").text_content()
        paragraphs += [line for line in map(str.strip, _LINE_SPACES.sub(" ", text).split("\n")) if line]
    return paragraphs


def _schema_types(value: object) -> list[str]:
    """The schema.org type names of a JSON-LD ``@type`` or a microdata ``itemtype`` value."""
    values = value if isinstance(value, list) else str(value or "").split()
    return [v.rstrip("/").rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def declares_product(tree: HtmlElement, jsonld: list[object] | None = None) -> bool:
    """Whether the page says it is a product's page: a top-level JSON-LD object (``@graph``
    members too; ``jsonld``: :func:`~normalize.metadata.html.read_jsonld`, read where not given)
    or an outermost microdata item of a :data:`PRODUCT_TYPES` type, or ``og:type`` ``product``. A
    product named inside a review or a list (a buying guide) does not count. On WCXB's 1,497
    pages of 2025, 94
    of the 119 product pages say so, 28 of the 117 collections (``og:type`` ``product.group``), 3
    of the 793 articles and 8 of the 165 service pages.

    >>> declares_product(document_fromstring('<script type="application/ld+json">'
    ...     '{"@type": "Product", "name": "Mug"}</script><p>A mug.</p>'))
    True
    >>> declares_product(document_fromstring('<script type="application/ld+json">{"@type": "Review",'
    ...     ' "itemReviewed": {"@type": "Product", "name": "Mug"}}</script><p>A mug.</p>'))
    False
    """
    for value in read_jsonld(tree) if jsonld is None else jsonld:
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            for node in [item] + (graph if isinstance(graph, list) else []):
                if isinstance(node, dict) and PRODUCT_TYPES.intersection(_schema_types(node.get("@type"))):
                    return True
    for element in _KIND_TAGS(tree):
        if element.tag == "meta":
            if (element.get("content") or "").strip().lower().removeprefix("og:").startswith("product"):
                return True
        elif PRODUCT_TYPES.intersection(_schema_types(element.get("itemtype"))):
            return True
    return False


def _names_reviews(element: HtmlElement) -> bool:
    """Whether the element's class/id names reviews (:data:`REVIEW_HINTS`)."""
    names = _names(element)
    return bool(names) and not REVIEW_HINTS.isdisjoint(_HINT_WORD.findall(names.lower()))


def parse_page(html: str, metadata: bool = False) -> Page:
    """The page's blocks (at most :data:`MAX_BLOCKS`) and title evidence, from one lxml parse
    (a second, hidden elements in place, for a page that shows almost nothing:
    :data:`HIDDEN_FALLBACK_WORDS`); what was cut on the way in ``notes``. With ``metadata``,
    what the page says about its article too (``Page.metadata``, ~2 ms a page: only the
    pipeline's metadata stage reads it).

    >>> page = parse_page("<p data-blob='" + "x" * 1_000_001 + "'>Kept.</p>")
    >>> [b.text for b in page.blocks], page.notes
    (['Kept.'], ['1 attribute over 1000000 characters dropped'])
    """
    # no attribute is longer than the page it is in: a smaller page needs no search for one
    long_possible = len(html) > MAX_ATTRIBUTE_CHARS
    page = _read(*parse(html), metadata, long_possible)
    shown = 0
    for b in page.blocks:  # counted up to what suffices
        if not b.hidden:
            shown += count_words(b.text)
            if shown >= HIDDEN_FALLBACK_WORDS:
                break
    if shown < HIDDEN_FALLBACK_WORDS and words_of(page.blocks) >= 2 * max(1, shown):
        page = _read(*parse(html, keep_hidden=True), metadata, long_possible)
        page.notes.append("the page shows almost nothing: its hidden elements were read")
    return page


def _read(tree: HtmlElement | None, apart: dict, metadata: bool, long_possible: bool = True) -> Page:
    """:func:`parse_page` of a parsed tree and its hidden elements (:func:`parse`);
    ``long_possible``: whether an attribute may be over :data:`MAX_ATTRIBUTE_CHARS`."""
    page = Page()
    if tree is None:
        return page
    page.too_deep = hit_depth_limit()
    long_attributes = []
    if long_possible:
        long_attributes = _LONG_ATTRIBUTES(tree, limit=MAX_ATTRIBUTE_CHARS)
        for hidden in apart.values():  # each set apart, a tree of its own
            long_attributes += _LONG_ATTRIBUTES(hidden, limit=MAX_ATTRIBUTE_CHARS)
    for value in long_attributes:
        del value.getparent().attrib[value.attrname]
    if long_attributes:
        page.notes.append(f"{len(long_attributes)} attribute{'s' * (len(long_attributes) > 1)} over "
                          f"{MAX_ATTRIBUTE_CHARS} characters dropped")
    page.evidence = title_evidence(tree)
    jsonld = read_jsonld(tree)  # once, for the article's text, the page's kind and the metadata
    page.evidence["structured_body"] = structured_body(tree, jsonld)
    if metadata:
        page.metadata = page_evidence(tree, jsonld)
    if any(len(t) >= MAX_TITLE_CHARS for ts in page.evidence.values() for t in ts):
        page.notes.append(f"title evidence cut at {MAX_TITLE_CHARS} characters")
    _walk(tree, apart, page, declares_product(tree, jsonld))
    return page


class _BlockText:
    """The text of the block being read: its pieces, the characters of them inside links, and
    where the first piece sat (its block facts); :meth:`flush` makes it a :class:`PageBlock`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.pieces: list[str] = []
        self.links = 0
        self.meta: tuple | None = None

    def add(self, text: str, info: tuple) -> None:
        """A piece of text, with the facts it inherits (the walk's ``info``)."""
        if self.meta is None:
            self.meta = info[:10] + info[11:]
        self.pieces.append(text)
        if info[10]:  # inside a link
            self.links += len(_SPACES.sub(" ", text).strip())

    def flush(self) -> None:
        """The text so far becomes a block (when it holds any), and the next block starts."""
        if not self.pieces:
            return
        text = "".join(self.pieces)
        text = "" if text.isspace() else _clean(text)  # most pieces between blocks are white space
        if text and self.meta is not None:
            page = self.page
            if len(text) > MAX_BLOCK_CHARS:
                text = text[:MAX_BLOCK_CHARS]
                if not any(n.startswith("a block") for n in page.notes):
                    page.notes.append(f"a block over {MAX_BLOCK_CHARS} characters was cut")
            tag, depth, context, near, far, in_article, parent, grandparent, hidden, modal, reviews = self.meta
            page.blocks.append(PageBlock(text, tag, depth, min(self.links, len(text)), context, near, far,
                                         in_article, parent, grandparent, hidden, modal, reviews))
        self.pieces.clear()
        self.links = 0
        self.meta = None


_ELEMENT, _TEXT, _END = 0, 1, 2  # the walk's kinds of items


def _walk(tree: HtmlElement, apart: dict, page: Page, product: bool = False) -> None:
    """The tree's blocks, in document order, into ``page.blocks`` (at most :data:`MAX_BLOCKS`);
    a hidden element set apart (:func:`parse`) is read in its place, its blocks marked hidden.
    ``product``: the page declares a product (its customer reviews are marked)."""
    blocks = page.blocks
    block = _BlockText(page)
    # An explicit stack instead of recursion: pages nest thousands of levels deep. Items are
    # (kind, item, info): an element, a text (a tail) or a block's end; info is the inherited
    # (tag, depth, context, near, far, in_article, parent, grandparent, hidden, modal, in_link, reviews).
    root_info = ("div", 0, "", 0, 0, False, 0, 0, False, False, False, False)
    stack: list[tuple[int, object, tuple]] = [(_ELEMENT, tree, root_info)]
    push = stack.append
    containers = 0
    while stack:
        if len(blocks) >= MAX_BLOCKS:
            page.notes.append(f"page cut after {MAX_BLOCKS} blocks")
            return
        kind, element, info = stack.pop()
        if kind == _END:
            block.flush()
            continue
        if kind == _TEXT:
            block.add(element, info)
            continue
        tag = element.tag
        if tag == "br":
            block.pieces.append("\n")
            continue
        if not isinstance(tag, str):
            stashed = apart.get(element)  # a hidden element's place: read as a block of its own, or not at all
            if stashed is not None and (stashed.tag in BLOCK_TAGS or stashed.tag in CONTAINERS):
                push((_ELEMENT, stashed, info[:8] + (True,) + info[9:]))
            continue
        if tag in SKIP:
            if (tag not in SWALLOWING or next(element.iter(*_PAGE_CONTENT), None) is None
                    or len(element.text_content()) <= SWALLOWED_CHARS):
                continue
            tag = "div"  # page content the parser's repair put inside it
        block_tag, depth, context, near, far, in_article, parent, grandparent, hidden, modal, in_link, reviews = info
        own = _hints(element)
        context = _context(element, context)
        is_block = tag in BLOCK_TAGS
        is_container = tag in CONTAINERS
        if is_block or is_container:
            block.flush()
            push((_END, None, info))
        if is_container:
            containers += 1
            page.container_parent[containers] = parent
            parent, grandparent = containers, parent
            near = own  # hints of this container; its blocks add their own below
        else:
            near |= own
        child_info = (
            tag if is_block or tag in CHROME_TAGS else block_tag, depth + 1, context, near | own, far | own,
            in_article or tag in ("article", "main"), parent, grandparent, hidden, modal or is_modal(element),
            in_link or tag == "a", reviews or (product and (is_block or is_container) and _names_reviews(element)),
        )
        for child in reversed(element):
            if child.tail:
                push((_TEXT, child.tail, child_info))
            push((_ELEMENT, child, child_info))
        if element.text:  # read now: it would be the next item off the stack
            block.add(element.text, child_info)
    block.flush()


def words_of(blocks: list[PageBlock]) -> int:
    """Words in the blocks' text (CJK counted by characters)."""
    return sum(count_words(b.text) for b in blocks)


def flatten_html(html: str) -> str:
    """The text of a page nested too deep for lxml (libxml2 stops at 2,048 levels), read with
    BeautifulSoup's pure-Python parser, which has no depth limit: a line per text node, scripts
    and styles dropped. The block structure is lost, the text is kept.

    >>> flatten_html("<div><p>One &amp; two</p><script>x()</script><p>Three</p></div>")
    'One & two\\nThree'
    """
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template", "noscript"]):
        element.decompose()
    return soup.get_text("\n")
