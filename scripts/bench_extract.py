"""Main-content benchmark, honest by default: normalize scored only on pages its model never saw,
beside trafilatura (default, ``favor_precision``) and resiliparse on the same pages in the same run.

normalize's HTML and dump models are retrained per fold (scripts/train_boilerplate.py, the
shipped settings) and each page is extracted with the model of the fold that held it out:

* **by site**: 5 folds grouped by site (a WCXB domain is never in training and scoring folds
  at once; a page of the older sets, whose domains are not given, is its own group);
* **by dataset**: leave one dataset out (trained on the six others).

Scoring as ../shared/README.md says: the older sets (the article benchmark and the five wceb
datasets) by 4-token shingle F1 per dataset and their macro mean over the five wceb sets; WCXB by
its own metric, word F1 per page averaged, overall and per page kind, with the share of ``with``
snippets found and ``without`` snippets leaked. The ``--comments`` row is normalize keeping readers'
comments (same models, same folds): Dragnet's and CleanEval's annotators count them as content,
WCXB's, L3S-GN1's and the article benchmark's do not. ``--in-sample`` adds the shipped model's own
scores, labelled as such: they are scores on its training pages, never results.

Speed: every extractor's pages/s over the same pages, one page at a time in this process, the
extractors taking turns page by page, the models loaded before timing (normalize: the shipped
models, the whole ``read_article`` path).

    python scripts/bench_extract.py                          # everything in ../shared/data (~25 min)
    python scripts/bench_extract.py --only html --split site # one split, HTML only
    python scripts/bench_extract.py --no-anchors             # normalize only
    python scripts/bench_extract.py --speed-only --only html # pages/s of every extractor only

The anchors' outputs are cached under /tmp/normalize-bench-anchors (keyed by their versions).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import zlib
from collections.abc import Callable
from html import escape
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_data import DATASETS, WCEB, Labelled, default_shared, load_all, page_scores, snippets, summary, word_f1  # noqa: E402
from train_boilerplate import body_text, decide, featurise, held_out  # noqa: E402

from normalize.boilerplate.html import read_article  # noqa: E402
from normalize.boilerplate.model import TWO_LOOKS  # noqa: E402
from normalize.boilerplate.text import clean_text  # noqa: E402
from normalize.document import PARAGRAPH_SEPARATOR  # noqa: E402
from normalize.encoding.decode import decode_bytes  # noqa: E402

KINDS = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
ANCHOR_CACHE = Path("/tmp/normalize-bench-anchors")


def trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def trafilatura_precise(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True) or ""


def resiliparse_main(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True)


def _as_page(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</body></html>"


#: name: (extract, the package whose version keys its cache)
HTML_ANCHORS: dict[str, tuple[Callable[[str], str], str]] = {
    "trafilatura default": (trafilatura_default, "trafilatura"),
    "trafilatura favor_precision": (trafilatura_precise, "trafilatura"),
    "resiliparse main_content": (resiliparse_main, "resiliparse"),
}
TEXT_ANCHORS: dict[str, tuple[Callable[[str], str], str]] = {
    "keep every line": (lambda text: text, "normalize"),
    "trafilatura default (lines as <p>)": (lambda text: trafilatura_default(_as_page(text)), "trafilatura"),
}


def anchor_outputs(name: str, extract: Callable[[str], str], package: str, kind: str,
                   pages: list[Labelled]) -> list[str]:
    """An anchor's output for every page, cached on disk by its name and version."""
    key = hashlib.sha1(f"{name}|{kind}|{version(package)}".encode()).hexdigest()[:16]
    path = ANCHOR_CACHE / f"{key}.json.gz"
    cached = json.loads(zlib.decompress(path.read_bytes())) if path.exists() else {}
    out = []
    for page in pages:
        page_key = f"{page.dataset}/{page.id}"
        if page_key not in cached:
            doc = decode_bytes(page.html) if kind == "html" else page.dump
            cached[page_key] = extract(doc)
        out.append(cached[page_key])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(zlib.compress(json.dumps(cached).encode()))
    return out


def scores(pages: list[Labelled], outputs: list[str]) -> dict[str, float]:
    """Per older dataset its shingle F1, their wceb macro; WCXB's word F1 overall and per kind,
    ``with`` found and ``without`` leaked, and the pages it left empty."""
    per: dict[str, list] = {}
    wcxb: dict[str, list[float]] = {}
    found = with_all = leaked = without_all = empty = 0
    for page, text in zip(pages, outputs):
        if page.dataset == "wcxb":
            f1 = word_f1(text, page.gold)
            wcxb.setdefault("all", []).append(f1)
            wcxb.setdefault(page.kind, []).append(f1)
            f, w, lk, wo = snippets(text, page)
            found, with_all, leaked, without_all = found + f, with_all + w, leaked + lk, without_all + wo
            empty += bool(page.gold.strip()) and not text.strip()
        else:
            per.setdefault(page.dataset, []).append(page_scores(text, page.gold))
    out = {name: summary(s)[0] for name, s in per.items()}
    older = [out[d] for d in WCEB if d in out]
    if older:
        out["wceb macro"] = sum(older) / len(older)
    out |= {f"wcxb {k}": sum(v) / len(v) for k, v in wcxb.items()}
    if wcxb:
        out |= {"with found": found / max(1, with_all), "without leaked": leaked / max(1, without_all),
                "empty": float(empty)}
    return out


def print_tables(kind: str, rows: dict[str, dict[str, float]], speeds: dict[str, float]) -> None:
    older = [c for c in [*DATASETS[:-1], "wceb macro"] if any(c in r for r in rows.values())]
    if older:
        print(f"\n{kind}, the older sets: shingle F1 per dataset")
        print("| extractor | " + " | ".join(older) + " | pages/s |\n" + "|---" * (len(older) + 2) + "|")
        for name, row in rows.items():
            print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" if c in row else "–" for c in older)
                  + f" | {speeds.get(name, float('nan')):.1f} |")
    wcxb = [c for c in ["all", *KINDS] if any(f"wcxb {c}" in r for r in rows.values())]
    if wcxb:
        print(f"\n{kind}, WCXB development split: word F1 (mean over pages), overall and per page kind")
        print("| extractor | " + " | ".join(wcxb) + " | with found | without leaked | empty |\n"
              + "|---" * (len(wcxb) + 4) + "|")
        for name, row in rows.items():
            print(f"| {name} | " + " | ".join(f"{row[f'wcxb {c}']:.3f}" for c in wcxb)
                  + f" | {row['with found']:.3f} | {row['without leaked']:.3f} | {row['empty']:.0f} |")


def timed(extractors: dict[str, Callable[[str], object]], docs: list[str]) -> dict[str, float]:
    """Pages per second of each extractor over ``docs``, one page at a time, the extractors taking
    turns page by page (each warmed up first): a busy spell of a shared machine slows them all
    alike, so their ratios hold where their pages/s do not."""
    spent = dict.fromkeys(extractors, 0.0)
    for extract in extractors.values():
        extract(docs[0])
    names = list(extractors)
    for i, doc in enumerate(docs):
        for name in names[i % len(names):] + names[:i % len(names)]:
            start = time.perf_counter()
            extractors[name](doc)
            spent[name] += time.perf_counter() - start
    return {name: len(docs) / seconds for name, seconds in spent.items()}


def normalize_html(html: str) -> str:
    return PARAGRAPH_SEPARATOR.join(read_article(html)[1])


def bench(kind: str, pages: list[Labelled], splits: list[str], anchors: bool, in_sample: bool,
          speed_pages: int, speed_only: bool = False) -> None:
    pages = [p for p in pages if (p.html if kind == "html" else p.dump) is not None]
    extractors = HTML_ANCHORS if kind == "html" else TEXT_ANCHORS
    # speed first, in a process that holds no features yet (a heap of millions of feature values
    # slows every allocating extractor through Python's garbage collector, unevenly): an even
    # sample of the pages, every extractor on the same ones, models loaded first
    step = max(1, len(pages) // speed_pages)
    docs = [decode_bytes(p.html) if kind == "html" else p.dump for p in pages[::step]]
    timing = {"normalize": normalize_html if kind == "html" else clean_text}
    if anchors:
        timing |= {name: extract for name, (extract, _) in extractors.items()}
    speeds = timed(timing, docs)
    print(f"  {kind}: speed over {len(docs)} pages", file=sys.stderr)
    if speed_only:
        print(f"\n{'HTML' if kind == 'html' else 'Text dumps'}: pages/s over {len(docs)} pages, one at a time, "
              "taking turns\n| extractor | pages/s | normalize's ratio to it |\n|---|---|---|")
        for name, speed in speeds.items():
            print(f"| {name} | {speed:.1f} | {speeds['normalize'] / speed:.2f} |")
        return
    items = featurise(pages, kind)
    rows: dict[str, dict[str, float]] = {}
    for split in splits:
        held_out(items, kind, split)
        outputs = [body_text(it, decide(it, kind, it["cv"][split])) for it in items]
        rows[f"normalize, held out by {split}"] = scores(pages, outputs)
        if kind == "html":  # Dragnet's and CleanEval's annotators count readers' comments as content
            outputs = [body_text(it, decide(it, kind, it["cv"][split], comments=True)) for it in items]
            rows[f"normalize --comments, held out by {split}"] = scores(pages, outputs)
    if in_sample:
        outputs = [body_text(it, decide(it, kind, TWO_LOOKS[kind](it["rows"]))) for it in items]
        rows["normalize, IN-SAMPLE (the shipped model on its own training pages: not a result)"] = scores(pages, outputs)
    if anchors:
        for name, (extract, package) in extractors.items():
            rows[name] = scores(pages, anchor_outputs(name, extract, package, kind, pages))
    speeds |= {name: speeds["normalize"] for name in rows if name.startswith("normalize")}
    print_tables("HTML" if kind == "html" else "Text dumps", rows, speeds)


def main() -> None:
    shared = default_shared()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=shared, required=shared is None, help="../shared/data")
    parser.add_argument("--only", choices=["html", "text"])
    parser.add_argument("--split", choices=["site", "dataset"], action="append",
                        help="which cross-validation (default: both)")
    parser.add_argument("--datasets", nargs="+", choices=DATASETS)
    parser.add_argument("--no-anchors", action="store_true", help="normalize only")
    parser.add_argument("--in-sample", action="store_true", help="also the shipped model on its training pages, labelled")
    parser.add_argument("--speed-pages", type=int, default=400, help="pages timed per extractor (an even sample)")
    parser.add_argument("--speed-only", action="store_true", help="pages/s only, no scores (~2 min)")
    args = parser.parse_args()
    pages = [p for p in load_all(args.data) if p.dataset in (args.datasets or DATASETS)]
    for kind in ["html", "text"]:
        if args.only in (None, kind):
            bench(kind, pages, args.split or ["site", "dataset"], not args.no_anchors, args.in_sample,
                  args.speed_pages, args.speed_only)


if __name__ == "__main__":
    main()
