"""Article metadata against annotated pages: title, author, publication date and site name of
normalize beside trafilatura's ``extract_metadata``, in the same run, on the same pages.

* WCXB dev (``../shared/data/wcxb/dev``): each page's ``ground_truth`` ``title``, ``author``
  and ``publish_date``, scored only on the pages annotated with that field: a title (an author)
  is right when its lower-cased ``\\w+`` tokens equal the annotation's (authors order-free, all
  names of a list together), a date when its ``YYYY-MM-DD`` equals ``publish_date``. Both
  systems get the page's URL (``url`` of the annotation), as a crawl would. WCXB annotates no
  site name: the table gives the share of pages where each system names one, and how often the
  two agree. ``wrong where none`` counts a value given on a page annotated without one.
* The page's text dump (``dev/dumps.jsonl``): normalize alone (trafilatura reads HTML).
* L3S-GN1 (``../shared/data/wceb/l3s-gn1``): the annotated headline, exact match of tokens.

Rows ``half A``/``half B`` split WCXB by a hash of the page's domain: the rules of
normalize/metadata were developed looking at half A only; half B is the held-out check.

    python scripts/bench_metadata.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_data import Labelled, default_shared, load_dataset, load_wcxb, same_title  # noqa: E402

_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall((text or "").lower())


#: Words joining names in a list, not names: "Jane Doe and John Roe" is the names Jane Doe, John Roe.
CONNECTORS = frozenset({"and"})


def name_tokens(text: str | None) -> list[str]:
    return sorted(t for t in tokens(text) if t not in CONNECTORS)


def same_author(predicted: list[str] | str | None, gold: str | None) -> bool:
    """The same name tokens, order-free; a list's "and" is no name (trafilatura's "A; B" and
    normalize's ["A", "B"] both match "A and B")."""
    if isinstance(predicted, list):
        predicted = " ".join(predicted)
    return bool(tokens(gold)) and name_tokens(predicted) == name_tokens(gold)


def same_date(predicted: str | None, gold: str | None) -> bool:
    return bool(gold) and (predicted or "")[:10] == gold[:10]


def half(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return "A" if hashlib.md5(host.encode()).digest()[0] % 2 == 0 else "B"


def run_normalize(html: bytes | str, url: str | None, is_html: bool = True) -> dict:
    import normalize

    doc = normalize.normalize_document(html, html=is_html, url=url)
    m = doc.metadata
    return {"title": doc.title, "author": m.author, "date": m.date, "site": m.site_name}


def run_trafilatura(html: bytes, url: str) -> dict:
    from trafilatura import extract_metadata

    try:
        m = extract_metadata(html.decode("utf-8", "replace"), default_url=url)
    except Exception:  # noqa: BLE001 - a failure is a miss
        m = None
    if m is None:
        return {"title": None, "author": None, "date": None, "site": None}
    return {"title": m.title, "author": m.author.replace(";", " ") if m.author else None, "date": m.date,
            "site": m.sitename}


def score(rows: list[tuple[dict, Labelled]]) -> dict:
    out = {}
    for field, same in (("title", same_title), ("author", same_author), ("date", same_date)):
        annotated = [(p, g) for p, g in rows if getattr(g, field)]
        right = sum(same(p[field], getattr(g, field)) for p, g in annotated)
        spurious = sum(1 for p, g in rows if not getattr(g, field) and p[field])
        out[field] = (right / len(annotated) if annotated else 0.0, len(annotated), spurious,
                      len(rows) - len(annotated))
    out["site"] = (sum(1 for p, _ in rows if p["site"]) / max(1, len(rows)), len(rows), 0, 0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_shared(), help="the shared data directory")
    parser.add_argument("--limit", type=int, default=None, help="only the first N WCXB pages")
    args = parser.parse_args()
    if args.data is None or not (args.data / "wcxb" / "dev").exists():
        sys.exit("no data: give --data DIR (the directory holding wcxb/dev and wceb/l3s-gn1)")
    pages = load_wcxb(args.data / "wcxb")[:args.limit]
    systems = {"normalize": [], "normalize, no URL given": [], "normalize, text dump": [], "trafilatura": []}
    seconds = dict.fromkeys(systems, 0.0)
    for page in pages:
        for name in systems:
            start = time.perf_counter()
            if name == "normalize":
                result = run_normalize(page.html, page.url)
            elif name == "normalize, no URL given":
                result = run_normalize(page.html, None)
            elif name == "normalize, text dump":
                result = run_normalize(page.dump, None, is_html=False) if page.dump else \
                    {"title": None, "author": None, "date": None, "site": None}
            else:
                result = run_trafilatura(page.html, page.url)
            seconds[name] += time.perf_counter() - start
            systems[name].append((result, page))
    agree = sum(1 for (n, _), (t, _) in zip(systems["normalize"], systems["trafilatura"])
                if n["site"] and t["site"] and tokens(n["site"]) == tokens(t["site"]))
    print(f"WCXB dev: {len(pages)} pages (half A {sum(half(p.url) == 'A' for p in pages)}, "
          f"half B {sum(half(p.url) == 'B' for p in pages)}; by domain hash)\n")
    print("| system | pages | title | author | date | site name given | author given where none | "
          "date given where none | s/page |")
    print("|---|---|---|---|---|---|---|---|---|")
    for subset in ("all", "A", "B"):
        for name, rows in systems.items():
            if subset != "all" and name not in ("normalize", "trafilatura"):
                continue
            chosen = [(p, g) for p, g in rows if subset == "all" or half(g.url) == subset]
            s = score(chosen)
            label = name if subset == "all" else f"{name}, half {subset}"
            per_page = f"{seconds[name] / max(1, len(pages)):.4f}" if subset == "all" else "–"
            print(f"| {label} | {len(chosen)} | {s['title'][0]:.3f} ({s['title'][1]}) | "
                  f"{s['author'][0]:.3f} ({s['author'][1]}) | {s['date'][0]:.3f} ({s['date'][1]}) | "
                  f"{s['site'][0]:.3f} | {s['author'][2]}/{s['author'][3]} | {s['date'][2]}/{s['date'][3]} | "
                  f"{per_page} |")
    print(f"\nsite names both give and agree on (same tokens): {agree}")

    l3s = args.data / "wceb" / "l3s-gn1"
    if (l3s / "pages.jsonl").exists():
        titled = [p for p in load_dataset(l3s, "l3s-gn1") if p.title and p.html is not None]
        right = {"normalize": sum(same_title(run_normalize(p.html, None)["title"], p.title) for p in titled),
                 "trafilatura": sum(same_title(run_trafilatura(p.html, "")["title"], p.title) for p in titled)}
        print(f"\nL3S-GN1 titles ({len(titled)} pages with a headline): normalize "
              f"{right['normalize'] / len(titled):.3f}, trafilatura {right['trafilatura'] / len(titled):.3f}")


if __name__ == "__main__":
    main()
