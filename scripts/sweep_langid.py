#!/usr/bin/env python3
"""Where the language detector's tuned numbers come from: accuracy per kind on the dev lines with
one LanguageConfig field at its default and at two alternatives (everything else default).

The alternatives (:func:`alternatives`): weights and other floats halved and doubled; small
ints (up to 5) one less and one more, larger ones halved and doubled (rounded: ints stay ints);
probabilities (floats in (0, 1) whose name is not a weight) with their odds divided and
multiplied by 3, rounded to one significant digit of the smaller of p and 1 - p (0.97 -> 0.92 /
0.99, 0.5 -> 0.25 / 0.75, 1e-3 -> 3e-4 / 3e-3). ``--values`` gives a single field's values.

Accuracy is macro-averaged over languages, as in scripts/bench_langid.py (lines 1-200 a
language; ``--skip 200`` for lines the defaults were not chosen on). ``--spans`` scores spans on
the mixed-language dev set instead, as scripts/bench_spans.py does (all shapes: character
accuracy / boundary F1 / set accuracy): for the fields that act only with a document's language
(prior_letters, prior_weight, thin_piece_letters, names_only_letters, names_only_confidence).
Each setting gets a fresh detector, so no answer comes from another setting's cache.

    python scripts/sweep_langid.py                      # the model weights
    python scripts/sweep_langid.py --fields marker_weight shortlist --lines 100
    python scripts/sweep_langid.py --fields fasttext_sure --values 0.9 0.95 0.99 --lines 100
    python scripts/sweep_langid.py --spans --fields prior_weight thin_piece_letters
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_langid import KINDS, load  # noqa: E402
from bench_spans import evaluate  # noqa: E402

from normalize.langid.config import LanguageConfig  # noqa: E402
from normalize.langid.detector import Detector  # noqa: E402
from normalize.langid.spans import detect_spans  # noqa: E402

FIELDS = ["py3langid_weight", "lingua_weight", "fasttext_weight", "langdetect_weight", "marker_weight"]
SPAN_FIELDS = ["prior_letters", "prior_weight", "thin_piece_letters", "names_only_letters", "names_only_confidence"]
SPAN_MEASURES = ("char accuracy", "boundary F1", "set accuracy")
ODDS_FACTOR = 3  # a probability's alternatives: its odds divided and multiplied by this


def alternatives(name: str, value: float) -> tuple[float, float]:
    """Two values either side of a field's ``value``: lower, higher.

    >>> alternatives("shortlist", 3), alternatives("long_text_letters", 40)
    ((2, 4), (20, 80))
    >>> alternatives("fasttext_sure", 0.97), alternatives("negligible", 1e-3)
    ((0.92, 0.99), (0.0003, 0.003))
    >>> alternatives("fasttext_weight", 0.3)
    (0.15, 0.6)
    """
    if isinstance(value, int):
        return (value - 1, value + 1) if value <= 5 else (round(value / 2), value * 2)
    if 0 < value < 1 and not name.endswith("_weight"):
        odds = value / (1 - value)
        return tuple(_round_probability(o / (1 + o)) for o in (odds / ODDS_FACTOR, odds * ODDS_FACTOR))
    return value / 2, value * 2


def _round_probability(p: float) -> float:
    """``p`` with one significant digit in the smaller of ``p`` and ``1 - p``."""
    small = min(p, 1 - p)
    digits = -math.floor(math.log10(small))
    rounded = round(small, digits)
    return rounded if p <= 0.5 else round(1 - rounded, digits)


def accuracy(detector: Detector, data: dict[str, list[tuple[str, str]]]) -> dict[str, float]:
    """Per kind: the share of lines identified right, averaged over languages."""
    out = {}
    for kind in KINDS:
        right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for lang, text in data[kind]:
            right[lang][0] += detector.identify(text).lang == lang
            right[lang][1] += 1
        out[kind] = 100 * sum(r / n for r, n in right.values()) / len(right)
    return out


def span_scores(detector: Detector, items: list[dict]) -> dict[str, float]:
    """Over all the mixed dev items: character accuracy, boundary F1, set accuracy (in %)."""
    spans = lambda text: [(s.start, s.end, s.lang) for s in detect_spans(text, detector=detector)]  # noqa: E731
    return dict(zip(SPAN_MEASURES, (100 * v for v in evaluate(spans, items)["all"])))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "langid")
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--spans", action="store_true",
                        help="score spans on the mixed dev set (fields that act with a document's language)")
    parser.add_argument("--mixed", type=Path, default=ROOT.parent / "shared" / "data" / "mixed" / "mixed_dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="with --spans: only the first N items (0: all)")
    parser.add_argument("--fields", nargs="+")
    parser.add_argument("--values", nargs="+", type=float, help="the values to try (one field only)")
    args = parser.parse_args(argv)
    fields = args.fields or (SPAN_FIELDS if args.spans else FIELDS)
    default = LanguageConfig()
    for name in fields:
        if name not in {f.name for f in dataclasses.fields(LanguageConfig)}:
            parser.error(f"no LanguageConfig field {name!r}")
    if args.values and len(fields) > 1:
        parser.error("--values needs a single field")
    if args.spans:
        items = [json.loads(line) for line in args.mixed.read_text(encoding="utf-8").splitlines() if line]
        items, columns = items[: args.limit] if args.limit else items, SPAN_MEASURES
        measure = lambda detector: span_scores(detector, items)  # noqa: E731
    else:
        data, columns = load(args.data, args.lines, args.skip), KINDS
        measure = lambda detector: accuracy(detector, data)  # noqa: E731
    print(f"| field | value | {' | '.join(columns)} |\n|---|---|{'---|' * len(columns)}")
    for name in fields:
        value = getattr(default, name)
        low, high = alternatives(name, value)
        values = args.values or [low, value, high]
        for tried in values:
            if isinstance(value, int):
                tried = round(tried)
            scores = measure(Detector(dataclasses.replace(default, **{name: tried})))
            mark = " (default)" if tried == value else ""
            print(f"| {name} | {tried:g}{mark} | {' | '.join(f'{scores[k]:.1f}' for k in columns)} |", flush=True)


if __name__ == "__main__":
    main()
