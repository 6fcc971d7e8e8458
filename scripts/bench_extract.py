"""Article-body benchmark: normalize's extraction against trafilatura and keep-every-line, per dataset.

Scored as ../shared/README.md says: 4-token shingles over ``\\w+`` tokens, multiset overlaps per
page, precision and recall averaged over pages, F1 the harmonic mean of the two averages; each
dataset on its own (the article benchmark and the five wceb datasets), then the macro mean over
the five wceb datasets. Every extractor runs on the same pages in the same process, one page
at a time, so the pages/s columns compare like with like. HTML: ``normalize`` (one parse and the
learned classifier: title and body in one call), trafilatura default and ``favor_precision``.
Text dumps: ``normalize.clean_text``, keep every line, trafilatura (both modes) on the lines as
``<p>``. Titles: L3S-GN1's annotated headline against normalize's title (the shipped model, trained
on these pages, and held out: 5-fold cross-validation) and trafilatura's ``extract_metadata(...).title``.

    python scripts/bench_extract.py                          # everything in ../shared/data
    python scripts/bench_extract.py --only html --datasets articles l3s-gn1
    python scripts/bench_extract.py --limit 20 --no-anchors  # a quick look
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_data import WCEB, Labelled, default_shared, load_all, page_scores, same_title, summary  # noqa: E402

from normalize import clean_text  # noqa: E402
from normalize.encoding.decode import decode_bytes  # noqa: E402
from normalize.boilerplate.html import read_article  # noqa: E402
from normalize.document import PARAGRAPH_SEPARATOR  # noqa: E402


def normalize_html(html: str) -> tuple[str | None, str]:
    title, lines = read_article(html)
    return title, PARAGRAPH_SEPARATOR.join(lines)


def trafilatura_default(html: str) -> tuple[str | None, str]:
    import trafilatura

    return None, trafilatura.extract(html) or ""


def trafilatura_precise(html: str) -> tuple[str | None, str]:
    import trafilatura

    return None, trafilatura.extract(html, favor_precision=True) or ""


def trafilatura_title(html: str) -> tuple[str | None, str]:
    from trafilatura import extract_metadata

    meta = extract_metadata(html)
    return (meta.title if meta else None), ""


def _as_page(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</body></html>"


TEXT_EXTRACTORS: dict[str, Callable[[str], str]] = {
    "normalize.clean_text": clean_text,
    "keep every line": lambda text: text,
    "trafilatura default (lines as <p>)": lambda text: trafilatura_default(_as_page(text))[1],
    "trafilatura favor_precision (lines as <p>)": lambda text: trafilatura_precise(_as_page(text))[1],
}


def run(extract: Callable, documents: list[str]) -> tuple[list, float]:
    start = time.perf_counter()
    outputs = [extract(d) for d in documents]
    return outputs, time.perf_counter() - start


def table(kind: str, names: list[str], results: dict[str, dict[str, tuple[float, float, float, float]]],
          datasets: list[str]) -> None:
    print(f"\n{kind}: F1 per dataset (precision / recall below), pages/s over all pages")
    print("| extractor | " + " | ".join(datasets) + " | wceb macro | pages/s |")
    print("|---" * (len(datasets) + 3) + "|")
    for name in names:
        row = results[name]
        wceb = [row[d][0] for d in datasets if d in WCEB]
        macro = sum(wceb) / len(wceb) if wceb else float("nan")
        print(f"| {name} | " + " | ".join(f"{row[d][0]:.3f}" for d in datasets)
              + f" | **{macro:.3f}** | {row['_speed']:.1f} |")
    print("\n| extractor (P / R) | " + " | ".join(datasets) + " |\n" + "|---" * (len(datasets) + 1) + "|")
    for name in names:
        print(f"| {name} | " + " | ".join(f"{results[name][d][1]:.3f} / {results[name][d][2]:.3f}" for d in datasets) + " |")


def bench(kind: str, extractors: dict[str, Callable], pages: list[Labelled], datasets: list[str]) -> dict:
    docs = [decode_bytes(p.html) if kind == "HTML" else p.dump for p in pages]
    keep = [i for i, d in enumerate(docs) if d is not None]
    results: dict[str, dict] = {}
    titles: dict[str, list] = {}
    for name, extract in extractors.items():
        outputs, seconds = run(extract, [docs[i] for i in keep])
        per: dict[str, list] = {}
        for i, out in zip(keep, outputs):
            body = out[1] if isinstance(out, tuple) else out
            per.setdefault(pages[i].dataset, []).append(page_scores(body, pages[i].gold))
            if isinstance(out, tuple) and pages[i].title and name == "normalize":  # the others give no title
                titles.setdefault(f"{name} (in-sample: the shipped title model)", []).append(
                    same_title(out[0], pages[i].title))
        results[name] = {d: summary(per.get(d, [])) for d in datasets}
        results[name]["_speed"] = len(keep) / seconds
        print(f"  {kind} {name}: {len(keep)} pages in {seconds:.1f} s", file=sys.stderr)
    table(kind, list(extractors), results, datasets)
    return titles


def main() -> None:
    shared = default_shared()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=shared, required=shared is None, help="../shared/data")
    parser.add_argument("--only", choices=["html", "text"])
    parser.add_argument("--datasets", nargs="+", choices=["articles", *WCEB])
    parser.add_argument("--limit", type=int, help="the first N pages of each dataset")
    parser.add_argument("--no-anchors", action="store_true", help="normalize (and keep every line) only")
    args = parser.parse_args()
    pages = load_all(args.data)
    datasets = args.datasets or ["articles", *WCEB]
    pages = [p for p in pages if p.dataset in datasets]
    if args.limit:
        counts: dict[str, int] = {}
        pages = [p for p in pages if counts.setdefault(p.dataset, 0) < args.limit and not counts.update({p.dataset: counts[p.dataset] + 1})]
    if args.only != "text":
        extractors: dict[str, Callable] = {"normalize": normalize_html}
        if not args.no_anchors:
            extractors |= {"trafilatura default": trafilatura_default,
                           "trafilatura favor_precision": trafilatura_precise}
        titles = bench("HTML", extractors, pages, datasets)
        if "l3s-gn1" in datasets:
            titles |= bench_titles(pages, anchors=not args.no_anchors)
            print("\nL3S-GN1 titles: exact match (same \\w+ tokens, case-folded) with the annotated headline")
            print("| title from | pages | right |\n|---|---|---|")
            for name, right in titles.items():
                if right:
                    print(f"| {name} | {len(right)} | {sum(right) / len(right):.3f} |")
    if args.only != "html":
        extractors = dict(TEXT_EXTRACTORS)
        if args.no_anchors:
            extractors = {k: v for k, v in extractors.items() if "trafilatura" not in k}
        bench("text dumps", extractors, pages, datasets)


def bench_titles(pages: list[Labelled], anchors: bool = True) -> dict[str, list]:
    """normalize's title with a title model that never saw the page (the shipped one was trained
    on these pages: its row is in-sample), and trafilatura's metadata title (``anchors``)."""
    from train_titles import featurise, held_out_hits

    gn1 = [p for p in pages if p.dataset == "l3s-gn1" and p.title and p.html is not None]
    titles = {"normalize, held out (5-fold CV of scripts/train_titles.py)": list(held_out_hits(featurise(gn1)).values())}
    if anchors:
        titles["trafilatura extract_metadata().title"] = [
            same_title(trafilatura_title(decode_bytes(p.html))[0], p.title) for p in gn1]
    return titles


if __name__ == "__main__":
    main()
