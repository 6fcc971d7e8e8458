"""The labelled pages of ../shared/data (articles/ and wceb/) and the article-body metric, shared
by scripts/train_boilerplate.py and scripts/bench_extract.py.

A dataset directory of your own works too: ``<dir>/pages.jsonl`` with ``{"id", "gold", "text"?,
"title"?}`` a line and ``<dir>/html/<id>.html.gz`` (or ``.html``) per page.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

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


def load_all(shared: Path) -> list[Labelled]:
    """Every labelled page: the article benchmark, then the five wceb datasets."""
    pages = load_articles(shared / "articles") if (shared / "articles").exists() else []
    for name in WCEB:
        if (shared / "wceb" / name).exists():
            pages += load_dataset(shared / "wceb" / name, name)
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
