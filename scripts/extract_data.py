"""The labelled pages of ../shared/data (articles/, wceb/ and wcxb/) and the article-body metrics,
shared by scripts/train_boilerplate.py and scripts/bench_extract.py.

A dataset directory of your own works too: ``<dir>/pages.jsonl`` with ``{"id", "gold", "text"?,
"title"?}`` a line and ``<dir>/html/<id>.html.gz`` (or ``.html``) per page.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

WCEB = ["cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "readability"]
_TOKEN = re.compile(r"\w+")


@dataclass
class Labelled:
    id: str
    dataset: str
    html: bytes | None
    dump: str | None
    gold: str
    title: str | None = None
    site: str = ""  # the page's domain where known (the group of by-site folds), else its id
    kind: str = ""  # WCXB's page kind (article, forum, product, collection, listing, documentation, service)
    with_: list[str] = field(default_factory=list)  # WCXB: snippets a right extraction keeps
    without: list[str] = field(default_factory=list)  # WCXB: boilerplate snippets it must drop
    url: str = ""  # WCXB: the page's URL
    author: str | None = None  # WCXB: the annotated author(s), one string
    date: str | None = None  # WCXB: the annotated publication date (YYYY-MM-DD…)

    def __post_init__(self) -> None:
        self.site = self.site or f"{self.dataset}/{self.id}"


def default_shared() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    # ../shared from the project root (a git worktree sits one level deeper)
    return next((d / "shared" / "data" for d in root.parents[:2] if (d / "shared" / "data").exists()), None)


def load_articles(data: Path) -> list[Labelled]:
    gold = json.loads((data / "ground-truth-dev.json").read_text())
    dumps = {}
    text_file = data / "text-dev.jsonl"
    if text_file.exists():
        for line in text_file.read_text().splitlines():
            record = json.loads(line)
            dumps[record["id"]] = record["text"]
    pages = []
    for path in sorted((data / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        if page_id in gold:
            pages.append(Labelled(page_id, "articles", gzip.open(path, "rb").read(), dumps.get(page_id),
                                  gold[page_id]["articleBody"]))
    return pages


def load_dataset(directory: Path, name: str | None = None) -> list[Labelled]:
    pages = []
    for line in (directory / "pages.jsonl").read_text().splitlines():
        record = json.loads(line)
        html = None
        for path in (directory / "html" / f"{record['id']}.html.gz", directory / "html" / f"{record['id']}.html"):
            if path.exists():
                html = gzip.open(path, "rb").read() if path.suffix == ".gz" else path.read_bytes()
                break
        pages.append(Labelled(record["id"], name or record.get("dataset") or directory.name, html,
                              record.get("text"), record["gold"], record.get("title")))
    return pages


def _domain(url: str) -> str:
    """The host of a URL without ``www.`` (a site's pages share it)."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def load_wcxb(directory: Path) -> list[Labelled]:
    """WCXB's pages (``dev/``): gold ``main_content``, page kind, domain, ``with``/``without``
    snippets, title, URL, author and publication date; the dump from ``dev/dumps.jsonl``."""
    split = directory / "dev"
    dumps = {}
    if (split / "dumps.jsonl").exists():
        for line in (split / "dumps.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            dumps[record["id"]] = record["text"]
    pages = []
    for path in sorted((split / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        html_path = split / "html" / f"{path.stem}.html.gz"
        pages.append(Labelled(
            path.stem, "wcxb", gzip.open(html_path, "rb").read() if html_path.exists() else None, dumps.get(path.stem),
            truth.get("main_content") or "", truth.get("title"), _domain(record.get("url") or ""),
            record.get("_internal", {}).get("page_type", {}).get("primary", ""),
            list(truth.get("with") or []), list(truth.get("without") or []), record.get("url") or "",
            truth.get("author") or None, truth.get("publish_date") or None))
    return pages


DATASETS = ["articles", *WCEB, "wcxb"]


def load_all(shared: Path) -> list[Labelled]:
    """Every labelled page: the article benchmark, the five wceb datasets, then WCXB."""
    pages = load_articles(shared / "articles") if (shared / "articles").exists() else []
    for name in WCEB:
        if (shared / "wceb" / name).exists():
            pages += load_dataset(shared / "wceb" / name, name)
    if (shared / "wcxb").exists():
        pages += load_wcxb(shared / "wcxb")
    return pages


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_scores(predicted: str, gold: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page (None where undefined: nothing predicted / no gold)."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp, fn = sum(pred.values()) - tp, sum(true.values()) - tp
    return (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


def summary(scores: list[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    """F1 (harmonic mean of the page-averaged precision and recall), precision, recall."""
    ps = [p for p, _ in scores if p is not None]
    rs = [r for _, r in scores if r is not None]
    p, r = sum(ps) / max(1, len(ps)), sum(rs) / max(1, len(rs))
    return 2 * p * r / (p + r) if p + r else 0.0, p, r


def same_title(predicted: str | None, gold: str | None) -> bool:
    """The benchmark's title match: the same ``\\w+`` tokens, lower-cased."""
    return bool(gold) and _TOKEN.findall((predicted or "").lower()) == _TOKEN.findall(gold.lower())


def word_f1(predicted: str, gold: str) -> float:
    """WCXB's metric for one page: F1 of the bags of lower-cased ``\\w+`` tokens (1.0 when both
    are empty, 0.0 when one is)."""
    pred, true = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    if not pred or not true:
        return float(not pred and not true)
    tp = sum((pred & true).values())
    if not tp:
        return 0.0
    p, r = tp / sum(pred.values()), tp / sum(true.values())
    return 2 * p * r / (p + r)


def snippets(predicted: str, page: Labelled) -> tuple[int, int, int, int]:
    """WCXB's snippet checks: ``with`` snippets found, of how many; ``without`` snippets
    leaked, of how many (case-insensitive substrings, spaces squeezed)."""
    text = " ".join(predicted.lower().split())
    found = sum(" ".join(s.lower().split()) in text for s in page.with_)
    leaked = sum(" ".join(s.lower().split()) in text for s in page.without)
    return found, len(page.with_), leaked, len(page.without)
