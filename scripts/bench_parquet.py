#!/usr/bin/env python3
"""Parquet output benchmark: throughput of `normalize run ... -o out.parquet` against
`-o out.jsonl` (the anchor) on the same input, in the same run, alternating so drift cancels.

Input: N documents made from corpora/articles (cycled, each with its own id), or --input FILE.
Prints two tables: the whole command (what a user sees; the issue asks for parquet within 10 %
of JSONL, ratio >= 0.90), and the sinks alone on the same records (to_record + formatting +
writing + commit, no pipeline), which shows what the Parquet sink itself costs.

    python scripts/bench_parquet.py                    # N = 2000, workers 2, 3 rounds
    python scripts/bench_parquet.py --n 500 --rounds 1 --workers 1
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.encoding.decode import decode_bytes  # noqa: E402
from normalize.io.parquet import ParquetOutput  # noqa: E402
from normalize.write.output import FileOutput  # noqa: E402
from normalize.pipeline import build_pipeline  # noqa: E402
from normalize.read import read_inputs  # noqa: E402
from normalize.write import Writer  # noqa: E402


def generate(path: Path, n: int) -> None:
    samples = []
    for doc in read_inputs([str(ROOT / "corpora" / "articles")]):
        raw = doc.raw if isinstance(doc.raw, str) else decode_bytes(doc.raw)
        samples.append(("html" if doc.is_html else "text", raw, Path(doc.id).name))
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            key, value, name = samples[i % len(samples)]
            f.write(json.dumps({"id": f"{name}-{i}", key: value}, ensure_ascii=False) + "\n")


def run_cli(feed: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "normalize", "run", str(feed), "-o", str(out), "-q", "--workers", str(workers)],
                   check=True, cwd=ROOT)
    return time.perf_counter() - start


def sink_seconds(docs, out: Path) -> float:
    start = time.perf_counter()
    if out.suffix == ".parquet":
        output = ParquetOutput(str(out), {})
        writer = output
    else:
        output = FileOutput(str(out), {})
        writer = Writer(output.stream, "jsonl")
    for doc in docs:
        writer.write(doc)
        output.document_done()
    output.commit()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="documents generated from corpora/articles")
    parser.add_argument("--input", type=Path, help="a JSONL file to use instead")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        feed = args.input or tmp / "feed.jsonl"
        if not args.input:
            generate(feed, args.n)
        n = sum(1 for _ in open(feed, encoding="utf-8"))
        times: dict[str, list[float]] = {"jsonl": [], "parquet": []}
        for _ in range(args.rounds):
            for kind in ("jsonl", "parquet"):
                times[kind].append(run_cli(feed, tmp / f"out.{kind}", args.workers))
        import pyarrow.parquet as pq

        same = pq.read_table(tmp / "out.parquet").to_pylist() == [
            json.loads(line) for line in (tmp / "out.jsonl").read_text(encoding="utf-8").splitlines()]
        size = {k: (tmp / f"out.{k}").stat().st_size for k in times}

        docs = list(build_pipeline().run(read_inputs([str(feed)])))
        sinks: dict[str, list[float]] = {"jsonl": [], "parquet": []}
        for _ in range(args.rounds):
            for kind in sinks:
                sinks[kind].append(sink_seconds(docs, tmp / f"sink.{kind}"))

    print(f"documents: {n}, workers: {args.workers}, rounds: {args.rounds} (median)")
    print(f"records identical (parquet rows == jsonl lines): {same}\n")
    print("| normalize run -o | seconds | docs/s | file MB | ratio vs jsonl (docs/s) |")
    print("|---|---|---|---|---|")
    base = statistics.median(times["jsonl"])
    for kind in times:
        seconds = statistics.median(times[kind])
        print(f"| out.{kind} | {seconds:.2f} | {n / seconds:.1f} | {size[kind] / 1e6:.2f} | {base / seconds:.3f} |")
    print("\n| sink alone (same records) | seconds | docs/s | ratio vs jsonl (docs/s) |")
    print("|---|---|---|---|")
    base = statistics.median(sinks["jsonl"])
    for kind in sinks:
        seconds = statistics.median(sinks[kind])
        print(f"| {kind} | {seconds:.3f} | {n / seconds:.0f} | {base / seconds:.3f} |")


if __name__ == "__main__":
    main()
