"""Rebuild docs/report.png, the README's picture of `normalize report`: the report of corpora/
(its expected output) in headless Chromium, three of the corpus view's charts and one document.

    python scripts/readme_screenshot.py [OUT.png]     (needs /usr/bin/chromium and playwright)

then shrink it (Debian's pngquant; 145 KB -> 48 KB):
    pngquant --quality 70-90 --strip --force -o docs/report.png docs/report.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from normalize.report import write_report

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ("chart-seg-langs", "chart-roles", "chart-encodings")
DOCUMENT = "corpora/articles/uk_grain_port.txt"
#: CSS pixels of the picture's width: narrow enough for the README, wide for three cards.
WIDTH = 1180

KEEP_ONLY = """([charts, doc]) => {
  document.querySelectorAll('.card').forEach(c => { if (!charts.includes(c.id)) c.remove(); });
  document.querySelectorAll('details.numbers').forEach(d => d.open = false);
  document.querySelectorAll('article.doc').forEach(a => { if (a.dataset.id !== doc) a.remove(); });
  document.querySelector('.cards').style.gridTemplateColumns = 'repeat(3, 1fr)';
  document.getElementById('sample-note').remove();
  window.dispatchEvent(new Event('resize'));  // the charts take their cards' new width
}"""


def main(out: str = str(ROOT / "docs" / "report.png")) -> None:
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        inputs = sorted((ROOT / "corpora" / "expected").glob("*.jsonl"))
        write_report([str(p.relative_to(ROOT)) for p in inputs], str(page_path))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": WIDTH, "height": 800})
            page.goto(page_path.as_uri())
            page.wait_for_function("[...document.querySelectorAll('.chart')].every(c => c.dataset.rendered)")
            page.evaluate(KEEP_ONLY, [list(CHARTS), DOCUMENT])
            page.wait_for_timeout(500)
            page.screenshot(path=out, full_page=True)
            browser.close()
    print(f"wrote {out} ({Path(out).stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(*sys.argv[1:])
