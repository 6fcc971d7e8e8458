#!/usr/bin/env python3
"""Where the language detector's weights come from: accuracy per kind on the dev lines with each
weight halved, at its default and doubled (one field at a time, everything else default).

Accuracy is macro-averaged over languages, as in scripts/bench_langid.py (lines 1-200 a
language; ``--skip 200`` for lines the defaults were not chosen on). Each setting gets a fresh
detector, so no answer comes from another setting's cache.

    python scripts/sweep_langid.py                      # the model weights
    python scripts/sweep_langid.py --fields marker_weight --lines 100
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_langid import KINDS, load  # noqa: E402

from normalize.langid.config import LanguageConfig  # noqa: E402
from normalize.langid.detector import Detector  # noqa: E402

FIELDS = ["py3langid_weight", "lingua_weight", "fasttext_weight", "langdetect_weight", "marker_weight"]
FACTORS = (0.5, 1.0, 2.0)


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "langid")
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--fields", nargs="+", default=FIELDS)
    args = parser.parse_args(argv)
    data = load(args.data, args.lines, args.skip)
    default = LanguageConfig()
    print(f"| field | value | {' | '.join(KINDS)} |\n|---|---|{'---|' * len(KINDS)}")
    for name in args.fields:
        for factor in FACTORS:
            value = getattr(default, name) * factor
            scores = accuracy(Detector(dataclasses.replace(default, **{name: value})), data)
            mark = " (default)" if factor == 1.0 else ""
            print(f"| {name} | {value:g}{mark} | {' | '.join(f'{scores[k]:.1f}' for k in KINDS)} |", flush=True)


if __name__ == "__main__":
    main()
