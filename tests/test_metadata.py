"""The record's ``metadata`` (issue 24): who wrote the article, when, where it was published,
from hand-written pages and dumps (no benchmark page): JSON-LD with ``@graph``, a byline only
in the text, dates in German and Russian, JSON-LD and visible dates that disagree, a page with
nothing, a WARC record's URL, the ``--url-field``/``--date-field`` options, and the Parquet and
JSON Schema round trip."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import normalize
from normalize.metadata.dates import parse_date

from .conftest import assert_valid_record
from .inprocess import run_cli

NULLS = {"author": None, "date": None, "site_name": None, "url": None, "description": None,
         "language_declared": None, "image": None, "tags": None}
BODY = ("<p>The storm reached the harbour on Monday night and pushed seawater into the lower streets of the "
        "town, officials said, while ferries stayed in port.</p>"
        "<p>Forecasters expect the wind to ease on Wednesday afternoon, although another band of heavy rain "
        "is due at the weekend, the weather service said.</p>")
TEXT_BODY = ("The storm reached the harbour on Monday night and pushed seawater into the lower streets of the "
             "town, officials said, while ferries stayed in port.\n"
             "Forecasters expect the wind to ease on Wednesday afternoon, although another band of heavy rain "
             "is due at the weekend, the weather service said.\n")


def _record(doc) -> dict:
    return assert_valid_record(normalize.to_record(doc))


def test_jsonld_graph_gives_every_field() -> None:
    page = f"""<html lang="en-gb"><head><title>Storm floods harbour town | Coastal Herald</title>
<link rel="canonical" href="/news/storm-floods-harbour">
<meta property="og:image" content="https://herald.example/img/storm.jpg">
<meta name="description" content="Seawater in the streets, ferries in port.">
<meta property="article:tag" content="weather"><meta property="article:tag" content="Port Carran">
<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "@id": "https://herald.example/#site", "name": "Coastal Herald"}},
  {{"@type": "NewsArticle", "headline": "Storm floods harbour town", "datePublished": "2024-03-03T08:15:00+00:00",
    "dateModified": "2024-03-05T10:00:00+00:00", "author": [{{"@id": "#mara"}}, {{"@type": "Person", "name": "Tom Reed"}}],
    "publisher": {{"@id": "https://herald.example/#site"}}, "keywords": "storm, ferries"}},
  {{"@type": "Person", "@id": "#mara", "name": "Mara Quinn"}}]}}</script></head>
<body><h1>Storm floods harbour town</h1>{BODY}</body></html>"""
    doc = normalize.normalize_document(page, html=True, url="https://herald.example/news/storm-floods-harbour?utm=x")
    assert _record(doc)["metadata"] == {
        "author": ["Mara Quinn", "Tom Reed"],
        "date": "2024-03-03",
        "site_name": "Coastal Herald",
        "url": "https://herald.example/news/storm-floods-harbour",
        "description": "Seawater in the streets, ferries in port.",
        "language_declared": "en-GB",
        "image": "https://herald.example/img/storm.jpg",
        "tags": ["weather", "Port Carran", "storm", "ferries"],
    }
    assert doc.title == "Storm floods harbour town"


def test_byline_only_in_the_text_is_the_author_and_boilerplate() -> None:
    dump = "Coastal Herald\nStorm Floods Harbour Town\nBy Jane Doe and John Roe\n" + TEXT_BODY
    doc = normalize.normalize_document(dump, html=False)
    record = _record(doc)
    assert record["metadata"] == {**NULLS, "author": ["Jane Doe", "John Roe"]}
    assert record["title"] == "Storm Floods Harbour Town"
    assert "Jane Doe" not in record["text"]
    assert [s["role"] for s in record["segments"] if s["text"] == "By Jane Doe and John Roe"] == ["boilerplate"]


def test_byline_under_the_headline_of_a_page() -> None:
    page = f"<html><body><h1>Storm floods harbour town</h1><p>By Jane Doe | March 3, 2024</p>{BODY}</body></html>"
    record = _record(normalize.normalize_document(page, html=True))
    assert (record["metadata"]["author"], record["metadata"]["date"]) == (["Jane Doe"], "2024-03-03")
    assert "Jane Doe" not in record["text"] and record["text"].startswith("The storm reached")


@pytest.mark.parametrize("dateline, byline, author", [
    ("3. März 2024", "Von Eva Roth", "Eva Roth"),
    ("3 марта 2024", "Автор: Иван Петров", "Иван Петров"),
])
def test_dates_and_bylines_in_german_and_russian(dateline: str, byline: str, author: str) -> None:
    assert parse_date(dateline) == "2024-03-03"
    dump = f"Sturm überflutet den Hafen\n{byline} | {dateline}\n" + TEXT_BODY
    record = _record(normalize.normalize_document(dump, html=False))
    assert record["metadata"]["author"] == [author]
    assert record["metadata"]["date"] == "2024-03-03"
    assert dateline not in record["text"]


def test_the_articles_own_date_wins_when_jsonld_and_the_visible_date_disagree() -> None:
    """"Own" date: the date the page gives *this* article. JSON-LD whose article is this page's
    (its headline is the page's title, or its URL the page's) gives the publication date, and a
    visible "Updated …" line under the headline is the revision's, not the article's. JSON-LD that
    describes another article (another headline and URL: a teaser, a related story) does not date
    this one: the dateline under the headline does."""
    own = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm floods harbour town",
        "datePublished": "2024-03-03"}</script>"""
    page = f"<html><head>{own}</head><body><h1>Storm floods harbour town</h1><p>Updated 5 March 2024</p>{BODY}</body></html>"
    assert normalize.normalize_document(page, html=True).metadata.date == "2024-03-03"

    other = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves flood barrier",
        "url": "https://herald.example/news/flood-barrier", "datePublished": "2019-06-01"}</script>"""
    page = f"<html><head>{other}</head><body><h1>Storm floods harbour town</h1><p>3 March 2024</p>{BODY}</body></html>"
    doc = normalize.normalize_document(page, html=True, url="https://herald.example/news/storm")
    assert doc.metadata.date == "2024-03-03"
    assert doc.metadata.author is None


def test_a_page_and_a_dump_without_metadata_have_all_null() -> None:
    page = f"<html><body><h1>Storm floods harbour town</h1>{BODY}</body></html>"
    assert _record(normalize.normalize_document(page, html=True))["metadata"] == NULLS
    assert _record(normalize.normalize_document("Storm Floods Harbour Town\n" + TEXT_BODY, html=False))["metadata"] == NULLS


def test_suspicious_dates_need_a_second_source() -> None:
    future = f'<html><head><meta property="article:published_time" content="2099-01-01"></head><body><h1>Storm</h1>{BODY}</body></html>'
    assert normalize.normalize_document(future, html=True).metadata.date is None
    old = f'<html><head><meta property="article:published_time" content="1985-05-02"></head><body><h1>Storm</h1>{BODY}</body></html>'
    assert normalize.normalize_document(old, html=True).metadata.date is None
    assert normalize.normalize_document(old, html=True, url="https://herald.example/1985/05/02/storm").metadata.date == "1985-05-02"


def _warc(path: Path, url: str, body: bytes) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Language", "en")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-03-04T12:00:00Z"}))


def test_a_warc_records_url_is_the_url_and_dates_the_page(tmp_path: Path) -> None:
    url = "https://herald.example/2024/03/03/storm-floods-harbour"
    _warc(tmp_path / "crawl.warc.gz", url, f"<html><body><h1>Storm floods harbour town</h1>{BODY}</body></html>".encode())
    result = run_cli("run", str(tmp_path / "crawl.warc.gz"), "-q", "--workers", "1")
    assert result.returncode == 0, result.stderr
    record = assert_valid_record(json.loads(result.stdout))
    assert record["metadata"] == {**NULLS, "url": url, "date": "2024-03-03", "language_declared": "en"}


def test_url_and_date_fields_are_evidence(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(json.dumps({"doc": "a1", "link": "https://herald.example/news/storm", "published": "3 March 2024",
                                  "content": "Storm Floods Harbour Town\n" + TEXT_BODY}) + "\n", encoding="utf-8")
    result = run_cli("run", str(source), "-q", "--workers", "1", "--id-field", "doc", "--text-field", "content",
                     "--url-field", "link", "--date-field", "published")
    assert result.returncode == 0, result.stderr
    record = assert_valid_record(json.loads(result.stdout))
    assert record["metadata"] == {**NULLS, "url": "https://herald.example/news/storm", "date": "2024-03-03"}
    missing = run_cli("run", str(source), "-q", "--workers", "1", "--text-field", "content", "--date-field", "day")
    assert json.loads(missing.stdout)["warnings"] == [
        {"stage": "read", "message": "record has no field 'day' (--date-field); its fields: doc, link, published, content"}]
    assert "--url-field NAME" in run_cli("run", "--help").stdout.decode()


def test_metadata_round_trips_through_parquet_and_the_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(
        '<html lang="de"><head><meta property="og:site_name" content="Kurier"><meta name="author" content="Eva Roth">'
        f'<meta name="keywords" content="Sturm, Hafen"></head><body><h1>Sturm</h1>{BODY}</body></html>', encoding="utf-8")
    (pages / "b.txt").write_text("Storm Floods Harbour Town\n" + TEXT_BODY, encoding="utf-8")
    jsonl = run_cli("run", str(pages), "-q", "--workers", "1")
    records = [assert_valid_record(json.loads(line)) for line in jsonl.stdout.decode().splitlines()]
    assert [r["metadata"] for r in records] == [
        {**NULLS, "author": ["Eva Roth"], "site_name": "Kurier", "language_declared": "de", "tags": ["Sturm", "Hafen"]},
        NULLS,
    ]
    assert run_cli("run", str(pages), "-q", "--workers", "1", "-o", str(tmp_path / "out.parquet")).returncode == 0
    assert pq.read_table(tmp_path / "out.parquet").to_pylist() == records


def test_the_readmes_metadata_example_is_real_output() -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("`normalize run corpora/articles/de_bahn_streik.html`, its `metadata`")[1]
    shown = json.loads(shown.split("```json\n")[1].split("\n```")[0])
    result = run_cli("run", "corpora/articles/de_bahn_streik.html", "-q", "--workers", "1", cwd=ROOT)
    assert json.loads(result.stdout)["metadata"] == shown


def test_a_forum_members_join_date_is_not_the_threads_date() -> None:
    page = f"""<html><head><title>Ferry timetable changes</title></head><body>
<h1>Ferry timetable changes</h1><dl><dt>Mara Quinn</dt><dd>Joined: 4 Jul 2012</dd><dd>Registered: 2012-07-04</dd></dl>
<p>by Mara Quinn » 11 Sep 2024, 18:36</p>{BODY}</body></html>"""
    doc = normalize.normalize_document(page, html=True)
    assert doc.metadata.date == "2024-09-11"


def test_the_first_time_element_after_the_headline_dates_the_page() -> None:
    """``<time>`` elements of the header and menus (latest news, events) date other things: the
    first one after the ``<h1>`` is the article's."""
    menu = "".join(f'<li><a href="/e{i}">Event {i}</a> <time datetime="2025-01-0{i}">0{i}/01/2025</time></li>'
                   for i in range(1, 4))
    page = (f"<html><body><header><ul>{menu}</ul></header><h1>Storm floods harbour town</h1>"
            f'<div class="node__info"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time></div>{BODY}</body></html>')
    assert normalize.normalize_document(page, html=True).metadata.date == "2017-03-01"


def test_a_dateline_a_few_blocks_above_or_below_the_headline() -> None:
    """Menus and share buttons between the headline and its dateline: the dateline is read up to
    five blocks above the headline and ten below."""
    chrome = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Blog", "Recipes", "FAQs", "Stores"))
    share = "".join(f"<li><a href='/s/{w}'>{w}</a></li>" for w in ("Share", "Facebook", "LinkedIn", "Email"))
    page = (f"<html><body><ul>{chrome}</ul><h3>blog |<br>February 01, 2022</h3><ul>{share}</ul>"
            f"<h1>Storm floods harbour town</h1>{BODY}</body></html>")
    assert normalize.normalize_document(page, html=True).metadata.date == "2022-02-01"
    share = "".join(f"<li><a href='/s/{w}'>{w}</a></li>" for w in ("Share", "Facebook", "LinkedIn", "Email", "Print",
                                                                    "Threads", "Bluesky", "Copy link"))
    page = (f"<html><body><ul>{chrome}</ul><h1>Storm floods harbour town</h1><ul>{share}</ul>"
            f"<div>Updated Feb 11, 2026</div>{BODY}</body></html>")
    assert normalize.normalize_document(page, html=True).metadata.date == "2026-02-11"


def test_the_date_the_page_shows_wins_over_the_markup() -> None:
    """A dateline under the headline is the reader's date of the article, even where the markup
    calls that day ``dateModified``; where the markup's publication dates disagree, the one the
    page shows wins."""
    markup = """<script type="application/ld+json">{"@type": "Article", "headline": "Storm floods harbour town",
        "datePublished": "2012-09-12", "dateModified": "2021-09-08"}</script>"""
    page = f"<html><head>{markup}</head><body><h1>Storm floods harbour town</h1><p>September 8, 2021</p>{BODY}</body></html>"
    assert normalize.normalize_document(page, html=True).metadata.date == "2021-09-08"
    markup = """<meta property="article:published_time" content="2025-12-19T10:00:00Z">
        <script type="application/ld+json">{"@type": "Article", "headline": "Storm floods harbour town",
        "datePublished": "2018-04-03"}</script>"""
    page = (f"<html><head>{markup}</head><body><h1>Storm floods harbour town</h1>{BODY * 6}"
            f'<p>Filed in Weather on <time datetime="2025-12-19">Dec 19, 2025</time> by the storm desk</p></body></html>')
    assert normalize.normalize_document(page, html=True).metadata.date == "2025-12-19"


def test_a_dateline_far_from_the_headline_dates_a_page_nothing_else_dates() -> None:
    page = (f"<html><body><h1>Storm floods harbour town</h1>{BODY * 8}<p>Last updated: November 13, 2025</p>"
            "<footer><p>Contact us</p></footer></body></html>")
    assert normalize.normalize_document(page, html=True).metadata.date == "2025-11-13"


def test_an_updated_date_element_in_another_language_is_the_revisions() -> None:
    page = (f'<html lang="de"><body><h1>Sturm überflutet die Hafenstadt</h1>{BODY * 8}'
            '<span class="date">Aktualisiert: 05.03.2024</span> <span class="date">Veröffentlicht: 03.03.2024</span>'
            "</body></html>")
    assert normalize.normalize_document(page, html=True).metadata.date == "2024-03-03"


def test_a_dateline_beside_a_name_without_by_dates_the_page() -> None:
    """"Mar 4, 2024 • Jane Roe in Weather" under the headline: a dateline whose other parts are a
    name and a section label, no "By"; its date is the article's (the name is no author without a
    byline word) and the line is boilerplate."""
    page = (f"<html><body><h1>Storm floods harbour town</h1><p>Mar 4, 2024 <span>•</span> Jane Roe in</p>"
            f"<p>Weather</p>{BODY}</body></html>")
    doc = normalize.normalize_document(page, html=True)
    assert (doc.metadata.date, doc.metadata.author) == ("2024-03-04", None)
    assert "Jane Roe" not in doc.text
    line = normalize.metadata.read_line("Mar 4, 2024 • Jane Roe in", byline_only=True)
    assert (line.date, line.authors, line.whole) == ("2024-03-04", [], True)
    # a sentence that holds a date stays a sentence
    assert not normalize.metadata.read_line("On Mar 4, 2024 the city closed its port.").whole


def test_a_publication_date_after_the_pages_last_revision_is_not_the_publication() -> None:
    """A site's own meta names: ``published-time`` is the day the page was rendered, after its own
    ``modified-date``; the ``published-date`` before it is the article's."""
    head = ('<meta name="published-time" content="2025-11-20T09:00:00Z"><meta name="modified-date" content="2024-05-02">'
            '<meta name="published-date" content="2022-08-15">')
    page = f"<html><head>{head}</head><body><h1>Storm floods harbour town</h1>{BODY}</body></html>"
    assert normalize.normalize_document(page, html=True).metadata.date == "2022-08-15"
    # without a revision date the first publication date stands
    page = page.replace('<meta name="modified-date" content="2024-05-02">', "")
    assert normalize.normalize_document(page, html=True).metadata.date == "2025-11-20"
