"""Benchmark: normalize's batched translation vs argostranslate's per-sentence ``translate()``.

Both run the same ``.argosmodel`` in the same process, with the same device and thread count,
on the same sentences (the source side of corpora/parallel/ru-en.tsv, each once).
Reports sentences/s of each (models already loaded), the speed-up, the share of identical
outputs, and load costs. Neither side may use a cache: normalize's is off, argostranslate's
per-paragraph cache is cleared before every call. No network is needed (run it under
``unshare -n`` to check)::

    python scripts/bench_translate.py                     # the test fixture, CPU, 1 thread
    python scripts/bench_translate.py --device cuda
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing


def read_sentences(path: Path) -> list[str]:
    """The source side, each sentence once (normalize translates a repeated sentence once)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(line.split("\t")[0] for line in lines if line.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "tests" / "fixtures" / "translate-ru_en-tiny.argosmodel")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora" / "parallel" / "ru-en.tsv")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    # argostranslate reads its settings once, at import: point everything it owns at tmp first
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(tmp / var.lower())
    os.environ.update(ARGOS_PACKAGES_DIR=str(tmp / "models"), ARGOS_DEVICE_TYPE=args.device,
                      ARGOS_INTRA_THREADS=str(args.threads), ARGOS_INTER_THREADS="1")

    from normalize.translate.models import install_file
    from normalize.translate.translator import Translator

    model = install_file(args.model, tmp / "models")
    sentences = read_sentences(args.corpus)
    print(f"model {args.model.name} ({model.source}→{model.target}), {len(sentences)} sentences, "
          f"device {args.device}, {args.threads} thread(s)")

    ours = {}
    for beam in (4, 1):
        start = time.perf_counter()
        translator = Translator(models_dir=tmp / "models", device=args.device, threads=args.threads, cache=None, beam_size=beam)
        translator.translate(sentences[:1], model.source, model.target)  # loads the model
        load = time.perf_counter() - start
        start = time.perf_counter()
        output = translator.translate(sentences, model.source, model.target)
        ours[beam] = (output, time.perf_counter() - start, load)

    start = time.perf_counter()
    from argostranslate import translate as argos

    argos_import = time.perf_counter() - start
    argos.translate(sentences[0], model.source, model.target)  # loads the model
    theirs, argos_seconds = [], 0.0
    for sentence in sentences:
        for installed in argos.installed_translates:
            installed.cached_translation.cache = {}
        start = time.perf_counter()
        theirs.append(argos.translate(sentence, model.source, model.target))
        argos_seconds += time.perf_counter() - start

    print("\n| path | sentences/s | vs argostranslate | identical to argostranslate | startup |\n|---|---:|---:|---:|---:|")
    print(f"| argostranslate translate() per sentence (beam 4) | {len(sentences) / argos_seconds:.1f} | 1.0× | - | import {argos_import:.2f}s |")
    for beam, (output, seconds, load) in ours.items():
        same = sum(a == b for a, b in zip(output, theirs))
        print(f"| normalize batched, beam {beam} | {len(sentences) / seconds:.1f} | {argos_seconds / seconds:.1f}× "
              f"| {same}/{len(sentences)} ({100 * same / len(sentences):.1f}%) | load {load:.2f}s |")
    for a, b, s in zip(ours[4][0], theirs, sentences):
        if a != b:
            print(f"  beam 4 differs: {s!r}: ours {a!r}, argos {b!r}")


if __name__ == "__main__":
    main()
