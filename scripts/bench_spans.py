"""Benchmark mixed-language spans against lingua's ``detect_multiple_languages_of``.

Reads ``mixed_dev.jsonl`` (``{"text", "shape", "spans": [{"start", "end", "lang"}]}``) and prints,
per shape and overall: character accuracy (characters inside gold spans labelled right),
boundary F1 (a predicted language change within 3 characters of a gold one) and set accuracy
(the predicted languages, ignoring spans under 3 letters, equal the gold ones).

    python scripts/bench_spans.py                  # ours, lingua high and low
    python scripts/bench_spans.py --anchors none --limit 200
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_DEFAULT_DATA = [ROOT.parent / p / "shared/data/mixed/mixed_dev.jsonl" for p in (".", "..")]
TOLERANCE = 3  # characters
MIN_LETTERS = 3  # predicted spans with fewer letters do not count for the language set


def ours():
    from normalize.langid import detect_spans

    return lambda text: [(s.start, s.end, s.lang) for s in detect_spans(text)]


def lingua(low: bool):
    def build():
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages()
        detector = (builder.with_low_accuracy_mode() if low else builder).build()

        def spans(text: str):
            return [(r.start_index, r.end_index, r.language.iso_code_639_1.name.lower())
                    for r in detector.detect_multiple_languages_of(text)]

        return spans

    return build


ANCHORS = {
    "lingua-high": ("lingua high, detect_multiple_languages_of", lingua(low=False)),
    "lingua-low": ("lingua low, detect_multiple_languages_of", lingua(low=True)),
}


def score(item: dict, predicted: list[tuple[int, int, str]]) -> tuple[int, int, int, int, int, bool]:
    """(right chars, gold chars, matched boundaries, predicted boundaries, gold boundaries, set ok)"""
    text = item["text"]
    label = [None] * len(text)
    for start, end, lang in predicted:
        for i in range(max(start, 0), min(end, len(text))):
            label[i] = lang
    gold = item["spans"]
    right = sum(label[i] == s["lang"] for s in gold for i in range(s["start"], s["end"]))
    total = sum(s["end"] - s["start"] for s in gold)
    gold_bounds = [(a["end"], b["start"]) for a, b in zip(gold, gold[1:])]
    ordered = sorted(predicted)
    bounds = [b[0] for a, b in zip(ordered, ordered[1:]) if a[2] != b[2]]
    unused = list(gold_bounds)
    matched = 0
    for b in bounds:
        hit = next((g for g in unused if min(abs(b - g[0]), abs(b - g[1])) <= TOLERANCE), None)
        if hit:
            unused.remove(hit)
            matched += 1
    langs = {lang for start, end, lang in predicted
             if sum(c.isalpha() for c in text[start:end]) >= MIN_LETTERS}
    return right, total, matched, len(bounds), len(gold_bounds), langs == {s["lang"] for s in gold}


def evaluate(spans, items) -> dict[str, tuple[float, float, float]]:
    sums = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])
    for item in items:
        result = score(item, spans(item["text"]))
        for key in (item["shape"], "all"):
            row = sums[key]
            for i, value in enumerate(result):
                row[i] += value
            row[6] += 1
    table = {}
    for key, (right, total, matched, predicted, gold, set_ok, n) in sums.items():
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[key] = (right / total, f1, set_ok / n)
    return table


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=next((p for p in _DEFAULT_DATA if p.exists()), None))
    parser.add_argument("--limit", type=int, default=0, help="only the first N items (0: all)")
    parser.add_argument("--anchors", default="lingua-high,lingua-low",
                        help="comma-separated: " + ",".join(ANCHORS) + ", or none")
    args = parser.parse_args(argv)
    if args.data is None:
        parser.error("no data: pass --data path/to/mixed_dev.jsonl")
    items = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line]
    items = items[: args.limit] if args.limit else items
    shapes = sorted({item["shape"] for item in items})
    print(f"{len(items)} items from {args.data}; per cell: char accuracy / boundary F1 / set accuracy\n")
    header = "| detector | all | " + " | ".join(shapes) + " | items/s |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    detectors = [("normalize (ours)", ours)] + [ANCHORS[a] for a in args.anchors.split(",") if a in ANCHORS]
    for name, build in detectors:
        spans = build()
        for item in items[::20]:  # load what loads on first use: the rate is that of a long run
            spans(item["text"])
        started = time.perf_counter()
        table = evaluate(spans, items)
        rate = len(items) / (time.perf_counter() - started)
        cells = [" / ".join(f"{v:.3f}" for v in table[key]) for key in ["all", *shapes]]
        print(f"| {name} | " + " | ".join(cells) + f" | {rate:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
