"""The article's metadata decided from its evidence: what the markup says
(:func:`~normalize.metadata.html.page_evidence`), the byline and dateline lines around the
headline (:mod:`~normalize.metadata.text`), the URL, and what the input gave
(``Document.given``).

Each field takes the first source that has it, most specific first:

* ``author``: the page's own article object in JSON-LD (its ``Person`` authors; an
  organisation only when no person is named), microdata ``itemprop=author``, ``<meta
  name=author>``/``article:author``/Dublin Core ``creator``, a byline line near the headline,
  an element the markup calls the byline.
* ``date``: the publication date, never the last-modified one unless nothing else dates the
  page, in the order of :data:`DATE_ORDER`: a dateline near the headline (what the reader sees
  as the article's date), a date in the URL (``/2024/03/03/``), the own JSON-LD article's
  ``datePublished``, ``article:published_time`` and the other publication ``<meta>`` tags,
  microdata, a ``<time pubdate>``, a ``WebPage``'s date, the first ``<time>``, an element the
  markup calls the date, the date the input gave (``--date-field``), then ``dateModified``,
  ``article:modified_time`` and "Updated …" lines; on a page none of them dates, the first
  block anywhere that is a dateline and nothing else ("Last updated: 13 November 2025" in a
  footer). A date before 1990 or after today (the day the page was fetched, when known) needs a
  second source that agrees. Where :func:`decide` finds none, the stage asks htmldate
  (:func:`htmldate_fallback`: markup only).
* "Own" article: the JSON-LD article object whose URL is the page's canonical URL or whose
  headline is the page's title; else the only article object. When the page's JSON-LD names
  articles that are all *not* the page's (another headline, another URL) their dates and authors
  are not used: they belong to another article (a teaser, a related item), and a dateline near
  the headline wins over them. Between the own article's markup and a dateline: the dateline
  wins (the date the reader sees, even where the markup calls it ``dateModified``), unless it is
  one day off the markup's (the same moment in another time zone). Where the markup's
  publication dates disagree (``datePublished`` against ``article:published_time``), the one
  the page shows (a dateline, a ``<time>``, a date element) wins (:func:`_choose_date`); one
  later than the markup's own revision date loses.
* Not the article's: a forum member's "Joined"/"Registered" date; ``<time>`` and date elements
  of the header and menus (those after the ``<h1>`` or inside ``<article>``/``<main>`` come
  first).
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import urljoin, urlsplit

from ..document import Block, Metadata
from ..unicode.words import normal_words
from .dates import EARLIEST, find_dates, month_number, parse_date, plausible
from .text import UPDATED_WORDS, Line, is_marker, is_name, read_line, split_names

#: ``<meta>`` keys (lower-cased ``name``/``property``/``itemprop``) that give the publication date.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "citation_online_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
    "datecreated", "date", "originalpublicationdate", "article:published", "og:pubdate", "bt:pubdate",
    "release_date", "prism.publicationdate",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "dc.date.modified", "last-modified", "lastmod")
AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author",
               "sailthru.author", "citation_author", "byl", "book:author", "twitter:data1")
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher")
DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description", "dcterms.description")
IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail")
URL_META = ("og:url", "twitter:url")
LANGUAGE_META = ("content-language", "og:locale", "language", "dc.language", "dcterms.language")
TAG_META = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
EARLIEST_DAY = EARLIEST.isoformat()
#: A JSON-LD headline is the page's title when this share of the shorter one's words are in both
#: (a headline and a title worded a little apart are the same article's).
SAME_HEADLINE = 0.5
#: The date's sources, most trusted first (see the module's doc).
DATE_ORDER = ("line", "url", "jsonld", "meta", "microdata", "time", "jsonld-page", "time-any", "date-element",
              "meta-other", "given", "modified-jsonld", "modified-meta", "modified-line", "modified-element", "foreign",
              "line-anywhere")
#: Blocks read for a byline or dateline: this many before the title block and after it (or,
#: without a title, from the start of the body). Chosen on WCXB dev half A: 5 and 10 (from 3 and
#: 6) dated 4 more of its 414 pages right (menus, share buttons, author lists before the date).
BEFORE_TITLE = 5
AFTER_TITLE = 10
#: A page's tags: at most this many.
MAX_TAGS = 30
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE_MONTH = re.compile(r"/((?:19|20)\d{2})/([^\W\d_]{3,})/(0?[1-9]|[12]\d|3[01])(?:/|$)")
_URL_DATE_WORDY = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
_BY = re.compile(r"(?i)^\s*(?:by|von|par|por|di|door|av|af|автор:?|author:?)\s+")
_PUBLISHED_KEY = re.compile(r"publish|pub_?date|issued|created|release|posted|(?:^|[-_:.])date$")
_REVISION_KEY = re.compile(r"modif|updat|revis")  # the page's last revision
_MODIFIED_KEY = re.compile(rf"{_REVISION_KEY.pattern}|expir|review")  # no publication date
_NOT_AUTHOR = re.compile(r"(?i)^(?:updated|reviewed|edited|fact[- ]checked|medically reviewed|illustrated|photos?)\b")
#: A job title glued after a name in a byline ("Keith Barry Senior Autos Reporter"): English
#: role words only, cut only where two words of name stay.
ROLE_HEADS = frozenset({"writer", "reporter", "editor", "correspondent", "columnist", "contributor", "journalist"})
ROLE_WORDS = ROLE_HEADS | frozenset({"senior", "staff", "contributing", "executive", "managing", "associate", "lead",
                                     "chief", "deputy", "autos", "auto", "tech", "news", "health", "science", "sports",
                                     "features", "hardware", "commerce", "shopping", "travel"})


def _without_role(name: str) -> str:
    """
    >>> _without_role("Keith Barry Senior Autos Reporter"), _without_role("Jane Writer"), _without_role("Ann Lee")
    ('Keith Barry', 'Jane Writer', 'Ann Lee')
    """
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in ROLE_HEADS:
        return name
    while len(words) > 2 and words[-1].lower() in ROLE_WORDS:
        words.pop()
    return " ".join(words)


_LOCALE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?(?:[-_].*)?$")


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in meta.get(key, []):
            if value.strip():
                return value.strip()
    return None


def _absolute(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against ``base``; None unless it is an http(s) URL then."""
    if not url:
        return None
    url = url.strip()
    if base and not urlsplit(url).scheme:
        url = urljoin(base, url)
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def declared_language(value: str | None) -> str | None:
    """A declared language tag, tidied: ``en_us`` -> ``en-US``; None when it is no tag.

    >>> declared_language("en_us"), declared_language("de"), declared_language("zh-Hant"), declared_language("x")
    ('en-US', 'de', 'zh-Hant', None)
    """
    if not value:
        return None
    match = _LOCALE.match(value.split(",")[0].strip())
    if not match:
        return None
    lang, region = match[1].lower(), match[2]
    if not region:
        return lang
    return f"{lang}-{region.title() if len(region) == 4 else region.upper()}"


def url_date(url: str | None) -> str | None:
    """The date a URL's path gives (``/2024/03/03/``, ``/20240303-``), else None.

    >>> url_date("https://a.example/2024/03/03/storm"), url_date("https://a.example/news/20240303-storm"), url_date("https://a.example/p/123")
    ('2024-03-03', '2024-03-03', None)
    >>> url_date("https://a.example/blog/2023/october/03/wine")
    '2023-10-03'
    """
    if not url:
        return None
    path = urlsplit(url).path
    match = _URL_DATE_WORDY.search(path) or _URL_DATE.search(path)
    month = int(match[2]) if match else None
    if not match:
        match = _URL_DATE_MONTH.search(path)
        month = month_number(match[2]) if match else None
    if not match or not month:
        return None
    try:
        return _dt.date(int(match[1]), month, int(match[3])).isoformat()
    except ValueError:
        return None


def _same_url(a: str | None, b: str | None) -> bool:
    def key(u: str) -> str:
        parts = urlsplit(u)
        return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}"
    return bool(a and b) and key(a) == key(b)


def own_article(objects: list[dict], title: str | None, url: str | None) -> tuple[dict | None, bool]:
    """The page's own article among its JSON-LD objects (see the module's doc) and whether some
    article object there is *another* article's (its headline and URL are not the page's)."""
    articles = [o for o in objects if o["kind"] == "article"]
    if not articles:
        return None, False
    title_key = normal_words(title or "")

    def matches(o: dict) -> bool:
        if any(_same_url(u, url) for u in o["url"]):
            return True
        headline = normal_words(o["headline"][0]) if o["headline"] else ""
        if not (headline and title_key):
            return False
        if headline in title_key or title_key in headline:
            return True
        shared = set(headline.split()) & set(title_key.split())
        return len(shared) >= SAME_HEADLINE * min(len(set(headline.split())), len(set(title_key.split())))

    for o in articles:
        if matches(o):
            return o, False
    def foreign(o: dict) -> bool:
        return bool(o["headline"] and title_key) or bool(o["url"] and url)
    if len(articles) == 1 and not (articles[0]["url"] and url):
        return articles[0], False  # the page's one article, whatever its headline (the title may be the wrong line)
    if all(foreign(o) for o in articles):
        return None, True
    return next(o for o in articles if not foreign(o)), True


def _clean_name(name: str) -> str:
    name = _BY.sub("", re.sub(r"\s+", " ", name)).strip(" ,;:|-–—")
    return name


def _names_from(values: list[str], loose: bool) -> list[str]:
    """Names from author strings (a list in one string split where each part has two words or
    more: ``Jane Doe and John Roe``, not ``Center for Drug Evaluation and Research``), cleaned;
    URLs, e-mail addresses, reviewers and editors, and texts that are no names dropped."""
    names: list[str] = []
    for value in values:
        value = _clean_name(value)
        if not value or "://" in value or value.startswith(("www.", "@")) or _NOT_AUTHOR.match(value):
            continue
        parts = [value]
        if "," in value or " and " in value or " & " in value:
            split = split_names(value, loose=True)
            if split and all(len(p.split()) >= 2 for p in split):
                parts = split
        for part in parts:
            part = _clean_name(part)
            if part and is_name(part, loose=loose) and part not in names:
                names.append(part)
    return names


def _near_title(blocks: list[Block]) -> list[int]:
    """The indices of the blocks around the headline (or the body's start) where a byline or
    dateline sits."""
    title = next((i for i, b in enumerate(blocks) if b.role == "title"), None)
    if title is None:
        title = next((i for i, b in enumerate(blocks) if b.role == "body"), None)
        if title is None:
            return []
        return list(range(max(0, title - BEFORE_TITLE), min(len(blocks), title + AFTER_TITLE)))
    return list(range(max(0, title - BEFORE_TITLE), min(len(blocks), title + AFTER_TITLE + 1)))


def _article_first(items: list[dict]) -> list[dict]:
    """The visible ``<time>`` or date elements not in chrome, those in the article (after its
    ``<h1>``, in ``<article>``/``<main>``) first: a page's header and menus date other things."""
    kept = [item for item in items if not item["elsewhere"]]
    return [item for item in kept if item["article"]] + [item for item in kept if not item["article"]]


def _reference_day(given: dict[str, str]) -> _dt.date | None:
    fetched = parse_date(given.get("fetched"))
    return _dt.date.fromisoformat(fetched) if fetched else None


def decide(evidence: dict, blocks: list[Block], title: str | None, given: dict[str, str],
           langs: tuple[str, ...] = ()) -> tuple[Metadata, list[int]]:
    """The :class:`~normalize.document.Metadata` of a document and the indices of its blocks
    that are a byline or dateline and nothing else (boilerplate). ``evidence``: an HTML page's
    :func:`~normalize.metadata.html.page_evidence` (empty for text); ``given``: what the input
    said (``url``, ``date``, ``fetched``, ``content_language``)."""
    meta: dict[str, list[str]] = evidence.get("meta", {})
    micro: dict[str, list[str]] = evidence.get("microdata", {})
    objects: list[dict] = evidence.get("jsonld", [])
    out = Metadata()

    # URL: canonical, og:url, the input's
    given_url = _absolute(given.get("url"), None)
    canonical = evidence.get("canonical", [])
    out.url = (_absolute(canonical[0] if canonical else None, given_url) or _absolute(_first(meta, URL_META), given_url)
               or given_url)
    article, foreign = own_article(objects, title, out.url)
    pages = [o for o in objects if o["kind"] == "page"]
    sites = [o for o in objects if o["kind"] == "site"]
    if out.url is None and article and article["url"]:
        out.url = _absolute(article["url"][0], None)

    # language declared
    declared = evidence.get("lang", []) + [v for k in LANGUAGE_META for v in meta.get(k, [])]
    declared += (article or {}).get("language", []) + [given.get("content_language") or ""]
    out.language_declared = next((t for t in map(declared_language, declared) if t), None)
    page_langs = tuple(dict.fromkeys(([out.language_declared.split("-")[0]] if out.language_declared else []) + list(langs)))
    month_first = (out.language_declared or "").lower() in ("en-us", "en")

    # site name
    site = _first(meta, SITE_META[:1]) or next((s["name"][0] for s in sites if "WebSite" in s["types"] and s["name"]), None)
    if not site and article and article["publisher"]:
        site = article["publisher"][0][0]
    site = site or _first(meta, SITE_META[1:])
    out.site_name = site if site and len(site) <= 100 and "://" not in site else None

    # description, image, tags
    description = _first(meta, DESCRIPTION_META) or ((article or {}).get("description") or [None])[0]
    out.description = description[:1000] if description else None
    image = _first(meta, IMAGE_META) or ((article or {}).get("image") or [None])[0]
    out.image = _absolute(image, out.url)
    tags: list[str] = []
    for key in TAG_META[:1]:
        tags += meta.get(key, [])
    if article and article["keywords"]:
        tags += article["keywords"]
    if not tags:
        tags += [v for k in TAG_META[1:] for v in meta.get(k, [])]
    split = [t.strip() for tag in tags for t in (tag.split(",") if "," in tag else [tag])]
    split = [t for t in split if t and len(t) <= 100]
    out.tags = list(dict.fromkeys(split))[:MAX_TAGS] or None

    # bylines and datelines around the headline
    line_facts: list[tuple[int, Line]] = []
    pending = ""
    for i in _near_title(blocks):
        for text_line in blocks[i].text.split("\n")[:4]:
            if is_marker(text_line):
                pending = text_line.strip()
                continue
            if pending:
                text_line, pending = f"{pending} {text_line.strip()}", ""
            facts = read_line(text_line, page_langs, month_first, byline_only=True)
            if facts.authors or facts.date or facts.modified:
                line_facts.append((i, facts))
    byline_blocks = sorted({i for i, facts in line_facts
                            if all(read_line(t, page_langs, month_first, byline_only=True).whole
                                   for t in blocks[i].text.split("\n") if t.strip())})

    # author
    authors: list[str] = []
    orgs: list[str] = []  # an organisation named as the author: only when no person is named anywhere
    site_key = normal_words(out.site_name or "")
    if article and not foreign:
        for name, kind in article["authors"]:
            if kind == "Organization" or (site_key and normal_words(name) == site_key):
                orgs.append(name)
            else:
                authors.append(name)
        authors = _names_from(authors, loose=True)
    if not authors and pages:
        authors = _names_from([n for o in pages for n, kind in o["authors"] if kind == "Person"], loose=True)
    if not authors:
        authors = _names_from(micro.get("author", []) + micro.get("creator", []), loose=True)[:MAX_TAGS]
    if not authors:
        authors = _names_from([v for k in AUTHOR_META for v in meta.get(k, [])[:3]], loose=False)
    if not authors:
        authors = next((facts.authors for _, facts in line_facts if facts.authors), [])
    if not authors:
        for item in evidence.get("bylines", []):
            if item["elsewhere"]:
                continue
            facts = read_line(item["text"], page_langs, month_first)
            found = facts.authors or _names_from([item["text"]], loose=False)
            if found:
                authors = found
                break
    if not authors:
        authors = _names_from(orgs, loose=True)
    if len(authors) > 1 and site_key:  # the outlet beside its writers ("Jane Doe", "Daily Herald Staff")
        people = [a for a in authors if site_key not in normal_words(a)]
        authors = people or authors
    out.author = list(dict.fromkeys(_without_role(a) for a in authors)) or None

    # date
    today = _reference_day(given)
    candidates: list[tuple[str, str]] = []  # (source, ISO date), in order of trust

    def add(source: str, value: str | None) -> None:
        iso = parse_date(value, page_langs, month_first) if value else None
        if iso:
            candidates.append((source, iso))

    if article and not foreign:
        add("jsonld", (article["published"] or [None])[0])
    for key in PUBLISHED_META:
        for value in meta.get(key, [])[:1]:
            add("meta", value)
    for key, values in meta.items():  # other sites' own names: w-published-date, article_date_original…
        if key not in PUBLISHED_META and _PUBLISHED_KEY.search(key) and not _MODIFIED_KEY.search(key):
            add("meta-other", values[0])
    for value in micro.get("datePublished", [])[:1] + micro.get("dateCreated", [])[:1]:
        add("microdata", value)
    for item in evidence.get("times", []):
        if item["pubdate"] and not item["elsewhere"]:
            add("time", item["datetime"] or item["text"])
    for o in pages:
        add("jsonld-page", (o["published"] or [None])[0])
    line_dates = [facts.date for _, facts in line_facts if facts.date and (facts.whole or facts.authors)]
    if len(set(line_dates)) > 1:  # several dates around the headline (posts, teasers): the one another source confirms
        others = {iso for _, iso in candidates}
        others |= {iso for item in evidence.get("times", []) if not item["elsewhere"]
                   for iso in [parse_date(item["datetime"] or item["text"], page_langs, month_first)] if iso}
        confirmed = [d for d in line_dates if d in others]
        line_dates = confirmed[:1] or line_dates[:1]
    for iso in line_dates:
        add("line", iso)
    first_time = next(iter(_article_first(evidence.get("times", []))), None)
    if first_time is not None:
        add("time-any", first_time["datetime"] or first_time["text"])
    for item in _article_first(evidence.get("dates", [])):
        dates = find_dates(item["text"], page_langs, month_first)
        modified = any(w in item["text"].lower() for w in UPDATED_WORDS)
        if dates:
            candidates.append(("modified-element" if modified else "date-element", dates[0][1]))
            if not modified:
                break
    add("url", url_date(out.url) or url_date(given_url))
    add("given", given.get("date"))
    if article and not foreign:
        add("modified-jsonld", (article["modified"] or [None])[0])
    for key in MODIFIED_META:
        for value in meta.get(key, [])[:1]:
            add("modified-meta", value)
    for key, values in meta.items():  # other sites' own names: modified-date, last-updated…
        if key not in MODIFIED_META and _REVISION_KEY.search(key):
            add("modified-meta", values[0])
    for _, facts in line_facts:
        add("modified-line", facts.modified)
    if foreign and article is None:  # another article's dates: only when nothing else dates the page
        for o in objects:
            if o["kind"] == "article":
                add("foreign", (o["published"] or [None])[0])
    if not candidates and evidence:  # nothing else dates the page: the first dateline anywhere
        for block in blocks:
            if any(c.isdigit() for c in block.text):
                facts = read_line(block.text, page_langs, month_first)
                if facts.whole and (facts.date or facts.modified):
                    add("line-anywhere", facts.date or facts.modified)
                    break
    rank = {source: i for i, source in enumerate(DATE_ORDER)}
    candidates.sort(key=lambda c: rank.get(c[0], len(rank)))
    out.date = _choose_date(candidates, today)
    return out, byline_blocks


#: Sources that date the page in its markup as published (not the visible text).
MARKUP_PUBLISHED = frozenset({"jsonld", "meta", "microdata", "time", "jsonld-page", "meta-other"})
#: Distinct sources that, agreeing on one day, outvote the first candidate (when it has two
#: fewer behind it).
OUTVOTE = 3
#: Sources the reader sees: the page's text, not its markup.
VISIBLE = frozenset({"line", "time", "time-any", "date-element"})
#: Sources that date the page's last revision in its markup.
MARKUP_MODIFIED = frozenset({"modified-jsonld", "modified-meta"})
MODIFIED_SOURCES = MARKUP_MODIFIED | {"modified-line", "modified-element"}


def _days(a: str, b: str) -> int:
    return abs((_dt.date.fromisoformat(a) - _dt.date.fromisoformat(b)).days)


def _choose_date(candidates: list[tuple[str, str]], today: _dt.date | None) -> str | None:
    """The first plausible candidate; a suspicious one (before 1990, after ``today``) only when
    another source gives the same day. A dateline one day off the markup's publication date is
    the same moment in another time zone: the markup's wins. When the first candidate is the
    markup's and the page shows none of it, a publication date of the markup that the page shows
    wins (two publication dates in the markup: the template's stale one and the article's).
    Three sources or more that agree on one day outvote a first candidate with two fewer behind
    it (a template's stale ``datePublished`` against the page's meta tags and ``<time>``). A
    publication date of the markup later than the markup's own last revision date is not the
    publication (the day the page was rendered) while another publication date remains."""
    revised = [iso for source, iso in candidates if source in MARKUP_MODIFIED]
    if revised:  # the markup's publication date after its own last revision is not the publication
        latest = max(revised)
        kept = [(source, iso) for source, iso in candidates if not (source in MARKUP_PUBLISHED and iso > latest)]
        if any(source in MARKUP_PUBLISHED for source, _ in kept):
            candidates = kept
    published = [iso for source, iso in candidates if source in MARKUP_PUBLISHED]
    if published:
        kept = []
        for source, iso in candidates:
            if source == "line" and iso not in published and any(_days(iso, p) == 1 for p in published):
                continue
            kept.append((source, iso))
        candidates = kept
    first = next((iso for _, iso in candidates if plausible(iso, today)), None)
    shown = {iso for source, iso in candidates if source in VISIBLE}
    if first is not None and shown and first not in shown:
        confirmed = next((iso for source, iso in candidates if source in MARKUP_PUBLISHED and iso in shown
                          and plausible(iso, today)), None)
        if confirmed:
            return confirmed  # the markup's publication dates disagree: the one the page shows
    if first is not None:
        votes: dict[str, set[str]] = {}
        for source, iso in candidates:
            if source not in MODIFIED_SOURCES and plausible(iso, today):
                votes.setdefault(iso, set()).add(source)
        best = max(votes, key=lambda d: (len(votes[d]), d == first)) if votes else first
        if votes and len(votes[best]) >= OUTVOTE and len(votes[best]) > len(votes.get(first, ())) + 1:
            return best  # several sources agree against the first (a stale template date)
    for source, iso in candidates:
        if plausible(iso, today):
            return iso
        if sum(1 for s, d in candidates if d == iso and s != source) >= 1:
            return iso
    return None


def htmldate_fallback(html: str, url: str | None, given: dict[str, str]) -> str | None:
    """The publication date htmldate finds in a page's markup (its meta names, element classes
    and URL patterns, many more than :func:`decide` reads; no search of the free text), for a
    page :func:`decide` found none on. None when it finds none or is not installed."""
    try:
        import logging

        from htmldate import find_date
    except ImportError:
        return None
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    today = _reference_day(given) or _dt.datetime.now(_dt.timezone.utc).date()
    try:
        found = find_date(html, url=url, extensive_search=False, original_date=True,
                          min_date=EARLIEST_DAY, max_date=today.isoformat())
    except Exception:  # noqa: BLE001 - htmldate's parser on broken markup: no date, not a failure
        return None
    return found if found and plausible(found, today) else None
