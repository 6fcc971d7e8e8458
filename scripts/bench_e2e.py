"""End to end: ``normalize`` against the hand-glued tools it replaces, on the same pages.

The glue is what people write by hand: trafilatura (``favor_precision``, no comments) for the
article body, ``ftfy.fix_text`` on it, then ``langdetect.detect`` (seeded) on every paragraph.
For text dumps the glue wraps each line in ``<p>`` so trafilatura can read it. ``normalize`` runs
:func:`normalize.normalize_document` on the same bytes (every stage, language ID of every
segment included). Both run in this process, taking turns pass by pass (best pass counts), with
their models loaded before timing. Body F1 is the article benchmark's metric (see
``bench_extract.py``).

    python scripts/bench_e2e.py                       # HTML pages and text dumps
    python scripts/bench_e2e.py --profile html        # cProfile of normalize on the HTML pages
    python scripts/bench_e2e.py --workers             # `normalize run --workers 1` vs 2 on the wceb pages

``--workers`` times the command itself on every HTML page of the five wceb datasets (1,447
pages: enough that loading the models, once a worker, is a small share), one run each way,
and prints the wall-time ratio, the peak memory of the largest process and whether the two
outputs are byte-identical.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_scale import run as run_command  # noqa: E402
from extract_data import load_articles, page_scores, summary  # noqa: E402

import normalize  # noqa: E402
from normalize.langid.config import LanguageConfig  # noqa: E402
from normalize.langid.detector import detector_for  # noqa: E402

_WARM_UP = 5  # pages each system sees before timing: loads every lazy model


def load(data: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(id, page, gold body) of the article benchmark's dev pages: HTML (as text), text dumps."""
    pages = load_articles(data)
    html_pages = [(p.id, p.html.decode("utf-8", "replace"), p.gold) for p in pages]
    return html_pages, [(p.id, p.dump, p.gold) for p in pages if p.dump is not None]


def glue_html(html: str) -> str:
    import ftfy
    import langdetect
    import trafilatura

    body = ftfy.fix_text(trafilatura.extract(html, favor_precision=True, include_comments=False) or "")
    for paragraph in body.split("\n"):
        if paragraph.strip():
            try:
                langdetect.detect(paragraph)
            except langdetect.LangDetectException:
                pass
    return body


def glue_text(text: str) -> str:
    page = "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
    return glue_html(page)


def ours(html: bool) -> Callable[[str], str]:
    def run(page: str) -> str:
        return normalize.normalize_document(page.encode("utf-8"), id="page", html=html).text
    return run


def fresh_pass() -> None:
    """normalize remembers the languages of short texts it has seen: a pass over pages it has
    already read would be answered from that memory. Each timed pass starts without it, so every
    pass does the work of a first one (the models stay loaded, as in any run)."""
    detector_for(LanguageConfig()).forget()


def measure(systems: dict[str, Callable[[str], str]], pages, repeat: int) -> list[dict]:
    for run in systems.values():
        for _, page, _ in pages[:_WARM_UP]:
            run(page)
    seconds = {name: float("inf") for name in systems}
    outputs: dict[str, list[str]] = {}
    for _ in range(repeat):
        for name, run in systems.items():
            fresh_pass()
            start = time.perf_counter()
            outputs[name] = [run(page) for _, page, _ in pages]
            seconds[name] = min(seconds[name], time.perf_counter() - start)
    rows = []
    for name in systems:
        f1, _, _ = summary([page_scores(out, gold) for out, (_, _, gold) in zip(outputs[name], pages)])
        rows.append({"name": name, "f1": f1, "pages_s": len(pages) / seconds[name]})
    return rows


def print_table(title: str, rows: list[dict]) -> None:
    glue = next(r for r in rows if r["name"].startswith("glue"))
    print(f"\n{title}\n| system | body F1 | pages/s | × glue |\n|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['f1']:.3f} | {r['pages_s']:.1f} | {r['pages_s'] / glue['pages_s']:.2f} |")


def profile(run: Callable[[str], str], pages, top: int) -> None:
    for _, page, _ in pages[:_WARM_UP]:
        run(page)
    profiler = cProfile.Profile()
    profiler.enable()
    for _, page, _ in pages:
        run(page)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue())


def measure_workers(folders: list[Path], counts=(1, 2)) -> None:
    """``normalize run FOLDERS --workers N`` for each of ``counts``: wall seconds, peak memory
    of the largest process, output digest (scripts/bench_scale.py's runner)."""
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in counts:
            out, stats = Path(tmp) / f"out-{workers}.jsonl", Path(tmp) / f"stats-{workers}.json"
            wall, _, largest = run_command(folders, workers, out, stats)
            rows[workers] = (wall, largest, hashlib.sha256(out.read_bytes()).hexdigest()[:12])
    print(f"\n`normalize run` on {len(folders)} folders of HTML pages\n"
          "| workers | wall s | × workers=1 | largest process MB | output sha256 |\n|---|---|---|---|---|")
    for workers, (wall, largest, digest) in rows.items():
        print(f"| {workers} | {wall:.1f} | {wall / rows[counts[0]][0]:.2f} | {largest / 2**20:.0f} | {digest} |")


def main(argv=None) -> None:
    root = Path(__file__).resolve().parent.parent
    default = next((d / "shared" / "data" / "articles" for d in root.parents[:2] if (d / "shared").exists()), None)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default, required=default is None,
                        help="the article benchmark's folder (html/, ground-truth-dev.json, text-dev.jsonl)")
    parser.add_argument("--only", choices=["html", "text"])
    parser.add_argument("--repeat", type=int, default=2, help="timing passes; the best counts")
    parser.add_argument("--profile", choices=["html", "text"], help="profile normalize instead of timing")
    parser.add_argument("--top", type=int, default=25, help="profile entries shown")
    parser.add_argument("--workers", action="store_true",
                        help="time `normalize run --workers 1` and `--workers 2` on the wceb HTML pages instead")
    args = parser.parse_args(argv)
    if args.workers:
        measure_workers(sorted(args.data.parent.glob("wceb/*/html")))
        return
    html_pages, text_pages = load(args.data)
    if args.profile:
        profile(ours(args.profile == "html"), html_pages if args.profile == "html" else text_pages, args.top)
        return
    import langdetect

    langdetect.DetectorFactory.seed = 0
    if args.only != "text":
        rows = measure({"glue: trafilatura → ftfy → langdetect": glue_html, "normalize_document": ours(True)},
                       html_pages, args.repeat)
        print_table(f"HTML pages ({len(html_pages)})", rows)
    if args.only != "html":
        rows = measure({"glue: trafilatura (lines as <p>) → ftfy → langdetect": glue_text,
                        "normalize_document": ours(False)}, text_pages, args.repeat)
        print_table(f"text dumps ({len(text_pages)})", rows)


if __name__ == "__main__":
    main()
