"""Benchmark encoding repair and byte decoding against ftfy, chardet and charset-normalizer.

Exact match after NFC per kind of damage, macro averages for the UTF-8 kinds, the legacy-codepage
kinds and the ``bytes:`` kinds, clean-text throughput (CPU time, best of several passes), and
ftfy's own test cases (conservative systems are compared after ftfy's cosmetic folding, since
they deliberately keep curly quotes and ligatures)::

    python scripts/bench_repair.py --data ../shared/data/mojibake/mojibake_dev.jsonl \
        --ftfy-cases ../shared/data/ftfy-cases [--show-errors 20]
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import chardet
import charset_normalizer
import ftfy
import ftfy.fixes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from normalize.encoding.decode import decode_bytes  # noqa: E402
from normalize.encoding import repair_text  # noqa: E402
from normalize.unicode.plausibility import char_script  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CONSERVATIVE = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False)


def _detector_decode(detect):
    def run(data: bytes) -> str:
        encoding = detect(data) or "utf-8"
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            return data.decode("utf-8", errors="replace")

    return run


def _charset_normalizer(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data).best()
    return best.encoding if best else None


TEXT_SYSTEMS = {
    "normalize": repair_text,
    "ftfy-default": ftfy.fix_text,
    "ftfy-conservative": lambda text: ftfy.fix_text(text, CONSERVATIVE),
}
BYTES_SYSTEMS = {
    "normalize": decode_bytes,
    "chardet": _detector_decode(lambda data: chardet.detect(data)["encoding"]),
    "charset-normalizer": _detector_decode(_charset_normalizer),
}


def group_of(kind: str) -> str:
    if kind.startswith("bytes:"):
        return "bytes"
    if kind.startswith(("utf8-", "double-", "partial-")):
        return "utf8"
    return "clean" if kind == "clean" else "legacy"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def scripts(text: str) -> set[str]:
    """The scripts of the letters and script-named punctuation (Arabic ؟, Hebrew ׀) of ``text``."""
    return {s for s in map(char_script, text) if s}


def score_mojibake(records: list[dict], show_errors: int) -> None:
    hits: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    foreign: dict[str, list[str]] = defaultdict(list)  # kind -> ids whose repair brought in a script
    changed_clean: list[str] = []
    shown = 0
    for record in records:
        kind = record["kind"]
        bytes_kind = kind.startswith("bytes:")
        source = base64.b64decode(record["input_b64"]) if bytes_kind else record["input"]
        for name, system in (BYTES_SYSTEMS if bytes_kind else TEXT_SYSTEMS).items():
            try:
                out = system(source)
            except Exception as exc:  # noqa: BLE001 - a crash counts as a miss
                out = f"<{type(exc).__name__}>"
            ok = nfc(out) == nfc(record["expected"])
            hits[kind][name].append(ok)
            if name == "normalize" and not bytes_kind and nfc(out) != nfc(source):
                if scripts(out) - scripts(source) - scripts(record["expected"]):
                    foreign[kind].append(record["id"])
                if kind == "clean":
                    changed_clean.append(f"{record['id']} ({record['lang']}): {source[:70]!r} -> {out[:70]!r}")
            if name == "normalize" and not ok and shown < show_errors:
                shown += 1
                print(f"MISS {record['id']} {kind} {record['lang']}")
                print(f"  got {out[:120]!r}\n  exp {record['expected'][:120]!r}")
    names_text, names_bytes = list(TEXT_SYSTEMS), list(BYTES_SYSTEMS)
    by_group: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    header = "  ".join(f"{n:>18}" for n in names_text)
    print(f"\n{'kind':24} {'n':>4}  {header}   (bytes: {', '.join(names_bytes)})   foreign-script repairs (ours)")
    for kind in sorted(hits, key=lambda k: (group_of(k), k)):
        row = hits[kind]
        n = len(next(iter(row.values())))
        accs = {name: sum(v) / len(v) for name, v in row.items()}
        for name, acc in accs.items():
            by_group[group_of(kind)][name].append(acc)
        extra = "" if kind.startswith("bytes:") else f"   {len(foreign[kind])} {' '.join(foreign[kind][:5])}"
        print(f"{kind:24} {n:>4}  " + "  ".join(f"{acc:>18.3f}" for acc in accs.values()) + extra)
    print(f"\nrepairs that brought in a script neither the input nor the expected text has: "
          f"{sum(map(len, foreign.values()))}")
    print(f"clean lines we changed ({len(changed_clean)}):")
    for line in changed_clean:
        print(f"  {line}")
    print()
    for group in ("clean", "utf8", "legacy", "bytes"):
        if group in by_group:
            accs = by_group[group]
            cells = "  ".join(f"{name}={sum(v) / len(v):.3f} (min {min(v):.3f})" for name, v in accs.items())
            print(f"macro {group:7} {cells}")


def throughput(texts: list[str], repeat: int) -> None:
    """Best of ``repeat`` passes per system, the systems taking turns, in CPU time of this
    process: other processes on a shared machine skew it less than wall time."""
    chars = sum(map(len, texts))
    timings = {name: float("inf") for name in TEXT_SYSTEMS}
    for _ in range(repeat):
        for name, system in TEXT_SYSTEMS.items():
            start = time.process_time()
            for text in texts:
                system(text)
            timings[name] = min(timings[name], time.process_time() - start)
    print(f"\nclean-text throughput ({len(texts)} texts, best of {repeat} passes, CPU time):")
    for name, seconds in timings.items():
        print(f"  {name:18} {chars / seconds:>12,.0f} chars/s  time {seconds / timings['ftfy-conservative']:.2f}x "
              f"ftfy-conservative, {seconds / timings['ftfy-default']:.2f}x ftfy-default")


def cosmetic(text: str) -> str:
    """ftfy's default cosmetic folding, which the conservative systems deliberately skip."""
    return ftfy.fixes.fix_character_width(ftfy.fixes.fix_latin_ligatures(ftfy.fixes.uncurl_quotes(text)))


def ftfy_passes(case: dict) -> bool:
    """Whether conservative ftfy passes the case (the default config differs only cosmetically)."""
    return cosmetic(TEXT_SYSTEMS["ftfy-conservative"](case["original"])) == case["fixed"]


def score_ftfy_cases(folder: Path) -> None:
    print("\nftfy test cases (conservative systems compared after ftfy's cosmetic folding):")
    for path in sorted(folder.glob("*.json")):
        cases = json.loads(path.read_text())
        passed: dict[str, int] = defaultdict(int)
        fixed_failures = []
        for case in cases:
            for name, system in TEXT_SYSTEMS.items():
                extra_bad = case["original"].encode("utf-8").decode("latin-1")
                ok = all(cosmetic(system(text)) == case["fixed"] for text in (case["original"], extra_bad))
                passed[name] += ok
                if name == "normalize" and ok and case["expect"] == "fail" and not ftfy_passes(case):
                    fixed_failures.append(case["label"])
                if name == "normalize" and not ok and ftfy_passes(case):
                    print(f"  REGRESSION {path.name}: {case['label']}: {system(case['original'])!r}")
        cells = "  ".join(f"{name}={n}/{len(cases)}" for name, n in passed.items())
        print(f"  {path.stem:16} {cells}")
        for label in fixed_failures:
            print(f"    known failure fixed: {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "mojibake" / "mojibake_dev.jsonl")
    parser.add_argument("--ftfy-cases", type=Path, default=SHARED / "ftfy-cases")
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over the clean texts")
    parser.add_argument("--show-errors", type=int, default=0, help="print this many misses of ours")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    score_mojibake(records, args.show_errors)
    throughput([r["input"] for r in records if r["kind"] == "clean"], args.repeat)
    if args.ftfy_cases.exists():
        score_ftfy_cases(args.ftfy_cases)


if __name__ == "__main__":
    main()
