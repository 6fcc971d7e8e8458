"""Article-body benchmark: extract_html and clean_text against trafilatura and readability-lxml.

Scored with the scrapinghub article-extraction-benchmark metric (../shared/README.md): 4-token
shingles over ``\\w+`` tokens, multiset overlaps per page, precision and recall averaged over
pages, F1 the harmonic mean of the two averages. Every extractor runs on the same pages in the
same process, one page at a time, the extractors taking turns pass by pass (best pass counts), so
the pages/s column compares like with like. The pipeline rows score ``Document.text`` from the
stages decode -> repair -> structure -> boilerplate (their speed includes the other stages).

    python scripts/bench_extract.py --data ../shared/data/articles
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from normalize import clean_text, extract_html  # noqa: E402

_TOKEN = re.compile(r"\w+")


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
    ps = [p for p, _ in scores if p is not None]
    rs = [r for _, r in scores if r is not None]
    p, r = sum(ps) / max(1, len(ps)), sum(rs) / max(1, len(rs))
    return 2 * p * r / (p + r) if p + r else 0.0, p, r


def trafilatura_precise(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True, include_comments=False) or ""


def readability_lxml(html: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary_html = Document(html).summary(html_partial=True)
    return lxml_html.fromstring(summary_html).text_content() if summary_html.strip() else ""


def run_all(extractors: dict[str, Callable[[str], str]], pages: list[tuple[str, str, str]], repeat: int = 1) -> list[dict]:
    """Score each extractor; its speed is its best of ``repeat`` passes, the passes of all
    extractors taking turns so that a change in the machine's load hits them alike."""
    seconds = {name: float("inf") for name in extractors}
    outputs: dict[str, dict[str, str]] = {}
    for _ in range(repeat):
        for name, extract in extractors.items():
            start = time.perf_counter()
            outputs[name] = {page_id: extract(document) for page_id, document, _ in pages}
            seconds[name] = min(seconds[name], time.perf_counter() - start)
    results = []
    for name in extractors:
        scores = {page_id: page_scores(outputs[name][page_id], gold) for page_id, _, gold in pages}
        f1, p, r = summary(list(scores.values()))
        results.append({"name": name, "f1": f1, "p": p, "r": r, "pages_s": len(pages) / seconds[name],
                        "scores": scores, "outputs": outputs[name]})
    return results


def reason(predicted: str, gold: str, p: float | None, r: float | None) -> str:
    if not predicted.strip():
        return "returned nothing"
    if p is not None and r is not None and p < 0.5 and r < 0.5:
        return "picked the wrong block"
    if p is not None and (r is None or p < r):
        return f"kept chrome ({len(_TOKEN.findall(predicted))} tokens vs {len(_TOKEN.findall(gold))} gold)"
    return f"lost body ({len(_TOKEN.findall(predicted))} tokens vs {len(_TOKEN.findall(gold))} gold)"


def print_table(title: str, results: list[dict]) -> None:
    print(f"\n{title}\n| extractor | F1 | precision | recall | pages/s |\n|---|---|---|---|---|")
    for res in results:
        print(f"| {res['name']} | {res['f1']:.3f} | {res['p']:.3f} | {res['r']:.3f} | {res['pages_s']:.1f} |")


def print_worst(res: dict, pages: list[tuple[str, str, str]], n: int = 10) -> None:
    def f1(page_id: str) -> float:
        p, r = res["scores"][page_id]
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    print(f"\nworst {n} pages of {res['name']}:")
    gold_of = {page_id: gold for page_id, _, gold in pages}
    for page_id in sorted(res["scores"], key=f1)[:n]:
        p, r = res["scores"][page_id]
        why = reason(res["outputs"][page_id], gold_of[page_id], p, r)
        print(f"  {page_id[:12]} F1 {f1(page_id):.3f} P {p or 0:.3f} R {r or 0:.3f}: {why}")


def load(data: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    gold = {page_id: item["articleBody"] for page_id, item in json.loads((data / "ground-truth-dev.json").read_text()).items()}
    html_pages = [(p.name.split(".")[0], gzip.open(p, "rb").read().decode("utf-8", "replace"), "")
                  for p in sorted((data / "html").glob("*.html.gz"))]
    html_pages = [(i, doc, gold[i]) for i, doc, _ in html_pages if i in gold]
    text_pages = []
    for line in (data / "text-dev.jsonl").read_text().splitlines():
        record = json.loads(line)
        if record["id"] in gold:
            text_pages.append((record["id"], record["text"], gold[record["id"]]))
    return html_pages, text_pages


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    # ../shared from the project root (a git worktree sits one level deeper)
    default = next((d / "shared" / "data" / "articles" for d in root.parents[:2] if (d / "shared").exists()), None)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default, required=default is None)
    parser.add_argument("--only", choices=["html", "text"], help="run one half of the benchmark")
    parser.add_argument("--no-anchors", action="store_true", help="skip trafilatura and readability (quick checks)")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="timing passes per extractor; the best counts")
    args = parser.parse_args()
    html_pages, text_pages = load(args.data)
    if args.only != "text":
        extractors = {"normalize.extract_html": extract_html}
        if not args.no_anchors:
            extractors["trafilatura favor_precision, no comments"] = trafilatura_precise
            extractors["readability-lxml"] = readability_lxml
        extractors["normalize pipeline: Document.text"] = _pipeline_text(is_html=True)
        results = run_all(extractors, html_pages, args.repeat)
        print_table(f"HTML pages ({len(html_pages)})", results)
        print_worst(results[0], html_pages, args.worst)
    if args.only != "html":
        extractors = {"normalize.clean_text": clean_text, "keep every line": lambda text: text}
        if not args.no_anchors:
            extractors["trafilatura on the lines as <p>"] = _trafilatura_on_lines
        extractors["normalize pipeline: Document.text"] = _pipeline_text(is_html=False)
        results = run_all(extractors, text_pages, args.repeat)
        print_table(f"text dumps ({len(text_pages)})", results)
        print_worst(results[0], text_pages, args.worst)


def _pipeline_text(is_html: bool) -> Callable[[str], str]:
    """The body text the pipeline's stages up to boilerplate give (no language ID: not scored)."""
    from normalize.boilerplate import BoilerplateStage
    from normalize.decode import DecodeStage
    from normalize.document import Document
    from normalize.pipeline import Pipeline
    from normalize.repair import RepairStage
    from normalize.structure import StructureStage

    pipeline = Pipeline([DecodeStage(), RepairStage(), StructureStage(), BoilerplateStage()])
    return lambda raw: pipeline.process(Document(id="page", raw=raw, is_html=is_html)).text


def _trafilatura_on_lines(text: str) -> str:
    from html import escape

    page = "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
    return trafilatura_precise(page)


if __name__ == "__main__":
    main()
