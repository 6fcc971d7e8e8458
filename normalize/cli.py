"""The ``normalize`` command: argument parsing and wiring, nothing else."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from . import __version__
from .config import Config
from .document import Document
from .pipeline import StageStats, build_pipeline
from .read import DEFAULT_MAX_BYTES, ReadConfig, read_inputs
from .write import FORMATS, Writer

RUN_EXAMPLES = """\
examples:
  normalize run article.txt                      clean one scraped text dump, JSONL to stdout
  normalize run pages/ -o out.jsonl              every file under pages/ (text, HTML, .gz, JSONL)
  normalize run dump.jsonl --format text         records {"id", "text"|"html"} a line; clean text out
  cat page.html | normalize run --format tagged  stdin; each segment as [lang role] text
  normalize run corpora/ --workers 2             two worker processes, same output order
  normalize run ru/ --translate-to en            foreign segments translated offline (see `normalize models`)

exit status: 0 every document went through, 1 some document has errors (its record is still
written), 2 usage error.
"""

MODELS_EXAMPLES = """\
examples:
  normalize models install translate-ru_en-1_9.argosmodel   install a downloaded package (offline)
  normalize models install ru en                            download from the Argos package index
                                                            ($ARGOS_PACKAGE_INDEX: a mirror or local dir)
  normalize models list                                     installed language pairs
  normalize models remove ru en
  normalize models path                                     the models directory ($NORMALIZE_MODELS_DIR)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="normalize",
        description="Offline, multilingual article normaliser: scraped text or HTML in, clean language-tagged text out.",
    )
    parser.add_argument("--version", action="version", version=f"normalize {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="normalize documents (files, directories, JSONL, stdin)",
        description="Read documents, repair, structure, remove boilerplate, tag languages, write them out.",
        epilog=RUN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="files or directories; '-' or nothing for stdin")
    run.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout); written atomically")
    run.add_argument("--format", choices=FORMATS, default="jsonl", help="jsonl (default), text or tagged")
    run.add_argument("--workers", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    run.add_argument("--input-format", choices=("auto", "text", "html", "jsonl"), default="auto",
                     help="how to read inputs (default: by file extension and content)")
    run.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES, metavar="N",
                     help=f"size limit per document; larger ones are cut and flagged (default {DEFAULT_MAX_BYTES})")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    translation = run.add_argument_group("translation")
    translation.add_argument("--translate-to", metavar="LANG", help="translate foreign segments into LANG (e.g. en)")
    translation.add_argument("--require-translation", action="store_true",
                             help="a foreign segment without an installed model is an error (exit 1), not a warning")
    translation.add_argument("--no-cache", action="store_true", help="neither read nor write the translation cache")
    translation.add_argument("--device", choices=("cpu", "cuda", "auto"), default="auto",
                             help="where translation models run (default auto: cuda when a GPU is visible)")
    translation.add_argument("--threads", type=_positive, default=None, metavar="N",
                             help="CPU threads per translation model (default: CTranslate2's choice)")
    translation.add_argument("--models-dir", metavar="DIR", help="translation models directory (default: see `normalize models path`)")

    models = commands.add_parser(
        "models", help="install, list and remove translation models",
        description="Manage the offline translation models (Argos Translate packages).",
        epilog=MODELS_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    models.add_argument("--models-dir", metavar="DIR", help="models directory (default: $NORMALIZE_MODELS_DIR or the user data dir)")
    actions = models.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="installed models")
    install = actions.add_parser("install", help="install FILE.argosmodel, or FROM TO from the package index")
    install.add_argument("what", nargs="+", metavar="FILE | FROM TO")
    remove = actions.add_parser("remove", help="remove the FROM→TO model")
    remove.add_argument("source", metavar="FROM")
    remove.add_argument("target", metavar="TO")
    actions.add_parser("path", help="print the models directory")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


@contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    """stdout, or a temporary file next to ``path`` renamed over it when everything is written."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".normalize-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _progress(docs: Iterator[Document], enabled: bool) -> Iterator[Document]:
    if not enabled:
        return docs
    from tqdm import tqdm

    return iter(tqdm(docs, unit="doc", file=sys.stderr, dynamic_ncols=True))


def _summary(count: int, failed: Counter[str], langs: Counter[str], seconds: float, stats: dict[str, StageStats],
             notices: Counter[str]) -> str:
    lines = [f"normalize: {count} documents in {seconds:.1f}s, {sum(failed.values())} with errors"]
    if failed:
        lines.append("  errors by stage: " + ", ".join(f"{k} {v}" for k, v in failed.most_common()))
    for message, documents in notices.most_common():
        lines.append(f"  {message} ({documents} documents)")
    if "translate" in stats and stats["translate"].counts:
        lines.append("  translation: " + ", ".join(f"{k} {v}" for k, v in stats["translate"].counts.items()))
    if langs:
        lines.append("  languages: " + ", ".join(f"{k} {v}" for k, v in langs.most_common(10)))
    timed = [(name, s.seconds) for name, s in stats.items() if s.seconds]
    if timed:
        lines.append("  time per stage: " + ", ".join(f"{n} {t:.1f}s" for n, t in timed))
    return "\n".join(lines)


def _notices(doc: Document) -> Iterator[str]:
    """Messages repeated once in the summary: warnings, and missing-model errors (one per
    language pair, so few, however many documents)."""
    yield from (w.message for w in doc.warnings)
    yield from (e.message for e in doc.errors if e.stage == "translate")


def cmd_run(args: argparse.Namespace) -> int:
    config = Config(
        read=ReadConfig(max_bytes=args.max_bytes, input_format=args.input_format),
        translate_to=args.translate_to, models_dir=args.models_dir, translate_device=args.device,
        translate_threads=args.threads or 0, translate_cache=not args.no_cache,
        require_translation=args.require_translation,
    )
    inputs = args.inputs or ["-"]
    docs = read_inputs(inputs, config.read)
    stats: dict[str, StageStats] = {}
    if args.workers > 1:
        from .run.processes import run_processes

        results = run_processes(docs, config, workers=args.workers, stats=stats)
    else:
        pipeline = build_pipeline(config)
        stats = pipeline.stats()
        results = pipeline.run(docs)
    interactive = sys.stderr.isatty() and not args.quiet
    failed: Counter[str] = Counter()
    langs: Counter[str] = Counter()
    notices: Counter[str] = Counter()
    start = time.perf_counter()
    count = 0
    try:
        with _open_output(args.output) as out:
            writer = Writer(out, args.format)
            for doc in _progress(results, interactive):
                writer.write(doc)
                count += 1
                langs[doc.lang] += 1
                for stage in {e.stage for e in doc.errors}:
                    failed[stage] += 1
                notices.update(set(_notices(doc)))
    except KeyboardInterrupt:
        print("\nnormalize: interrupted; nothing was written to the output file" if args.output else "\nnormalize: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error of ours
        return 0
    if not args.quiet:
        print(_summary(count, failed, langs, time.perf_counter() - start, stats, notices), file=sys.stderr)
    return 1 if failed else 0


def cmd_models(args: argparse.Namespace) -> int:
    from .translate import models

    try:
        if args.action == "path":
            print(models.models_dir(args.models_dir))
        elif args.action == "list":
            installed = models.list_models(args.models_dir)
            for model in installed:
                print(f"{model.source}\t{model.target}\t{model.version}\t{model.path}")
            if not installed:
                print(f"normalize: no models in {models.models_dir(args.models_dir)}", file=sys.stderr)
        elif args.action == "remove":
            model = models.remove_model(args.source, args.target, args.models_dir)
            print(f"removed {model.source}→{model.target} from {model.path}", file=sys.stderr)
        elif len(args.what) == 1:
            model = models.install_file(args.what[0], args.models_dir)
            print(f"installed {model.source}→{model.target} in {model.path}", file=sys.stderr)
        elif len(args.what) == 2:
            model = models.install_from_index(*args.what, args.models_dir)
            print(f"installed {model.source}→{model.target} in {model.path}", file=sys.stderr)
        else:
            print("normalize: models install takes FILE.argosmodel or FROM TO", file=sys.stderr)
            return 2
    except (models.ModelError, OSError) as exc:
        print(f"normalize: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "run":
        try:
            return cmd_run(args)
        except OSError as exc:  # e.g. the output directory does not exist
            print(f"normalize: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
            return 2
    if args.command == "models":
        return cmd_models(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
