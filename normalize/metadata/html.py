"""What a web page says about itself, read from its parsed tree: the article objects of its
JSON-LD (``@graph`` and nested items too, ``@id`` references resolved), microdata, ``<meta>``
tags (Open Graph, ``article:*``, Dublin Core, ``author``, ``description``…), ``<link
rel=canonical>``, ``<html lang>``, ``<time>`` elements and the elements its markup calls a
byline or an author.

:func:`page_evidence` gathers it all into a plain dict (strings, lists, dicts: cheap to keep on
the document); :mod:`normalize.metadata.extract` decides from it.

>>> from lxml.html import document_fromstring
>>> tree = document_fromstring('<html lang="de"><head><meta property="og:site_name" content="Kurier">'
...     '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Sturm",'
...     ' "datePublished": "2024-03-03", "author": {"@id": "#p"}}, {"@id": "#p", "@type": "Person",'
...     ' "name": "Eva Roth"}]}</script></head><body><p>x</p></body></html>')
>>> evidence = page_evidence(tree)
>>> evidence["jsonld"][0]["authors"], evidence["jsonld"][0]["published"], evidence["meta"]["og:site_name"], evidence["lang"]
([['Eva Roth', 'Person']], ['2024-03-03'], ['Kurier'], ['de'])
"""

from __future__ import annotations

import json
import re

from lxml import etree
from lxml.html import HtmlElement

_JSON_LD = etree.XPath("//script[@type='application/ld+json' or @type='application/ld+json; charset=utf-8']")
_META = etree.XPath("//meta[@content]")
_CANONICAL = etree.XPath("//link[@rel='canonical']/@href")
_ITEMPROP = etree.XPath("//*[@itemprop]")
#: ``<h1>`` among them, in document order: what follows the first one is the article's
_TIME = etree.XPath("//time | //h1")
_HINTED = etree.XPath("//*[@class or @id or @rel] | //h1")
_SPACES = re.compile(r"\s+")
_HINT_WORDS = re.compile(r"[a-z]+")
#: class/id words of the element holding a byline (the author's name, with or without "By").
AUTHOR_HINTS = frozenset({"author", "authors", "byline", "bylines", "writer", "writers", "autor", "auteur",
                          "autore", "contributor", "contributors", "creator", "reporter", "journalist"})
#: class/id words of the element holding the article's date.
DATE_HINTS = frozenset({"date", "dateline", "published", "publish", "pubdate", "posted", "timestamp", "time",
                        "datetime", "created", "postdate", "entrydate", "datum", "fecha"})
#: Containers a byline or date of *other* items sits in (comments, related lists, chrome).
ELSEWHERE_HINTS = frozenset({"comment", "comments", "reply", "replies", "related", "recommended", "sidebar",
                             "footer", "nav", "widget", "teaser", "teasers", "popular", "trending", "review",
                             "reviews", "promo", "card", "cards"})
ELSEWHERE_TAGS = frozenset({"nav", "footer", "aside"})
#: Evidence of each kind kept per page (a listing page has hundreds of bylines and times).
MAX_ITEMS = 12
#: Texts longer than this are no byline, date or name.
MAX_TEXT = 200
#: JSON-LD types whose author and dates are an article's (a post, a report, a recipe…).
ARTICLE_SUFFIXES = ("Article", "Posting", "Report", "Recipe", "HowTo", "Question", "Review", "Blog")
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "CollectionPage", "ProfilePage", "QAPage",
                        "FAQPage", "MediaPage", "ContactPage", "VideoObject", "CreativeWork"})
SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness"})


def _text(value: object) -> str:
    return _SPACES.sub(" ", str(value)).strip()[:MAX_TEXT * 5] if value is not None else ""


def _types(node: dict) -> list[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def _names(value: object, ids: dict[str, dict], depth: int = 0) -> list[list[str]]:
    """``[name, type]`` of each person or organisation in a JSON-LD ``author``/``creator`` value
    (a string, an object, an ``@id`` reference, a list of them)."""
    if depth > 3 or value is None:
        return []
    if isinstance(value, list):
        return [n for v in value for n in _names(v, ids, depth + 1)]
    if isinstance(value, str):
        return [[_text(value), ""]] if value.strip() else []
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in ids:
            value = ids[value["@id"]]
        name = value.get("name")
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        if isinstance(name, dict):
            name = name.get("@value")
        if isinstance(name, str) and name.strip():
            types = _types(value)
            return [[_text(name), types[0] if types else ""]]
    return []


def _strings(value: object) -> list[str]:
    """The strings of a JSON-LD value: itself, a list's, an object's ``url``/``@id``/``name``."""
    if isinstance(value, str):
        return [_text(value)] if value.strip() else []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [s for v in value[:MAX_ITEMS] for s in _strings(v)]
    if isinstance(value, dict):
        for key in ("url", "contentUrl", "@id", "name", "@value"):
            if isinstance(value.get(key), str):
                return [_text(value[key])]
    return []


def _walk_jsonld(node: object, found: list[dict], depth: int = 0) -> None:
    if depth > 12:
        return
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, found, depth + 1)
    elif isinstance(node, dict):
        if "@type" in node:
            found.append(node)
        for key, value in node.items():
            if key not in ("author", "creator", "publisher") and isinstance(value, (dict, list)):
                _walk_jsonld(value, found, depth + 1)


def read_jsonld(tree: HtmlElement) -> list[object]:
    """The values of the page's JSON-LD scripts, in order; a script that is not JSON is skipped.

    >>> from lxml.html import document_fromstring
    >>> read_jsonld(document_fromstring('<script type="application/ld+json">{"@type": "Product"}</script>'
    ...     '<script type="application/ld+json">not json</script><p>x</p>'))
    [{'@type': 'Product'}]
    """
    values: list[object] = []
    for script in _JSON_LD(tree):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            values.append(json.loads(raw))
        except ValueError:
            try:  # a raw line break or tab inside a string: common, and harmless to read
                values.append(json.loads(re.sub(r"[\r\n\t]+", " ", raw)))
            except ValueError:
                continue
    return values


def jsonld_objects(tree: HtmlElement, jsonld: list[object] | None = None) -> list[dict]:
    """Every typed object of the page's JSON-LD (``jsonld``: :func:`read_jsonld`, read where not
    given), in order, summarised: ``types``, ``kind`` (``article``, ``page``, ``site`` or
    ``other``), ``headline``, ``authors`` (``[name, type]``), ``published``, ``modified``,
    ``url``, ``image``, ``keywords``, ``description``, ``language``, ``publisher``."""
    nodes: list[dict] = []
    for value in read_jsonld(tree) if jsonld is None else jsonld:
        _walk_jsonld(value, nodes)
    ids = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    out = []
    for node in nodes[:100]:
        types = _types(node)
        if any(t.endswith(ARTICLE_SUFFIXES) for t in types):
            kind = "article"
        elif any(t in PAGE_TYPES for t in types):
            kind = "page"
        elif any(t in SITE_TYPES for t in types):
            kind = "site"
        else:
            kind = "other"
        publisher = _names(node.get("publisher"), ids)
        main = node.get("mainEntityOfPage")
        out.append({
            "types": types,
            "kind": kind,
            "headline": _strings(node.get("headline") or node.get("name"))[:1],
            "name": _strings(node.get("name"))[:1],
            "authors": (_names(node.get("author"), ids) or _names(node.get("creator"), ids))[:MAX_ITEMS],
            "published": _strings(node.get("datePublished") or node.get("dateCreated") or node.get("uploadDate"))[:1],
            "modified": _strings(node.get("dateModified"))[:1],
            "url": _strings(node.get("url"))[:1] + _strings(main)[:1],
            "image": _strings(node.get("image") or node.get("thumbnailUrl"))[:1],
            "keywords": _strings(node.get("keywords"))[:MAX_ITEMS],
            "description": _strings(node.get("description"))[:1],
            "language": _strings(node.get("inLanguage"))[:1],
            "publisher": publisher[:1],
        })
    return out


def _meta(tree: HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased ``name``, ``property`` or ``itemprop`` (and
    ``http-equiv``), in page order."""
    found: dict[str, list[str]] = {}
    for element in _META(tree):
        content = _text(element.get("content"))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                values = found.setdefault(key.strip().lower(), [])
                if len(values) < MAX_ITEMS:
                    values.append(content)
    return found


def _hint_words(element: HtmlElement) -> set[str]:
    return set(_HINT_WORDS.findall(f"{element.get('class') or ''} {element.get('id') or ''} "
                                   f"{element.get('rel') or ''}".lower()))


def _elsewhere(element: HtmlElement) -> bool:
    """Whether the element sits in chrome, comments, related lists or reviews."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ELSEWHERE_TAGS or _hint_words(ancestor) & ELSEWHERE_HINTS:
            return True
    return False


def _in_article(element: HtmlElement) -> bool:
    return any(a.tag in ("article", "main") for a in element.iterancestors())


def _element_text(element: HtmlElement) -> str:
    return _text(" ".join(element.itertext()))


def _microdata(tree: HtmlElement) -> dict[str, list[str]]:
    """``itemprop`` values of the page's items (not of reviews, offers or ratings): author
    names, dates, headline."""
    found: dict[str, list[str]] = {}
    author_scope = None  # authors of the first item that names one (not every answer's, comment's)
    for element in _ITEMPROP(tree):
        if element.tag == "meta":
            continue  # read with the <meta> tags
        props = (element.get("itemprop") or "").split()
        wanted = [p for p in props if p in ("author", "creator", "datePublished", "dateCreated", "dateModified",
                                            "headline", "publisher")]
        if not wanted:
            continue
        scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
        if scope is not None and any(w in (scope.get("itemtype") or "") for w in ("Review", "Offer", "Rating", "Comment")):
            continue
        for prop in wanted:
            if prop in ("author", "creator"):
                if author_scope is None:
                    author_scope = scope
                elif scope is not author_scope:
                    continue
            if prop in ("author", "creator", "publisher"):
                named = element.xpath(".//*[@itemprop='name']")
                value = (named[0].get("content") or _element_text(named[0])) if named else (
                    element.get("content") or _element_text(element))
            else:
                value = element.get("datetime") or element.get("content") or _element_text(element)
            value = _text(value)
            if value and len(value) <= MAX_TEXT:
                values = found.setdefault(prop, [])
                if len(values) < MAX_ITEMS:
                    values.append(value)
    return found


def _visible(tree: HtmlElement) -> tuple[list[dict], list[dict], list[dict]]:
    """``<time>`` elements, and the elements whose class/id/rel say byline/author or date, each
    ``{"text", "datetime", "article", "elsewhere", "pubdate"}`` (at most :data:`MAX_ITEMS`
    each, in page order); ``article``: inside ``<article>``/``<main>`` or after the page's first
    ``<h1>`` (the article's, not the header's or a menu's)."""
    times = []
    headline = False
    for element in _TIME(tree):
        if element.tag == "h1":
            headline = True
            continue
        if len(times) >= MAX_ITEMS:
            break
        times.append({"text": _element_text(element)[:MAX_TEXT], "datetime": _text(element.get("datetime")),
                      "article": _in_article(element) or headline, "elsewhere": _elsewhere(element),
                      "pubdate": element.get("pubdate") is not None or "published" in _hint_words(element)
                      or element.get("itemprop") == "datePublished"})
    bylines: list[dict] = []
    dates: list[dict] = []
    headline = False
    for element in _HINTED(tree):
        if element.tag == "h1":
            headline = True
            continue
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "meta", "link", "script", "style"):
            continue
        words = _hint_words(element)
        is_author = bool(words & AUTHOR_HINTS) or element.get("rel") == "author"
        is_date = bool(words & DATE_HINTS)
        if not (is_author and len(bylines) < MAX_ITEMS or is_date and len(dates) < MAX_ITEMS):
            continue
        text = _element_text(element)
        if not text or len(text) > MAX_TEXT or is_date and not is_author and not any(c.isdigit() for c in text):
            continue
        item = {"text": text, "datetime": "", "article": _in_article(element) or headline,
                "elsewhere": _elsewhere(element),
                "pubdate": bool(words & {"published", "pubdate", "publish"})}
        if is_author and len(bylines) < MAX_ITEMS:
            bylines.append(item)
        if is_date and len(dates) < MAX_ITEMS:
            dates.append(item)
    return times, bylines, dates


def page_evidence(tree: HtmlElement, jsonld: list[object] | None = None) -> dict:
    """What the page says about its article (see the module's doc), as plain data (``jsonld``:
    the page's JSON-LD, :func:`read_jsonld`, read where not given)."""
    root = tree.getroottree().getroot()
    lang = [v for v in (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")) if v]
    times, bylines, dates = _visible(tree)
    return {
        "jsonld": jsonld_objects(tree, jsonld),
        "meta": _meta(tree),
        "microdata": _microdata(tree),
        "canonical": [_text(h) for h in _CANONICAL(tree)][:1],
        "lang": [_text(v) for v in lang][:1],
        "times": times,
        "bylines": bylines,
        "dates": dates,
    }
