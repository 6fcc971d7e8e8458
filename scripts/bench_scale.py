#!/usr/bin/env python3
"""Scale benchmark: docs/s and peak memory of `normalize run` at several corpus sizes and worker counts.

Generates N documents from corpora/articles (cycled, each with its own id), runs the CLI on them
as a JSONL file, and prints a table plus the ratios the scale issue asks for:
peak RSS at the largest N over the smallest (constant memory: <= 1.25), and wall time with 2
workers over 1 worker (<= 0.65), and whether outputs were byte-identical across worker counts.

    python scripts/bench_scale.py                       # N = 2000, 20000; workers 1, 2
    python scripts/bench_scale.py --sizes 500 5000 --workers 1 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.encoding.decode import decode_bytes  # noqa: E402
from normalize.read import read_inputs  # noqa: E402


def sample_records() -> list[dict]:
    records = []
    for doc in read_inputs([str(ROOT / "corpora" / "articles")]):
        raw = doc.raw if isinstance(doc.raw, str) else decode_bytes(doc.raw)
        records.append({"key": "html" if doc.is_html else "text", "value": raw, "name": Path(doc.id).name})
    return records


def generate(path: Path, n: int, samples: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            s = samples[i % len(samples)]
            f.write(json.dumps({"id": f"{s['name']}-{i}", s["key"]: s["value"]}, ensure_ascii=False) + "\n")


def run(feed: Path | list[Path], workers: int, out: Path, stats: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS of the whole process tree and of its largest process (bytes), of
    ``normalize run`` on ``feed`` (a file or folder, or several)."""
    feeds = feed if isinstance(feed, list) else [feed]
    cmd = [sys.executable, "-m", "normalize", "run", *map(str, feeds), "-o", str(out), "-q",
           "--workers", str(workers), "--stats", str(stats)]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT)
    tree_peak = single_peak = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            rss = [p.memory_info().rss for p in procs]
        except psutil.Error:
            continue
        tree_peak, single_peak = max(tree_peak, sum(rss)), max(single_peak, max(rss))
        time.sleep(0.05)
    return time.perf_counter() - start, tree_peak, single_peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    samples = sample_records()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            feed = Path(tmp) / f"feed-{n}.jsonl"
            generate(feed, n, samples)
            for w in args.workers:
                out, stats = Path(tmp) / f"out-{n}-{w}.jsonl", Path(tmp) / f"stats-{n}-{w}.json"
                wall, tree, single = run(feed, w, out, stats)
                digest = hashlib.sha256(out.read_bytes()).hexdigest()[:12]
                stages = json.loads(stats.read_text())["stages"]
                rows[n, w] = (wall, tree, single, digest, stages)
                print(f"  done N={n} workers={w}: {wall:.1f}s", file=sys.stderr)
    print(f"\n{'N':>7} {'workers':>7} {'wall s':>8} {'docs/s':>8} {'peak RSS tree MB':>17} {'largest proc MB':>16} {'output sha256':>14}")
    for (n, w), (wall, tree, single, digest, _) in rows.items():
        print(f"{n:>7} {w:>7} {wall:>8.1f} {n / wall:>8.1f} {tree / 2**20:>17.0f} {single / 2**20:>16.0f} {digest:>14}")
    small, large = min(args.sizes), max(args.sizes)
    print()
    for w in args.workers:
        print(f"peak RSS N={large} / N={small}, workers={w}: {rows[large, w][1] / rows[small, w][1]:.2f} (target <= 1.25)")
    if 1 in args.workers and 2 in args.workers:
        for n in args.sizes:
            same = rows[n, 1][3] == rows[n, 2][3]
            print(f"wall workers=2 / workers=1, N={n}: {rows[n, 2][0] / rows[n, 1][0]:.2f} (target <= 0.65); identical output: {same}")
    stages = rows[large, args.workers[0]][4]
    total = sum(s["seconds"] for s in stages.values()) or 1
    print(f"\ntime per stage (N={large}, workers={args.workers[0]}): " +
          ", ".join(f"{name} {100 * s['seconds'] / total:.0f}%" for name, s in stages.items()))


if __name__ == "__main__":
    main()
