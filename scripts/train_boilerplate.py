"""Train the boilerplate classifier (normalize/boilerplate/models/{html,html_context,text,text_context}.txt) from labelled pages.

Block labels come from aligning each page's gold text with its blocks: a block is body when
most of its 4-word shingles are in the gold text (each gold shingle claimed once, so a second
copy of the body stays boilerplate); a block too short for a shingle is body when the gold text
holds its words and a neighbour is body. Then one LightGBM model for page blocks, a second one
for page blocks in their context (normalize.boilerplate.context: it learns from the first
model's probabilities on pages that model never saw, out of fold by site), and the same two for
dump lines, deterministic (one thread, fixed seed), written in LightGBM's text format.

    python scripts/train_boilerplate.py                      # rebuild the shipped models
    python scripts/train_boilerplate.py --check              # rebuild in memory, compare byte for byte
    python scripts/train_boilerplate.py --cv                 # dev scores: 5 folds by site, and by dataset
    python scripts/train_boilerplate.py --data DIR --out DIR # your own pages (see scripts/extract_data.py)

Features are cached under /tmp/normalize-boilerplate-features (keyed by the feature code).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from extract_data import Labelled, default_shared, load_all, load_dataset, page_scores, summary, word_f1  # noqa: E402

from normalize.encoding.decode import decode_bytes  # noqa: E402
from normalize.structure import features as F  # noqa: E402
from normalize.boilerplate import model as M  # noqa: E402
from normalize.boilerplate.context import CONTEXT  # noqa: E402
from normalize.structure.page import parse_page  # noqa: E402
from normalize.boilerplate.html import block_roles, body_paragraphs  # noqa: E402
from normalize.boilerplate.text import body_mask  # noqa: E402
from normalize.document import PARAGRAPH_SEPARATOR  # noqa: E402
from normalize.unicode.words import normal_words, shingles  # noqa: E402
from normalize.structure import text_blocks  # noqa: E402

SEED = 12
#: LightGBM settings: small trees, few rounds (a small model generalises; chosen by the grouped
#: cross-validation below, where more rounds or leaves gained under 0.005 F1). Re-tried with
#: WCXB in the data (nested by-site CV of all 3,059 pages, 5350982): 63 leaves for the page
#: blocks' two models gave WCXB 0.856 (unchanged; products 0.619 -> 0.630, collections 0.646 ->
#: 0.634), the wceb macro 0.909 -> 0.912 and the article benchmark 0.965 -> 0.962; not kept.
PARAMS = {
    "objective": "binary", "learning_rate": 0.08, "num_leaves": 31, "min_data_in_leaf": 40,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "max_bin": 63,
    "seed": SEED, "deterministic": True, "force_row_wise": True, "num_threads": 1, "verbose": -1,
}
ROUNDS = 200
#: Rounds of the context model: in the nested by-site cross-validation 100 and 150 gave the same
#: WCXB word F1 (0.843) and products 0.630 / 0.637; 150 kept. The dump lines' context model
#: takes the same number (not swept for it).
ROUNDS_CONTEXT = 150
# A block is labelled body when this share of its shingles is in the gold text.
LABEL_SHARE = 0.5
#: How much each page of a dataset weighs: the article benchmark's news pages are what the
#: project is for, and 90 of them would drown among 1,472 other pages (x3 gained 0.01-0.02 F1 on
#: them in the grouped cross-validation and cost the wceb datasets under 0.005).
#: Weighing WCXB's product, collection and listing pages x2 as well was tried (nested by-site CV
#: of all 3,059 pages, d00ff7e): WCXB 0.856 -> 0.859 (product 0.619 -> 0.638, collection 0.646 ->
#: 0.657, listing 0.666 -> 0.671), but the article benchmark 0.965 -> 0.962, the wceb macro 0.909 ->
#: 0.908, and a list of related links after an article became body (tests/test_extract_html.py);
#: not kept. Product pages alone x2: product 0.638, WCXB 0.857, the article benchmark 0.962, and
#: the retrained models kept those related links and a page with no article's text; not kept.
DATASET_WEIGHT = {"articles": 3.0}
CACHE = Path("/tmp/normalize-boilerplate-features")
_HIDDEN = F.BLOCK_FEATURES.index("hidden")


def labels(texts: list[str], gold: str, hidden: list[bool] | None = None) -> list[int]:
    """Body (1) or not (0) for each block, by aligning the gold text with the blocks: a block of
    4 words or more by its shingles (the blocks a reader sees claim them first, then the hidden
    ones: a hidden copy of the article is not the article); a shorter one (a table cell, a list
    item, a heading) when the gold text holds its words and a neighbour within two blocks is
    body, the runs of short blocks labelled outward from the long ones (a table of short cells
    next to the article)."""
    unclaimed = shingles(gold)
    gold_words = f" {normal_words(gold)} "
    out: list[int | None] = [None] * len(texts)
    hidden = hidden or [False] * len(texts)
    for i in sorted(range(len(texts)), key=hidden.__getitem__):
        own = shingles(texts[i])
        if not own:
            continue
        claimed = own & unclaimed
        body = sum(claimed.values()) >= LABEL_SHARE * sum(own.values())
        if body:
            unclaimed.subtract(claimed)
        out[i] = int(body)
    short = [i for i, label in enumerate(out) if label is None]
    in_gold = {i for i in short if (key := normal_words(texts[i])) and f" {key} " in gold_words}
    result = [label or 0 for label in out]
    changed = True
    while changed:  # passes forward and back label the short blocks next to body, runs of them outward
        changed = False
        for i in short + short[::-1]:
            if not result[i] and i in in_gold and any(result[j] for j in (i - 2, i - 1, i + 1, i + 2)
                                                      if 0 <= j < len(result)):
                result[i] = 1
                changed = True
    return result


def weights(texts: list[str]) -> list[float]:
    """Blocks weigh by their words (the metric counts shingles), each page about the same."""
    raw = [math.log1p(F.count_words(t)) + 0.5 for t in texts]
    total = sum(raw) or 1.0
    return [100.0 * w / total for w in raw]


def page_rows(page: Labelled, kind: str) -> dict:
    """A page's block texts and feature rows (and, for HTML, the blocks' tags and the title evidence)."""
    if kind == "html":
        parsed = parse_page(decode_bytes(page.html))
        return {"texts": [b.text for b in parsed.blocks], "rows": F.block_features(parsed),
                "tags": [b.tag for b in parsed.blocks], "evidence": parsed.evidence,
                "modal": [b.modal for b in parsed.blocks], "reviews": [b.reviews for b in parsed.blocks]}
    texts = [b.text for b in text_blocks(page.dump)]
    return {"texts": texts, "rows": F.line_features(texts)}


def _code_key() -> str:
    """A digest of the code the features come from: cached features of other code are stale."""
    root = Path(__file__).resolve().parent.parent / "normalize"
    digest = hashlib.sha256()
    for name in ("structure/features.py", "structure/page.py", "structure/chrome.py", "structure/blocks.py",
                 "unicode/words.py"):
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


def featurise(pages: list[Labelled], kind: str, cache: bool = True) -> list[dict]:
    """Per page: its id, dataset, gold, block texts, feature rows and labels (cached on disk)."""
    out = []
    key = _code_key()
    for page in pages:
        if (page.html if kind == "html" else page.dump) is None:
            continue
        path = CACHE / key / kind / f"{hashlib.sha1((page.dataset + page.id).encode()).hexdigest()}.json.gz"
        if cache and path.exists():
            item = json.loads(zlib.decompress(path.read_bytes()))
        else:
            item = page_rows(page, kind)
            if cache:
                path.parent.mkdir(parents=True, exist_ok=True)
                partial = path.with_name(f"{path.name}.{os.getpid()}.part")  # another run may read it meanwhile
                partial.write_bytes(zlib.compress(json.dumps(item).encode()))
                partial.replace(path)
        hidden = [bool(r[_HIDDEN]) for r in item["rows"]] if kind == "html" else None
        item.update(id=page.id, dataset=page.dataset, gold=page.gold, site=page.site, page=page,
                    y=labels(item["texts"], page.gold, hidden))
        out.append(item)
    return out


def _fit(rows: list[list[float]], items: list[dict], names: list[str], categorical: list[str], rounds: int):
    """A LightGBM model of these rows (the blocks of ``items``, in order) and the items' labels."""
    import lightgbm

    X = np.asarray(rows, dtype=np.float64).reshape(-1, len(names))
    y = np.asarray([v for it in items for v in it["y"]], dtype=np.float64)
    w = np.asarray([v * DATASET_WEIGHT.get(it["dataset"], 1.0) for it in items for v in weights(it["texts"])],
                   dtype=np.float64)
    data = lightgbm.Dataset(X, y, weight=w, feature_name=[n.replace("@", "_at_") for n in names],
                            categorical_feature=[n.replace("@", "_at_") for n in categorical], free_raw_data=True)
    return lightgbm.train(PARAMS, data, num_boost_round=rounds)


def train(items: list[dict], kind: str, rounds: int = ROUNDS):
    """The block model (``kind="html"``) or the line model (``"text"``)."""
    names = F.BLOCK_FEATURES if kind == "html" else F.LINE_FEATURES
    categorical = [c for c in F.CATEGORICAL if c in names] if kind == "html" else []
    return _fit([r for it in items for r in it["rows"]], items, names, categorical, rounds)


def out_of_fold(items: list[dict], kind: str = "html") -> None:
    """Each item's block-model (line-model) probabilities from a model that never saw its site
    (:data:`FOLDS` folds by site among these items), in ``item["oof"]``: the context model learns
    from probabilities of pages the first model never saw, as it meets them at run time."""
    groups = sorted({fold_of(it["site"]) for it in items})
    if len(groups) < 2:
        sys.exit("train_boilerplate.py: the context model needs pages of at least two sites in two folds")
    for group in groups:
        model = train([it for it in items if fold_of(it["site"]) != group], kind)
        for it in items:
            if fold_of(it["site"]) == group:
                it["oof"] = M.probabilities(it["rows"], kind, model)


def train_context(items: list[dict], kind: str = "html", rounds: int = ROUNDS_CONTEXT):
    """The context model of page blocks (of dump lines), from the items' out-of-fold
    probabilities (:func:`out_of_fold`)."""
    build, names = CONTEXT[kind]
    categorical = [c for c in F.CATEGORICAL if c in names]
    return _fit([r for it in items for r in build(it["oof"], it["rows"])], items, names, categorical, rounds)


def body_text(item: dict, body: list[bool]) -> str:
    """The text the package outputs for these body blocks: for a web page, its structured data
    where the blocks give no article (:func:`normalize.boilerplate.html.body_paragraphs`)."""
    if "evidence" in item:
        roles = ["body" if b else "boilerplate" for b in body]
        return PARAGRAPH_SEPARATOR.join(body_paragraphs(item["texts"], roles, item["evidence"]))
    return PARAGRAPH_SEPARATOR.join(text for text, b in zip(item["texts"], body) if b)


#: Folds of the by-site cross-validation.
FOLDS = 5


def fold_of(site: str, k: int = FOLDS) -> int:
    """The fold of a site (a domain, or a page of unknown site): all its pages in one fold."""
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % k


SETTINGS = [(t, w) for t in (0.3, 0.4, 0.5) for w in (0.0, 0.15, 0.25)]


def decide(item: dict, kind: str, probs: list[float], threshold: float | None = None,
           weight: float | None = None, comments: bool = False) -> list[bool]:
    """The package's own decision (normalize.boilerplate.html / text) from these probabilities,
    at another threshold and neighbour weight where given (``comments``: ``--comments``, readers'
    comments kept): which blocks are body."""
    saved = M.THRESHOLD[kind], M.NEIGHBOUR_WEIGHT[kind]
    M.THRESHOLD[kind] = saved[0] if threshold is None else threshold
    M.NEIGHBOUR_WEIGHT[kind] = saved[1] if weight is None else weight
    try:
        if kind == "text":
            return body_mask(item["texts"], item["rows"], probs)
        _, roles = block_roles(item["texts"], item["tags"], item["rows"], item["evidence"], probs, item["modal"],
                               comments, item["reviews"])
        return [role == "body" for role in roles]
    finally:
        M.THRESHOLD[kind], M.NEIGHBOUR_WEIGHT[kind] = saved


def held_out(items: list[dict], kind: str, split: str) -> None:
    """Each item's body probabilities from a model that never saw its site (``split="site"``:
    :data:`FOLDS` folds grouped by site) or its dataset (``"dataset"``: trained on all the
    others), in ``item["cv"][split]``. Nested for page blocks: the context model learns from
    out-of-fold probabilities of the training folds only (:func:`out_of_fold`)."""
    groups = (range(FOLDS) if split == "site" else sorted({it["dataset"] for it in items}))
    for group in groups:
        def held(it: dict) -> bool:
            return fold_of(it["site"]) == group if split == "site" else it["dataset"] == group
        test = [it for it in items if held(it)]
        if not test:
            continue
        training = [it for it in items if not held(it)]
        model = train(training, kind)
        out_of_fold(training, kind)  # nested: the context model too learns only from the training folds
        context = train_context(training, kind)
        for it in test:
            it.setdefault("cv", {})[split] = M.TWO_LOOKS[kind](it["rows"], model, context)
        print(f"  {kind} {split} fold {group}: {len(test)} pages held out", file=sys.stderr)


def score(item: dict, body: list[bool]) -> float:
    """A page's score by its dataset's own metric: word F1 (WCXB), else shingle F1 (P/R pair)."""
    text = body_text(item, body)
    return word_f1(text, item["gold"]) if item["dataset"] == "wcxb" else page_scores(text, item["gold"])


def cross_validate(items: list[dict], kind: str) -> None:
    """Dev scores on held-out sites at each threshold and neighbour weight (the settings in
    normalize.boilerplate.model are chosen here); ``scripts/bench_extract.py`` prints the
    held-out scores beside the other extractors."""
    held_out(items, kind, "site")
    names = sorted({it["dataset"] for it in items}, key=lambda n: (n != "articles", n))
    print(f"\n{kind}: {FOLDS}-fold cross-validation grouped by site (shingle F1; WCXB: word F1)")
    print("| threshold, smoothing | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for threshold, weight in SETTINGS:
        per: dict[str, list] = {}
        for it in items:
            per.setdefault(it["dataset"], []).append(score(it, decide(it, kind, it["cv"]["site"], threshold, weight)))
        cells = [sum(per[n]) / len(per[n]) if n == "wcxb" else summary(per[n])[0] for n in names]
        print(f"| {threshold}, {weight} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")


def training_parser(description: str, data_help: str, model_files: str) -> argparse.ArgumentParser:
    """The options every training script takes: the labelled pages (``--data``, ``--shared``),
    where the model goes (``--out``), ``--cv``, ``--check`` and ``--no-cache``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, action="append", help=data_help)
    parser.add_argument("--shared", type=Path, default=default_shared(), help="../shared/data (default when it exists)")
    parser.add_argument("--out", type=Path, default=M.MODELS)
    parser.add_argument("--cv", action="store_true", help="print cross-validated dev scores instead of training")
    parser.add_argument("--check", action="store_true", help=f"rebuild and compare with the {model_files} in --out")
    parser.add_argument("--no-cache", action="store_true")
    return parser


def training_pages(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Labelled]:
    """The labelled pages of ``--data`` (or of ``--shared``); a usage error when there are none."""
    if args.data is None and args.shared is None:
        parser.error("no data: pass --data DIR (or have ../shared/data)")
    return [p for d in args.data for p in load_dataset(d)] if args.data else load_all(args.shared)


def same_model(path: Path, text: str) -> bool:
    """``--check``: whether ``path`` holds the model ``text``, said on stdout."""
    same = path.exists() and path.read_text(encoding="utf-8") == text
    print(f"{path}: {'identical' if same else 'DIFFERENT'}")
    return same


def write_model(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}: {len(text.encode()) / 1e6:.2f} MB", file=sys.stderr)


def main() -> None:
    parser = training_parser(__doc__.split("\n\n")[0], "a dataset directory of your own (pages.jsonl + html/); repeatable",
                             "files")
    parser.add_argument("--kind", choices=["html", "text"], action="append")
    parser.add_argument("--limit", type=int, help="train on the first N pages of each dataset (tests)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="boosting rounds (fewer: a quick test model)")
    parser.add_argument("--context-rounds", type=int, default=ROUNDS_CONTEXT, help="the context model's rounds")
    args = parser.parse_args()
    pages = training_pages(parser, args)
    if args.limit:
        by: dict[str, list] = {}
        for p in pages:
            by.setdefault(p.dataset, []).append(p)
        pages = [p for group in by.values() for p in group[: args.limit]]
    for kind in args.kind or ["html", "text"]:
        start = time.perf_counter()
        items = featurise(pages, kind, cache=not args.no_cache)
        print(f"{kind}: {len(items)} pages, {sum(len(it['y']) for it in items)} blocks, "
              f"{sum(sum(it['y']) for it in items)} body; features in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
        if args.cv:
            cross_validate(items, kind)
            continue
        models = {kind: train(items, kind, args.rounds).model_to_string()}
        out_of_fold(items, kind)
        models[f"{kind}_context"] = train_context(items, kind, args.context_rounds).model_to_string()
        for name, text in models.items():
            path = args.out / f"{name}.txt"
            if not args.check:
                write_model(path, text)
            elif not same_model(path, text):
                sys.exit(1)


if __name__ == "__main__":
    main()
