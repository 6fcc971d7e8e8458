"""The report page in a real browser: headless Chromium (Debian's `chromium`, driven by
Playwright; `.ci/run` installs it). One browser for the module; every page is opened with every
request recorded and any request that is not the page itself refused.

Screenshots of the corpus view, of the seed's document view and of a translated document are written to
$REPORT_SCREENSHOTS (default: a pytest temporary directory, printed with -s)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from normalize.cli import main
from normalize.report.charts import vega_runtime
from normalize.report.sample import SAMPLE_SIZE

from .conftest import CORPORA, SEED

CHROMIUM = Path("/usr/bin/chromium")
GOLDEN = sorted((CORPORA / "expected").glob("*.jsonl"))
SEED_RU = "Заголовок открываемого материала"
SEED_RU_EN = "Title of the material being opened"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: `apt-get install -y chromium` (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("REPORT_SCREENSHOTS") or tmp_path_factory.mktemp("report-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"report screenshots in {folder}")
    return folder


class Opened:
    """A report open in a page, with every request the page made."""

    def __init__(self, browser, path: Path) -> None:
        self.uri = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1360, "height": 900})
        self.requests: list[str] = []
        self.context.route("**/*", lambda route: route.continue_() if route.request.url == self.uri else route.abort())
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.add_init_script("window.violations = [];"
                                  "document.addEventListener('securitypolicyviolation', e => window.violations.push(e.blockedURI));")
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.uri)
        self.page.wait_for_function("[...document.querySelectorAll('.chart')].every(c => c.dataset.rendered)")

    def assert_offline(self) -> None:
        """Nothing was requested but the page; no script error; no blocked load."""
        assert self.requests == [self.uri]
        assert self.errors == [] and self.page.evaluate("window.violations") == []

    def visible(self, selector: str) -> list[dict]:
        """The data attributes of the elements shown (one round trip to the page)."""
        return self.page.eval_on_selector_all(selector, "els => els.filter(e => e.checkVisibility()).map(e => ({...e.dataset}))")

    def close(self) -> None:
        self.context.close()


def records_of(paths) -> list[dict]:
    return [json.loads(line) for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpora_report(tmp_path_factory) -> Path:
    """The report of corpora/ (its expected output, as an earlier run wrote it)."""
    out = tmp_path_factory.mktemp("corpora") / "report.html"
    assert main(["report", *map(str, GOLDEN), "-o", str(out)]) == 0
    return out


def test_corpus_view_charts_are_drawn_and_nothing_is_requested(browser, corpora_report, screenshots):
    opened = Opened(browser, corpora_report)
    records = records_of(GOLDEN)
    charts = opened.page.query_selector_all(".chart")
    drawn = {c.evaluate("c => c.closest('figure').id"): c for c in charts}
    assert {"chart-documents", "chart-doc-langs", "chart-seg-langs", "chart-roles", "chart-repairs", "chart-encodings"} <= set(drawn)
    for chart_id, chart in drawn.items():
        assert chart.get_attribute("data-rendered") == "true", chart_id
        bars = chart.query_selector_all("svg g.mark-rect.role-mark path")
        assert bars and all(bar.bounding_box()["width"] > 0 for bar in bars), chart_id
    languages = {s["lang"] for r in records for s in r["segments"]}
    assert len(drawn["chart-seg-langs"].query_selector_all("svg g.mark-rect.role-mark path")) == len(languages)
    labels = drawn["chart-seg-langs"].query_selector_all("svg g.mark-text.role-mark text")
    assert sorted(int(t.text_content()) for t in labels) == sorted(
        sum(s["lang"] == lang for r in records for s in r["segments"]) for lang in languages)
    # nothing to draw: said so, no empty chart
    assert opened.page.inner_text("#chart-errors .empty") == "none"
    assert opened.page.inner_text("#kpi-documents b") == str(len(records))
    opened.page.locator("#corpus").screenshot(path=str(screenshots / "corpus-view.png"))
    opened.assert_offline()
    opened.close()


def test_filter_by_language_role_and_search(browser, corpora_report):
    opened = Opened(browser, corpora_report)
    page = opened.page
    records = records_of(GOLDEN)
    all_rows = len(page.query_selector_all("li.seg-row"))
    assert len(opened.visible("li.seg-row")) == all_rows == sum(len(r["segments"]) for r in records)

    page.select_option("#f-lang", "ru")
    rows = opened.visible("li.seg-row")
    assert {r["lang"] for r in rows} == {"ru"}
    assert len(rows) == sum(s["lang"] == "ru" for r in records for s in r["segments"])
    docs = [d["id"] for d in opened.visible("article.doc")]
    assert docs == [r["id"] for r in records if any(s["lang"] == "ru" for s in r["segments"])]
    assert page.inner_text("#shown-count") == str(len(docs))

    page.select_option("#f-role", "boilerplate")
    rows = opened.visible("li.seg-row")
    assert {(r["lang"], r["role"]) for r in rows} == {("ru", "boilerplate")}
    assert len(rows) == sum(s["lang"] == "ru" and s["role"] == "boilerplate" for r in records for s in r["segments"])

    page.select_option("#f-lang", "")
    page.select_option("#f-role", "")
    page.fill("#f-search", "uk_grain")
    assert [d["id"] for d in opened.visible("article.doc")] == ["corpora/articles/uk_grain_port.txt"]
    page.fill("#f-search", "")
    page.click("#legend .chip[data-lang='de']")  # the legend filters too
    assert {r["lang"] for r in opened.visible("li.seg-row")} == {"de"}
    page.check("#f-errors")  # no document of corpora/ has errors or warnings
    assert opened.visible("article.doc") == [] and page.is_visible("#nothing-shown")
    opened.assert_offline()
    opened.close()


def test_seed_russian_line_is_a_ru_boilerplate_segment(browser, seed_path, tmp_path, screenshots):
    out = tmp_path / "seed.html"
    assert main(["run", str(seed_path), "-o", str(tmp_path / "seed.jsonl"), "--report", str(out), "-q"]) == 0
    opened = Opened(browser, out)
    row = opened.page.locator("li.seg-row", has_text=SEED_RU)
    assert row.count() == 1
    assert (row.get_attribute("data-lang"), row.get_attribute("data-role")) == ("ru", "boilerplate")
    assert row.locator(".tag").inner_text() == "ru"
    assert row.get_attribute("title").startswith("boilerplate · ru · confidence ")
    assert "line-through" in row.locator(".seg").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert float(row.locator(".seg").evaluate("e => getComputedStyle(e).opacity")) < 1  # faded
    # its colour is the one the legend gives ru
    legend = opened.page.locator("#legend .chip[data-lang='ru']")
    assert row.evaluate("e => getComputedStyle(e).borderLeftColor") == legend.evaluate("e => getComputedStyle(e).borderTopColor")
    doc = opened.page.locator("article.doc")
    assert doc.locator(".doc-title").inner_text() == "Israel, Russia Mull Creating Group on Foreign Forces Pullout From Syria - Source"
    doc.screenshot(path=str(screenshots / "seed-document-view.png"))
    opened.assert_offline()
    opened.close()


def test_translated_run_shows_translations_beside_their_source(browser, ru_en_installed, tmp_path, screenshots):
    inputs = [str(CORPORA / "articles" / "ru_metro_line.txt")] + ([str(SEED)] if SEED.exists() else [])
    out, jsonl = tmp_path / "translated.html", tmp_path / "out.jsonl"
    assert main(["run", *inputs, "--translate-to", "en", "-o", str(jsonl), "--report", str(out), "-q"]) == 0
    records = records_of([jsonl])
    opened = Opened(browser, out)
    # what the tiny fixture model makes of a menu word depends on the CTranslate2 version (4.8
    # changed "Home" to "Main"): the page must show the record's translation, whatever it is
    menu = next(s["translation"] for r in records for s in r["segments"] if s["text"] == "Главная")
    assert menu in ("Home", "Main")
    pairs = [("Главная", menu)] + ([(SEED_RU, SEED_RU_EN)] if SEED.exists() else [])
    for source, translation in pairs:
        row = opened.page.locator("li.seg-row", has=opened.page.locator(".seg", has_text=source)).first
        assert row.locator(".tr").inner_text() == translation
        seg, tr = row.locator(".seg").bounding_box(), row.locator(".tr").bounding_box()
        assert tr["x"] >= seg["x"] + seg["width"] and abs(tr["y"] - seg["y"]) < 5  # beside, on the same line
    translated = sum(s["translation"] is not None for r in records for s in r["segments"])
    assert translated > 0 and opened.page.inner_text("#kpi-translated b") == str(translated)
    assert opened.page.get_attribute("#chart-translated .chart", "data-rendered") == "true"
    opened.page.locator("article.doc").first.screenshot(path=str(screenshots / "translated-document-view.png"))
    opened.assert_offline()
    opened.close()


def synthetic_record(n: int) -> dict:
    """A valid normalize/1 record; every 97th has an error, every 13th a missing-model warning."""
    lang = ("en", "ru", "de", "fr", "uk", "es")[n % 6]

    def segment(text: str, role: str, language: str = lang, confidence: float = 0.93) -> dict:
        return {"text": text, "lang": language, "confidence": confidence, "role": role, "start": None, "end": None, "translation": None}

    body = [segment(f"Paragraph {i} of document {n}, " + " ".join(f"w{(n * 7 + i * 13 + k) % 997}" for k in range(12)), "body")
            for i in range(2)]
    return {
        "schema": "normalize/1", "id": f"synthetic/{n:05d}", "source": f"synthetic/{n:05d}", "lang": lang,
        "title": f"Document {n}", "text": "\n\n".join(s["text"] for s in body), "translated_text": None, "translated_to": None,
        "segments": [segment("Home", "boilerplate", confidence=0.5), segment(f"Document {n}", "title"), *body,
                     segment("0", "boilerplate", "und", 0.0)],
        "encoding": ("utf-8", "cp1251", None)[n % 3],
        "repairs": [{"kind": "mojibake", "count": 2}] if n % 7 == 0 else [],
        "errors": [{"stage": "decode", "message": "undecodable bytes"}] if n % 97 == 0 else [],
        "warnings": [{"stage": "translate", "message": "no ru→en translation model installed; install it with: normalize models install ru en"}]
        if n % 13 == 0 else [],
    }


def peak_rss_of_report(jsonl: Path, out: Path) -> int:
    """Peak resident memory (KiB) of a `normalize report` process: VmHWM, its own high-water
    mark (ru_maxrss would count the forking parent's memory too)."""
    code = ("import re, sys\nfrom normalize.cli import main\nrc = main(sys.argv[1:])\n"
            "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\nsys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, "report", str(jsonl), "-o", str(out)],
                            capture_output=True, text=True, check=True)
    return int(result.stdout.split()[-1])


def test_20000_records_with_flat_memory_open_in_the_browser(browser, tmp_path):
    vega_runtime()  # bundled and cached once, so that both runs below read it the same way
    sizes = {}
    for n in (2000, 20000):
        jsonl = tmp_path / f"{n}.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps(synthetic_record(i), ensure_ascii=False) + "\n")
            f.write("{truncated\n")
        sizes[n] = peak_rss_of_report(jsonl, tmp_path / f"{n}.html")
    print(f"peak RSS: 2,000 records {sizes[2000] / 1024:.0f} MiB, 20,000 records {sizes[20000] / 1024:.0f} MiB")
    assert sizes[20000] < 1.1 * sizes[2000]  # ten times the records, the same memory

    opened = Opened(browser, tmp_path / "20000.html")
    page = opened.page
    assert page.inner_text("#kpi-documents b") == "20,000"
    assert page.inner_text("#kpi-errors b") == f"{len(range(0, 20000, 97)):,}"
    assert page.inner_text("#kpi-malformed b") == "1"
    assert "of 20,000 documents" in page.inner_text("#sample-note")
    shown = opened.visible("article.doc")
    with_errors = [d for d in shown if d["errors"] != "0"]
    assert SAMPLE_SIZE + 1 <= len(shown) <= SAMPLE_SIZE + 50 and len(with_errors) >= 50
    assert page.inner_text("#warning-list tbody tr td:nth-child(2)") == f"{len(range(0, 20000, 13)):,}"
    assert page.inner_text("#warning-list code.command") == "normalize models install ru en"
    page.check("#f-errors")
    assert [d["id"] for d in opened.visible("article.doc")] == [
        d["id"] for d in shown if d["errors"] != "0" or d["warnings"] != "0"]
    opened.assert_offline()
    opened.close()
