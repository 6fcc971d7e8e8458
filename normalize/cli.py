"""The ``normalize`` command: argument parsing and wiring, nothing else."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import itertools
import json
import os
import shlex
import signal
import sys
import time
from collections.abc import Iterator

from . import __version__
from .config import Config
from .document import SCHEMA, Document
from .io.parquet import ParquetOutput, is_parquet
from .langid.models import ModelLoadError, check_models
from .read import DEFAULT_MAX_BYTES, ReadConfig, count_documents, read_inputs
from .stage import StageStats
from .startup import process_start
from .summary import RunSummary, plural
from .write import FORMATS, FileOutput, OutputBusy, OutputError, OutputLock, ResumeError, Writer, lock_path, to_record

RUN_EXAMPLES = """\
examples:
  normalize run article.txt                      clean one scraped text dump, JSONL to stdout
  normalize run pages/ -o out.jsonl              every file under pages/ (text, HTML, .gz, JSONL)
  normalize run dump.jsonl --format text         records {"id", "text"|"html"} a line; clean text out
  cat page.html | normalize run --format tagged  stdin; each segment as [lang role] text
  normalize run corpora/articles --workers 2     two worker processes, same output order
  normalize run pages/ --exclude 'drafts/*' -o out.jsonl.gz   filters for directories; gzip output
  normalize run blog/ --comments                 readers' comments under each article kept in its text
  gzip -c page.html | normalize run -q           compressed stdin (gzip, zstd) recognised
  normalize run crawl.warc.gz -o out.jsonl --resume   continue a killed run where it stopped
  normalize run ccnet.jsonl --text-field raw_content --url-field url --date-field date_download
                                                 record fields as evidence of each record's metadata (url, date)
  normalize run big.jsonl.zst --engine dask --scheduler tcp://head:8786
  normalize run ru/ --translate-to en            foreign segments translated offline (see `normalize models`)

exit status: 0 every document went through, 1 some document has errors (its record is still
written), 2 usage error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM); with -o, --resume
continues.
"""


MODELS_EXAMPLES = """\
examples:
  normalize models install translate-ru_en-1_9.argosmodel   install a downloaded package (offline)
  normalize models install ru en                            download from the Argos package index
                                                            ($ARGOS_PACKAGE_INDEX: a mirror or local dir)
  normalize models list                                     installed pairs: FROM TO VERSION ORIGIN PATH
                                                            (origin normalize, or argos: argospm's, read-only)
  normalize models remove ru en
  normalize models path                                     the models directory ($NORMALIZE_MODELS_DIR)
"""

REPORT_EXAMPLES = """\
examples:
  normalize report out.jsonl -o report.html          the report of a run's output
  normalize report day1.jsonl.gz day2.jsonl.zst -o r.html
  normalize run pages/ -o out.jsonl --report report.html   run, then report
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="normalize",
        description="Offline, multilingual article normaliser: scraped text or HTML in, clean language-tagged text out.",
        epilog="examples:\n  normalize run pages/ -o out.jsonl\n  normalize run article.txt --format tagged\n"
               "  normalize models install translate-ru_en-1_9.argosmodel\n\n"
               "`normalize run --help` and `normalize models --help` say more.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    run.add_argument("--workers", type=_positive, default=os.cpu_count() or 1, metavar="N",
                     help="worker processes, or local Dask workers (default: all cores)")
    run.add_argument("--resume", action="store_true",
                     help="continue an interrupted run with the same inputs and -o OUT (nothing lost, nothing doubled)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes (default) or a Dask cluster (needs the dask extra)")
    run.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    run.add_argument("--stats", metavar="FILE", help="write the end-of-run summary as JSON to FILE")
    run.add_argument("--input-format", choices=("auto", "text", "html", "jsonl"), default="auto",
                     help="how to read inputs (default: by file extension and content)")
    fields = run.add_argument_group("record fields (JSONL and Parquet inputs)")
    fields.add_argument("--id-field", metavar="NAME", help="the field holding the id (default: id, else url)")
    fields.add_argument("--text-field", metavar="NAME", help="the field holding plain text (default: text), e.g. raw_content, content")
    fields.add_argument("--html-field", metavar="NAME", help="the field holding HTML (default: html); used first when both are named")
    fields.add_argument("--url-field", metavar="NAME",
                        help="the field holding the document's URL, evidence for metadata.url and a date in its path "
                             "(default: url, when a record has it)")
    fields.add_argument("--date-field", metavar="NAME",
                        help="the field holding the publication date (any common format), used for metadata.date when "
                             "the document itself gives none (default: none)")
    run.add_argument("--include", action="append", default=[], metavar="GLOB",
                     help="in directories, also take files matching GLOB (name or path below the directory; repeatable)")
    run.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                     help="in directories, leave out files matching GLOB (repeatable; wins over --include)")
    run.add_argument("--comments", action="store_true",
                     help="keep the readers' comments under a web page's article (and a product page's customer "
                          "reviews) in its text (default: boilerplate; a forum thread's posts are its text either way)")
    run.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="N",
                     help="size limit per document, in bytes or with K, M, G (KiB, MiB, GiB); larger ones are cut and flagged (default 10M)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    run.add_argument("-v", "--verbose", action="store_true",
                     help="the summary names every file skipped in input directories (else it counts them)")
    run.add_argument("--report", metavar="FILE.html", help="also write the HTML report of the run (see `normalize report`)")
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
    commands.add_parser("schema", help="print the JSON Schema of the output records (normalize/1)",
                        description="Print the JSON Schema of normalize/1 records (JSONL lines, Parquet rows).")

    report = commands.add_parser(
        "report", help="a self-contained HTML report of a run's JSONL output",
        description="One HTML page, offline, requesting nothing: what a run did to the corpus (charts and "
                    "numbers) and to each document (segments by language, boilerplate, translations).",
        epilog=REPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("inputs", nargs="+", metavar="OUT.jsonl", help="normalize/1 JSONL (.gz, .zst too; '-' for stdin)")
    report.add_argument("-o", "--output", required=True, metavar="REPORT.html", help="the page to write")
    report.add_argument("--sample", type=_positive, default=None, metavar="N",
                        help="documents in the document view when there are more (default 200, plus those with errors)")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def _size(value: str) -> int:
    """A byte count: ``1000``, ``100K``, ``10M``, ``10MB``, ``10MiB``, ``1G`` (binary multiples).

    >>> _size("10MB"), _size("100k"), _size("1000")
    (10485760, 102400, 1000)
    """
    text = value.strip().upper().removesuffix("IB").removesuffix("B")
    unit = text[-1:] if text[-1:] in _UNITS else ""
    try:
        number = float(text[: len(text) - len(unit)])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (bytes, or a number with K, M or G, e.g. 10M)") from None
    if number * _UNITS[unit] < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte: {value}")
    return int(number * _UNITS[unit])


def _progress(docs: Iterator[Document], enabled: bool, total: int | None, done: int) -> Iterator[Document]:
    """A progress bar on stderr (documents/s; ETA when the number of documents is known)."""
    if not enabled:
        return docs
    from tqdm import tqdm

    return iter(tqdm(docs, unit="doc", file=sys.stderr, dynamic_ncols=True, total=total, initial=done))


def _fingerprint(args: argparse.Namespace, config: Config) -> dict:
    """What must match for --resume to continue a run: the inputs, the format, the options."""
    inputs = [i if i == "-" else os.path.abspath(i) for i in args.inputs]
    return {"schema": SCHEMA, "inputs": inputs, "format": args.format, "config": repr(config)}


def _translation_problem(args: argparse.Namespace) -> str | None:
    """A usage error in the translation options, found before the run: an unknown target
    language, ``--device cuda`` where CTranslate2 sees no GPU."""
    if not args.translate_to:
        return None
    from .translate.codes import usage_error
    from .translate.models import list_models

    try:
        installed = {code for m in list_models(args.models_dir) for code in (m.source, m.target)}
    except OSError:
        installed = set()
    problem = usage_error(args.translate_to, installed)
    if problem is None and args.device == "cuda":
        import ctranslate2

        if ctranslate2.get_cuda_device_count() == 0:
            problem = "--device cuda: CTranslate2 sees no CUDA device on this machine; use --device cpu or --device auto"
    return problem


def _own_outputs(args: argparse.Namespace) -> frozenset[str]:
    """Real paths of every file this run writes: never read as inputs, even inside an input directory."""
    paths = [p for p in (args.stats, args.report) if p]
    if args.output:
        paths += [args.output + suffix for suffix in ("", ".partial", ".progress", ".progress.tmp")] + [lock_path(args.output)]
    return frozenset(os.path.realpath(p) for p in paths)


def _resume_command(argv: list[str]) -> str:
    words = ["normalize", *argv] + ([] if "--resume" in argv else ["--resume"])
    return " ".join(shlex.quote(w) for w in words)


def _results(docs: Iterator[Document], config: Config, args: argparse.Namespace, stats: dict[str, StageStats]) -> Iterator[Document]:
    if args.engine == "dask":
        from .run.dask import run_dask

        return run_dask(docs, config, scheduler=args.scheduler, workers=args.workers, stats=stats)
    from .run.processes import run_processes

    return run_processes(docs, config, workers=args.workers, stats=stats)


#: The write errors that mean no room: a full disk, a full quota, a file-size limit (only these
#: are told to make room; any other is reported as it is).
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class Terminated(Exception):
    """SIGTERM arrived (a batch scheduler, an OOM reaper, ``kill``): stop as Ctrl-C does."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _writing(output: FileOutput | None) -> Iterator[None]:
    """A failed write (a full disk, a file-size limit) becomes an :class:`OutputError` naming
    the file; a reader gone away (a closed pipe) stays what it is."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(exc.errno, exc.strerror or str(exc), output.partial if output else "<stdout>") from exc


def _on_sigterm(handler):
    """Install a SIGTERM handler; returns the previous one (None off the main thread, where
    Python cannot handle signals: there the default stays)."""
    try:
        return signal.signal(signal.SIGTERM, handler) if handler is not None else None
    except ValueError:
        return None


def cmd_run(args: argparse.Namespace, argv: list[str], started: float | None = None) -> int:
    """``normalize run``; ``started``: the :func:`time.perf_counter` reading the run's time
    counts from (default: now)."""
    started = time.perf_counter() if started is None else started
    config = Config(
        read=ReadConfig(max_bytes=args.max_bytes, input_format=args.input_format, id_field=args.id_field,
                        text_field=args.text_field, html_field=args.html_field,
                        url_field=args.url_field, date_field=args.date_field,
                        include=tuple(args.include), exclude=tuple(args.exclude)),
        translate_to=args.translate_to, models_dir=args.models_dir, translate_device=args.device,
        translate_threads=args.threads or 0, translate_cache=not args.no_cache,
        require_translation=args.require_translation, comments=args.comments,
    )
    if not args.inputs and sys.stdin.isatty():
        print("normalize: no input: name files or directories, or pipe documents to stdin (see --help)", file=sys.stderr)
        return 2
    args.inputs = args.inputs or ["-"]
    missing = [name for name in args.inputs if name != "-" and not os.path.exists(name)]
    for name in missing:
        print(f"normalize: no such file or directory: {name}", file=sys.stderr)
    if missing:
        return 2
    if args.resume and not args.output:
        print("normalize: --resume needs an output file (-o OUT)", file=sys.stderr)
        return 2
    parquet_out = bool(args.output) and is_parquet(args.output)
    if parquet_out and args.format != "jsonl":
        print(f"normalize: {args.output} holds the JSONL records as columns; --format {args.format} needs another output name", file=sys.stderr)
        return 2
    if args.report and not os.path.isdir(os.path.dirname(os.path.abspath(args.report))):
        print(f"normalize: --report {args.report}: its directory does not exist", file=sys.stderr)
        return 2
    problem = _translation_problem(args) or _output_problem(args)
    if problem:
        print(f"normalize: {problem}", file=sys.stderr)
        return 2
    if not args.output:
        return _run(args, argv, config, parquet_out, started)
    try:
        lock = OutputLock(args.output)  # before anything is read or written: one run per output
    except OutputBusy as exc:
        print(f"normalize: {exc}", file=sys.stderr)
        return 2
    with lock:
        return _run(args, argv, config, parquet_out, started)


def _run(args: argparse.Namespace, argv: list[str], config: Config, parquet_out: bool, started: float) -> int:
    """The run itself, its options checked (and its output locked); its time counts from ``started``."""
    if args.resume and os.path.exists(args.output) and not os.path.exists(args.output + ".progress"):
        print(f"normalize: nothing to resume: {args.output} is complete; run without --resume to write it again", file=sys.stderr)
        return 0
    if args.engine == "local":
        try:  # before anything is processed (and before workers fork, which then share them)
            check_models()
        except ModelLoadError as exc:
            print(f"normalize: {exc}", file=sys.stderr)
            return 2
    summary, stats, before = RunSummary(), {}, {}
    output_class = ParquetOutput if parquet_out else FileOutput
    output = output_class(args.output, _fingerprint(args, config), resume=args.resume,
                        extra=lambda: {"summary": summary.to_state(), "stages": _stage_state(before, stats)}) if args.output else None
    skip = output.done if output else 0
    if skip:
        print(f"normalize: resuming after {plural(skip, 'document')} already in {output.partial}", file=sys.stderr)
        if output.resumed_extra:  # the summary counts the whole output, not only this part
            summary = RunSummary.from_state(output.resumed_extra["summary"])
            before = {name: StageStats(**s) for name, s in output.resumed_extra["stages"].items()}
    own = _own_outputs(args)
    docs = itertools.islice(read_inputs(args.inputs, config.read, own=own, skipped=summary.skipped), skip, None)
    if not output:
        sys.stdout.reconfigure(encoding="utf-8")  # the output is UTF-8 whatever the locale says
    stream = sys.stdout if not output or parquet_out else output.stream
    writer = output if parquet_out else Writer(stream, args.format, count=skip)
    interactive = sys.stderr.isatty() and not args.quiet
    total = count_documents(args.inputs, config.read, own) if interactive else None
    report = _report_builder(args)
    startup = time.perf_counter() - started  # imports, options, models: before the first document
    start = started - summary.seconds
    previous = _on_sigterm(_raise_terminated)
    try:
        for doc in _progress(_results(docs, config, args, stats), interactive, total, skip):
            with _writing(output):
                writer.write(doc)
            if report is not None:
                report.add_value(to_record(doc), doc.source)
            summary.add(doc)
            summary.seconds = time.perf_counter() - start
            if output:  # after the summary counted it: a checkpoint carries the summary
                with _writing(output):
                    output.document_done()
        with _writing(output):
            if output:
                output.commit()
            else:
                sys.stdout.flush()
    except (KeyboardInterrupt, Terminated) as stop:
        how = "terminated (SIGTERM)" if isinstance(stop, Terminated) else "interrupted"
        if output:
            output.close()
            print(f"\nnormalize: {how} after {plural(output.done, 'document')}; to continue: {_resume_command(argv)}", file=sys.stderr)
        else:
            print(f"\nnormalize: {how}", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    except OutputError as exc:
        if output:
            output.abandon()
            fix = "Make room (or raise the file-size limit), then" if exc.errno in NO_ROOM else "Once that is mended,"
            print(f"normalize: cannot write {exc.filename}: {exc.strerror}; the checkpoint {output.progress} keeps "
                  f"the {plural(output.saved, 'document')} written before. {fix} continue: {_resume_command(argv)}", file=sys.stderr)
        else:
            print(f"normalize: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error of ours
        return 0
    finally:
        _on_sigterm(previous)
        if output:
            output.close()
    seconds = time.perf_counter() - start
    stats = {name: StageStats(**s) for name, s in _stage_state(before, stats).items()}
    if args.report:
        _write_run_report(args, report)
    if not args.quiet:
        print(summary.format(seconds, stats, workers=args.workers, verbose=args.verbose), file=sys.stderr)
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(summary.to_dict(seconds, stats, startup=startup), f, indent=2, ensure_ascii=False)
    return 1 if summary.failed_documents else 0


def _stage_state(before: dict[str, StageStats], now: dict[str, StageStats]) -> dict[str, dict]:
    """The stage counters of the part of the output written before a resume and of this run, summed."""
    total: dict[str, StageStats] = {}
    for part in (before, now):
        for name, s in part.items():
            total.setdefault(name, StageStats()).merge(s)
    return {name: dataclasses.asdict(s) for name, s in total.items()}


def _output_problem(args: argparse.Namespace) -> str | None:
    """An output path (-o, --stats) that cannot be written, found before the run."""
    for option, path in (("-o", args.output), ("--stats", args.stats)):
        if not path:
            continue
        directory = os.path.dirname(os.path.abspath(path))
        if os.path.isdir(path):
            return f"cannot write {option} {path}: it is a directory"
        if not os.path.isdir(directory):
            return f"cannot write {option} {path}: no such directory: {os.path.dirname(path) or '.'}"
        if not os.access(directory, os.W_OK):
            return f"cannot write {option} {path}: permission denied in {os.path.dirname(path) or '.'}"
    return None


def _report_builder(args: argparse.Namespace):
    """For ``run --report``: None when the report will be read from OUT once the run is complete
    (JSONL written to a plain file: a resumed run's report then has every document), else a
    builder fed the documents as they go by."""
    plain_jsonl_file = (args.output and args.format == "jsonl" and not is_parquet(args.output)
                        and not args.output.lower().endswith((".gz", ".zst", ".zstd")))
    if not args.report or plain_jsonl_file:
        return None
    from .report import ReportBuilder

    return ReportBuilder()


def _write_run_report(args: argparse.Namespace, streamed) -> None:
    if streamed is None:
        from .report import write_report

        write_report([args.output], args.report)
    else:
        streamed.write(args.report)
    if not args.quiet:
        print(f"normalize: report written to {args.report}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    from .report import ReportInputError, write_report

    try:
        builder = write_report(args.inputs, args.output, sample_size=args.sample)
    except ReportInputError as exc:
        print(f"normalize: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"normalize: cannot write the report {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    stats = builder.stats
    malformed = f", {plural(stats.malformed, 'malformed line')} (listed in the report)" if stats.malformed else ""
    print(f"normalize: report of {plural(stats.documents, 'document')}{malformed} written to {args.output}", file=sys.stderr)
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from .translate import argos, models

    try:
        if args.action == "path":
            print(models.models_dir(args.models_dir))
        elif args.action == "list":
            installed = argos.available_models(args.models_dir)
            for model in installed:
                print(f"{model.source}\t{model.target}\t{model.version}\t{model.origin}\t{model.path}")
            if not installed:
                where = [str(models.models_dir(args.models_dir))] + [str(d) for d in argos.argos_package_dirs()]
                print(f"normalize: no models in {' or '.join(where)}", file=sys.stderr)
        elif args.action == "remove":
            theirs = next((m for m in argos.argos_models() if (m.source, m.target) == (args.source, args.target)), None)
            if theirs and not models.find_model(args.source, args.target, args.models_dir):
                print(f"normalize: the {theirs.source}→{theirs.target} model in {theirs.path} is argostranslate's (used read-only); "
                      f"remove it with: argospm remove translate-{theirs.source}_{theirs.target}", file=sys.stderr)
                return 1
            model = models.remove_model(args.source, args.target, args.models_dir)
            print(f"removed {model.source}→{model.target} from {model.path}", file=sys.stderr)
        elif len(args.what) == 1:
            if not os.path.exists(args.what[0]):
                print(f"normalize: no such file: {args.what[0]} (models install takes FILE.argosmodel, or FROM TO to download)", file=sys.stderr)
                return 1
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


def _command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the (sub)command the arguments were for: ``normalize run``, ``normalize models install``…"""
    for name in ("command", "action"):
        commands = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
        if commands is None or getattr(args, name, None) not in commands.choices:
            break
        parser = commands.choices[getattr(args, name)]
    return parser


def main(argv: list[str] | None = None) -> int:
    # as the program (the console script, python -m), a run's time counts from the process's
    # start (the interpreter, the imports); called with arguments, from this call
    started = process_start() if argv is None else time.perf_counter()
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # argparse would show the top-level usage; the command's own is the helpful one
        _command_parser(parser, args).error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "run":
        try:
            return cmd_run(args, argv if argv is not None else sys.argv[1:], started)
        except (OSError, ResumeError) as exc:  # e.g. the output directory does not exist
            detail = f"{exc.strerror}: {exc.filename}" if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"normalize: {detail}", file=sys.stderr)
            return 2
    if args.command == "models":
        return cmd_models(args)
    if args.command == "schema":
        from .schema import schema_text

        sys.stdout.write(schema_text())
        return 0
    if args.command == "report":
        return cmd_report(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
