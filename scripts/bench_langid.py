"""Benchmark language identification against langdetect and lingua, in the same run.

Reads ``<data>/{sentences,word-pairs,single-words}/<lang>.txt`` (the lingua test set), the first
``--lines`` lines a language, and prints accuracy per kind, macro-averaged over languages (all of
them, and langdetect's own languages for the comparison with it), and texts per second.

    python scripts/bench_langid.py                       # ours + all anchors, 200 lines a language
    python scripts/bench_langid.py --anchors none        # ours only (quick)
    python scripts/bench_langid.py --lines 500 --anchors langdetect,lingua-low,lingua-high-75
    python scripts/bench_langid.py --skip 200 --lines 300   # lines 201-500: unseen by tuning
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("sentences", "word-pairs", "single-words")
_DEFAULT_DATA = [ROOT.parent / "shared/data/langid", ROOT.parent.parent / "shared/data/langid"]


def load(data: Path, lines: int, skip: int = 0) -> dict[str, list[tuple[str, str]]]:
    """kind -> [(gold language, text)], ``lines`` lines a language after the first ``skip``"""
    langs = sorted(p.stem for p in (data / "sentences").glob("*.txt"))
    return {
        kind: [(lang, line) for lang in langs
               for line in (data / kind / f"{lang}.txt").read_text(encoding="utf-8")
               .splitlines()[skip:skip + lines]]
        for kind in KINDS
    }


def ours():
    from normalize.langid import detect_language

    return detect_language


def langdetect_seeded():
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    aliases = {"no": "nb", "zh-cn": "zh", "zh-tw": "zh"}

    def detect_one(text: str) -> str:
        try:
            found = detect(text)
        except LangDetectException:
            return "und"
        return aliases.get(found, found)

    return detect_one


def lingua(low: bool, restricted: bool = False):
    def build():
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        if restricted:  # to the languages of the test set
            langs = sorted({gold for gold, _ in DATA["sentences"]})
            builder = LanguageDetectorBuilder.from_languages(
                *[Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in langs])
        else:
            builder = LanguageDetectorBuilder.from_all_languages()
        detector = (builder.with_low_accuracy_mode() if low else builder).build()

        def detect_one(text: str) -> str:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else "und"

        return detect_one

    return build


ANCHORS = {
    "langdetect": ("langdetect, seeded", langdetect_seeded),
    "lingua-high": ("lingua high accuracy, all languages", lingua(low=False)),
    "lingua-low": ("lingua low accuracy, all languages", lingua(low=True)),
    "lingua-high-75": ("lingua high accuracy, restricted to the test languages",
                       lingua(low=False, restricted=True)),
}
DATA: dict[str, list[tuple[str, str]]] = {}
LANGDETECT_LANGS = frozenset(
    "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja ko lt lv mk mr nb "
    "nl pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh".split()
)


def measure(detect, data):
    """kind -> (per-language accuracy dict, texts per second)"""
    results = {}
    for kind, rows in data.items():
        correct, total = defaultdict(int), defaultdict(int)
        started = time.perf_counter()
        for gold, text in rows:
            correct[gold] += detect(text) == gold
            total[gold] += 1
        rate = len(rows) / (time.perf_counter() - started)
        results[kind] = ({lang: correct[lang] / total[lang] for lang in total}, rate)
    return results


def macro(accuracy: dict[str, float], langs) -> float:
    chosen = [accuracy[lang] for lang in accuracy if lang in langs]
    return 100 * sum(chosen) / len(chosen)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=next((p for p in _DEFAULT_DATA if p.exists()), None))
    parser.add_argument("--lines", type=int, default=200, help="lines per language and kind")
    parser.add_argument("--skip", type=int, default=0,
                        help="skip the first N lines a language (200: lines the thresholds were not chosen on)")
    parser.add_argument("--anchors", default="langdetect,lingua-high,lingua-low",
                        help="comma-separated: " + ",".join(ANCHORS) + ", or none")
    parser.add_argument("--worst", type=int, default=0, help="also list our N worst languages")
    args = parser.parse_args(argv)
    if args.data is None:
        parser.error("no data: pass --data path/to/langid")
    DATA.update(load(args.data, args.lines, args.skip))  # the restricted anchor reads its languages here
    data = DATA
    all_langs = {gold for gold, _ in data["sentences"]}
    detectors = [("normalize (ours)", ours)]
    detectors += [ANCHORS[a] for a in args.anchors.split(",") if a in ANCHORS]
    print(f"{len(all_langs)} languages, lines {args.skip + 1}-{args.skip + args.lines} a language and kind, "
          f"from {args.data}\n")
    header = "| detector | " + " | ".join(f"{k} (75)" for k in KINDS) + " | " + \
        " | ".join(f"{k} (ld 51)" for k in KINDS) + " | sentences/s | load s |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name, build in detectors:
        started = time.perf_counter()
        detect = build()
        detect("warm up: load the models")
        load_s = time.perf_counter() - started
        for kind in KINDS:  # and what loads on first use (lazily loaded models, caches): the
            for _, text in data[kind][::50]:  # rate is that of a long run
                detect(text)
        results = measure(detect, data)
        row = [f"{macro(results[k][0], all_langs):.1f}" for k in KINDS]
        row += [f"{macro(results[k][0], LANGDETECT_LANGS):.1f}" for k in KINDS]
        print(f"| {name} | " + " | ".join(row) + f" | {results['sentences'][1]:,.0f} | {load_s:.1f} |",
              flush=True)
        if args.worst and name.startswith("normalize"):
            for kind in KINDS:
                worst = sorted(results[kind][0].items(), key=lambda x: x[1])[:args.worst]
                print(f"  worst {kind}: " + ", ".join(f"{l} {100 * a:.0f}" for l, a in worst))


if __name__ == "__main__":
    main()
