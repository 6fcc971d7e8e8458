#!/usr/bin/env python3
"""`normalize report` at several sizes: seconds, peak memory and page size, against the smallest
size (the anchor) in the same run. The records are corpora/expected's real normalize/1 records,
cycled with their own ids (each `--errors-every`-th given an error so the sample takes some).

Flat memory means the peak RSS ratio stays ~1.0 whatever the number of records.

    python scripts/bench_report.py                    # 2,000 (anchor) and 20,000 records
    python scripts/bench_report.py --sizes 2000 20000 200000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Peak memory of the child itself (VmHWM): ru_maxrss would include the forking parent.
CHILD = ("import re, sys\nfrom normalize.cli import main\nrc = main(sys.argv[1:])\n"
         "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\nsys.exit(rc)")


def records() -> list[dict]:
    return [json.loads(line) for path in sorted((ROOT / "corpora" / "expected").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def generate(path: Path, n: int, errors_every: int) -> None:
    base = records()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            record = dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}#{i}")
            if errors_every and i % errors_every == 0:
                record["errors"] = [{"stage": "decode", "message": "synthetic error"}]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def report(jsonl: Path, out: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `normalize report` process."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, "report", str(jsonl), "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(result.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--errors-every", type=int, default=97)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from normalize.report.charts import vega_runtime

    vega_runtime()  # bundled once and cached, so that every size reads it the same way
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            jsonl, page = Path(tmp) / f"{n}.jsonl", Path(tmp) / f"{n}.html"
            generate(jsonl, n, args.errors_every)
            seconds, rss = report(jsonl, page)
            rows.append((n, jsonl.stat().st_size / 2**20, seconds, rss / 1024, page.stat().st_size / 1024))
            jsonl.unlink()
    anchor = rows[0]
    print(f"{'records':>9} {'input MB':>9} {'seconds':>8} {'rec/s':>8} {'peak RSS MiB':>13} {'RSS / anchor':>13} {'page KB':>8}")
    for n, mb, seconds, rss, kb in rows:
        print(f"{n:>9,} {mb:>9.1f} {seconds:>8.2f} {n / seconds:>8,.0f} {rss:>13.1f} {rss / anchor[3]:>13.2f} {kb:>8.0f}")
    print(f"anchor: the {anchor[0]:,}-record report of the same run")


if __name__ == "__main__":
    main()
