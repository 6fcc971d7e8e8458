"""Every code block of the README is run by a test, as written, in a directory holding the files
it names: the set-up's main job, the command's and the translation's examples (the online
``models install ru en`` against a package index served on loopback), the report's, the Python
API's, the pipeline's; the Dask blocks run in tests/test_dask.py (a cluster), the integration
blocks in tests/test_readme.py. ``test_every_code_block_is_run_by_a_test`` fails on a block no
test knows.

The command lines run in this process (``conftest.run_cli``: ``normalize.cli.main`` with the
line's words, what the console script calls), a program piped into ``normalize`` as a real
process; the first line of "The command" runs through bash and the installed command, as a
user would type it."""

from __future__ import annotations

import ast
import gzip
import http.server
import importlib.util
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from .conftest import CORPORA, ROOT, TINY_MODEL, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def sections() -> list[tuple[str, str, str]]:
    """Every fenced code block of the README: (the heading above it, language, code)."""
    found, heading = [], ""
    for match in re.finditer(r"^(#{2,4} [^\n]*)$|^```(\w*)\n(.*?)^```$", README, re.MULTILINE | re.DOTALL):
        if match.group(1):
            heading = match.group(1)
        else:
            found.append((heading, match.group(2), match.group(3)))
    return found


def block(heading: str, language: str = "bash", n: int = 0) -> str:
    """The ``n``-th ``language`` block under ``heading``."""
    return [code for h, lang, code in sections() if h == heading and lang == language][n]


def examples(heading: str, n: int = 0) -> list[str]:
    """The command lines of a bash block under ``heading``, comments cut."""
    lines = [re.split(r"\s{2,}#", line)[0].strip() for line in block(heading, "bash", n).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


# Which test runs each block: a new block fails test_every_code_block_is_run_by_a_test until it is added here.
RUN_BY = {
    ("## Quick start", "bash"): "test_the_quick_start_runs_and_prints_what_it_shows",
    ("## Quick start", ""): "test_the_quick_start_runs_and_prints_what_it_shows",
    ("## Set-up and the two commands", "bash"): "test_the_set_up_runs_the_main_job_on_the_sample_corpus",
    ("## The command", ""): "test_the_synopsis_lists_every_option",
    ("## The command", "bash"): "test_every_example_of_the_command_section_runs",
    ("### Offline translation", "bash"): "test_every_example_of_the_translation_section_runs",
    ("### On a Dask cluster", "bash"): "tests/test_dask.py::test_readme_dask_command_lines",
    ("### On a Dask cluster", "python"): "tests/test_dask.py::test_readme_dask_bag_example",
    ("### Other tools' field names", "bash"): "tests/test_readme.py::test_readme_fields_example",
    ("### Parquet", "bash"): "tests/test_readme.py::test_readme_parquet_example",
    ("### datatrove", "python"): "tests/test_readme.py::test_readme_datatrove_example",
    ("### Hugging Face datasets", "python"): "tests/test_readme.py::test_readme_hf_example",
    ("## See what it did: the report", "bash"): "test_every_example_of_the_report_section_runs",
    ("## Python API", "python"): "test_the_python_api_examples_run_and_answer_as_the_comments_say",
    ("## Output contract: JSONL, schema `normalize/1`", "json"): "tests/test_readme.py::test_readme_example_record_is_real_output",
    ("### Metadata: author, date, site", "json"): "tests/test_metadata.py::test_the_readmes_metadata_example_is_real_output",
    ("## Layout", ""): None,  # a picture of the tree, not an example
}


def test_every_code_block_is_run_by_a_test() -> None:
    blocks = {(heading, language) for heading, language, _ in sections()}
    assert blocks == set(RUN_BY), "a README code block no test runs (or one gone): update RUN_BY"
    here = {name for name in globals() if name.startswith("test_")}
    for test in filter(None, RUN_BY.values()):
        path, _, name = test.rpartition("::")
        assert name in (here if not path else set(re.findall(r"^def (test_\w+)", (ROOT / path).read_text(), re.M))), test
    assert len(block("## Python API", "python", 1)) > 0  # the API section's two blocks


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = b"<html><body><h1>Quiet Day</h1><p>Nothing much happened in the village today, the mayor said.</p></body></html>"
        writer.write_record(writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(body), http_headers=headers))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the examples name: article.txt, pages/, dump.jsonl.gz, page.html, crawl.warc.gz,
    a model package, ru-news/, models/ and cache/ (through the environment)."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copy(CORPORA / "articles" / "en_harbour_storm.txt", work / "article.txt")
    (work / "pages" / "drafts").mkdir(parents=True)
    shutil.copy(CORPORA / "articles" / "en_library_reopens.html", work / "pages" / "library.html")
    shutil.copy(CORPORA / "articles" / "pt_futebol.txt", work / "pages" / "futebol.txt")
    (work / "pages" / "drafts" / "draft.txt").write_text("A draft nobody should read yet, left in the folder.\n")
    (work / "pages" / "menu.js").write_text("document.querySelector('.nav').hidden = true;\n")
    (work / "pages" / "site.css").write_text(".nav { display: none; }\n")
    (work / "dump.jsonl.gz").write_bytes(gzip.compress((CORPORA / "articles" / "mixed_feed.jsonl").read_bytes()))
    shutil.copy(CORPORA / "articles" / "de_bahn_streik.html", work / "page.html")
    _warc(work / "crawl.warc.gz")
    shutil.copy(TINY_MODEL, work / "translate-ru_en-1_9.argosmodel")
    (work / "ru-news").mkdir()
    shutil.copy(CORPORA / "articles" / "ru_metro_line.txt", work / "ru-news" / "metro.txt")
    return work


@pytest.fixture
def in_workdir(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(os.getcwd())  # put back after the test, whatever it changed
    monkeypatch.setenv("NORMALIZE_MODELS_DIR", str(workdir / "models"))
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(workdir / "cache"))
    return workdir


def run(line: str, work: Path) -> subprocess.CompletedProcess:
    """A README command line in ``work``: ``normalize ARGS`` in this process, after the
    programs piped into it; a line with any other shell syntax through bash."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    commands, current = [], []
    for word in words + ["|"]:
        if word == "|":
            commands.append(current)
            current = []
        else:
            current.append(word)
    plain = all(commands) and not any(set(w) <= set("&;<>()") for w in words if w != "|")
    if not plain or commands[-1][0] != "normalize" or any(c[0] == "normalize" for c in commands[:-1]):
        return subprocess.run(["bash", "-c", line], cwd=work, capture_output=True)
    data = b""
    for command in commands[:-1]:
        data = subprocess.run(command, input=data, cwd=work, capture_output=True, check=True).stdout
    return run_cli(*commands[-1][1:], stdin=data, cwd=work)


def test_every_example_of_the_command_section_runs(in_workdir: Path) -> None:
    lines = examples("## The command")
    assert len(lines) == 9
    seen = {}
    for line in lines:
        if line == lines[0]:  # as a user types it: bash, the installed console script
            result = subprocess.run(["bash", "-c", line], cwd=in_workdir, capture_output=True)
        else:
            result = run(line, in_workdir)
        assert result.returncode == 0, (line, result.stderr)
        assert b"Traceback" not in result.stderr
        seen[line] = (result.stdout.decode(), result.stderr.decode())
    assert json.loads(seen["normalize run article.txt"][0])["title"].startswith("Storm Ellin Floods Harbour Town")
    assert "skipped: 2 files (not an input kind 2; -v names them)" in seen["normalize run pages/ -o out.jsonl"][1]
    assert seen["normalize run dump.jsonl.gz --format text"][0].startswith("# ")
    assert seen["cat page.html | normalize run --format tagged"][0].startswith("# <stdin>\n")
    assert json.loads(seen["gzip -c article.txt | normalize run -q"][0])["lang"] == "en"
    assert json.loads(seen["normalize run page.html --comments"][0])["lang"] == "de"
    filtered = gzip.decompress((in_workdir / "out.jsonl.gz").read_bytes()).decode()
    assert [json.loads(r)["id"] for r in filtered.splitlines()] == ["pages/futebol.txt", "pages/library.html", "pages/menu.js"]
    stats = json.loads((in_workdir / "stats.json").read_text())
    assert stats["documents"] == 3 and stats["skipped_files"] == {"not an input kind": ["pages/menu.js", "pages/site.css"]}
    assert "nothing to resume: out.jsonl is complete" in seen["normalize run crawl.warc.gz -o out.jsonl --resume"][1]


def test_the_quick_start_runs_and_prints_what_it_shows(in_workdir: Path) -> None:
    lines = examples("## Quick start")
    assert lines[0] == "pip install ."  # the install itself: the set-up test's business
    for line in lines[1:]:
        result = run(line, in_workdir)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (line, result.stderr)
    assert [json.loads(r)["id"] for r in (in_workdir / "clean.jsonl").read_text().splitlines()] == ["page.html"]
    shown = block("## Quick start", "").splitlines()
    tagged = run("normalize run corpora/articles/en_harbour_storm.txt --format tagged", ROOT).stdout.decode().splitlines()
    at = 0
    for line in shown:  # each shown line is the next such output line, in order (long ones cut with …)
        while at < len(tagged) and not tagged[at].startswith(line.removesuffix("…").rstrip()):
            at += 1
        assert at < len(tagged), (line, tagged)
        at += 1


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def package_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A mirror of the Argos package index on loopback: ``index.json`` in argostranslate's own
    format (read back below by its ``AvailablePackage``) with absolute links, as the public
    index has, to packages served beside it; ``$ARGOS_PACKAGE_INDEX`` names it."""
    served = tmp_path / "index"
    served.mkdir()
    shutil.copy(TINY_MODEL, served / "translate-ru_en-1_9.argosmodel")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Quiet(*a, directory=str(served)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    entries = [
        {"package_name": "sbd-ru", "package_version": "1.0", "argos_version": "1.0", "type": "sbd", "from_code": "ru",
         "from_name": "Russian", "links": [base + "sbd-ru.argosmodel"]},
        {"package_name": "translate-en_ru", "package_version": "1.9", "argos_version": "1.0", "from_code": "en",
         "from_name": "English", "to_code": "ru", "to_name": "Russian", "links": [base + "missing.argosmodel"]},
        {"package_name": "translate-ru_en", "package_version": "1.9", "argos_version": "1.0", "from_code": "ru",
         "from_name": "Russian", "to_code": "en", "to_name": "English", "links": [base + "translate-ru_en-1_9.argosmodel"]},
    ]
    (served / "index.json").write_text(json.dumps(entries, indent=2))
    if importlib.util.find_spec("argostranslate"):  # normalize[argos]: its own reader agrees on the format
        import argostranslate.package

        parsed = [argostranslate.package.AvailablePackage(e) for e in entries]
        assert [(p.from_code, p.to_code, p.links) for p in parsed][2] == ("ru", "en", [base + "translate-ru_en-1_9.argosmodel"])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
    yield base
    server.shutdown()
    server.server_close()


def test_every_example_of_the_translation_section_runs(in_workdir: Path, package_index: str) -> None:
    lines = examples("### Offline translation")
    assert lines == ["normalize models install translate-ru_en-1_9.argosmodel", "normalize models install ru en",
                     "normalize models list", "normalize run ru-news/ --translate-to en -o out.jsonl"]
    results = [run(line, in_workdir) for line in lines]
    for line, result in zip(lines, results):
        assert result.returncode == 0, (line, result.stderr)
    assert results[0].stderr.decode() == f"installed ru→en in {in_workdir / 'models' / 'ru-en'}\n"
    assert results[1].stderr.decode() == f"installed ru→en in {in_workdir / 'models' / 'ru-en'}\n"  # from the index, over HTTP
    assert results[2].stdout.decode() == f"ru\ten\t0.1\tnormalize\t{in_workdir / 'models' / 'ru-en'}\n"
    [record] = [json.loads(r) for r in (in_workdir / "out.jsonl").read_text().splitlines()]
    assert record["translated_to"] == "en" and any(s["translation"] for s in record["segments"])
    missing = run("normalize models install en ru", in_workdir)  # a dead link in the index
    assert missing.returncode == 1 and missing.stderr.decode().startswith(f"normalize: download of {package_index}missing.argosmodel failed: ")
    absent = run("normalize models install de en", in_workdir)
    assert (absent.returncode, absent.stderr.decode()) == (1, f"normalize: no de→en model in the package index {package_index}index.json\n")


def test_every_example_of_the_report_section_runs(in_workdir: Path) -> None:
    import zstandard

    records = (CORPORA / "expected" / "uk_grain_port.txt.jsonl").read_bytes()
    (in_workdir / "out.jsonl").write_bytes(records)
    (in_workdir / "day1.jsonl.gz").write_bytes(gzip.compress(records))
    (in_workdir / "day2.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(
        (CORPORA / "expected" / "pt_futebol.txt.jsonl").read_bytes()))
    lines = examples("## See what it did: the report")
    assert len(lines) == 3
    said = []
    for line in lines:
        result = run(line, in_workdir)
        assert result.returncode == 0, (line, result.stderr)
        said.append(result.stderr.decode())
    assert said[0] == "normalize: report of 1 document written to report.html\n"
    assert said[1] == "normalize: report of 2 documents written to report.html\n"
    assert said[2].startswith("normalize: report written to report.html\nnormalize: 3 documents in ")  # then the run's summary
    page = (in_workdir / "report.html").read_text(encoding="utf-8")
    assert "pages/library.html" in page and "pages/futebol.txt" in page  # the last one: the run's own report
    code = re.search(r"From Python:\n`(normalize\.report\.write_report\(.*?\))`", README).group(1)
    os.remove(in_workdir / "report.html")
    import normalize.report

    os.chdir(in_workdir)  # in_workdir's monkeypatch puts the directory back
    builder = eval(code, {"normalize": normalize})
    assert builder.stats.documents == 3 and (in_workdir / "report.html").exists()


def test_the_set_up_runs_the_main_job_on_the_sample_corpus(tmp_path: Path) -> None:
    """The set-up's last command, in a copy of the repository's corpora/: the records are the
    expected ones of tests/test_corpora.py (confidences aside, a model's scores)."""
    setup = block("## Set-up and the two commands")
    main_job = setup.split("\n")[1].split(" && ")[-1]
    assert main_job == "normalize run corpora/articles -o corpora-normalized.jsonl"
    shutil.copytree(CORPORA / "articles", tmp_path / "corpora" / "articles")
    result = run(main_job, tmp_path)
    assert result.returncode == 0, result.stderr
    written = [json.loads(line) for line in (tmp_path / "corpora-normalized.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = [json.loads(line) for path in sorted((CORPORA / "expected").iterdir())
                for line in path.read_text(encoding="utf-8").splitlines()]
    for record in written:
        for segment in record["segments"]:
            del segment["confidence"]
    assert written == expected
    assert "python -m pytest" in setup.split("\n")[-2]


def test_the_synopsis_lists_every_option() -> None:
    from normalize.cli import build_parser

    synopsis = block("## The command", "")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices
    for name in ("run", "report"):
        missing = [a.option_strings for a in commands[name]._actions
                   if a.option_strings and "--help" not in a.option_strings
                   and not any(re.search(rf"[\[ ]{o}[\] ]", synopsis) for o in a.option_strings)]
        assert missing == [], name
    assert all(f"normalize {name}" in synopsis for name in commands)
    actions = next(a for a in commands["models"]._actions if a.__class__.__name__ == "_SubParsersAction").choices
    assert all(action in synopsis.split("normalize models", 1)[1].split("\n", 1)[0] for action in actions)


def _api_statements(code: str) -> list[tuple[str, bool, str | None]]:
    """The statements of a Python block: source, whether it is an expression, and the comment
    that ends its (last) line."""
    tree, lines = ast.parse(code), code.splitlines()
    out = []
    for node in tree.body:
        comment = re.search(r"#\s*(.*)$", lines[node.end_lineno - 1])
        out.append((ast.get_source_segment(code, node), isinstance(node, ast.Expr), comment.group(1) if comment else None))
    return out


def test_the_python_api_examples_run_and_answer_as_the_comments_say(in_workdir: Path, translation_dirs) -> None:
    """The blocks of "Python API", statement by statement, in the work directory (article.txt,
    pages/); the names the first leaves to the reader (``page_html``, ``text_dump``) are a page
    and a dump of the sample corpus; the third translates with the tiny ru→en model installed.
    Where a comment is a Python value, the statement gives it."""
    import normalize

    os.chdir(in_workdir)
    namespace = {"page_html": (CORPORA / "articles" / "en_library_reopens.html").read_text(encoding="utf-8"),
                 "text_dump": (CORPORA / "articles" / "en_harbour_storm.txt").read_text(encoding="utf-8")}
    values = {}
    for source, expression, comment in _api_statements(block("## Python API", "python")):
        if source.startswith("normalize.translate_text("):  # no model installed: the comment says it raises
            assert "raises normalize.MissingModelError" in block("## Python API", "python")
            with pytest.raises(normalize.MissingModelError, match="normalize models install ru en"):
                eval(source, namespace)
        elif not expression:
            exec(source, namespace)
        else:
            values[source] = value = eval(source, namespace)
            if comment and comment.startswith("[Span("):
                spans = [(int(a), int(b), lang) for a, b, lang in re.findall(r"Span\((\d+), (\d+), '(\w+)'", comment)]
                assert [(s.start, s.end, s.lang) for s in value] == spans, source
            elif comment and comment[:1] in "'\"":
                assert value == ast.literal_eval(comment), source
    doc = namespace["doc"]
    assert (doc.id, doc.lang, doc.title) == ("article-1", "en", "Storm Ellin Floods Harbour Town as Ferry Services Are Suspended")
    assert values["normalize.to_record(doc)"]["id"] == "article-1"
    assert values["normalize.decode_bytes(b\"...\")"] == "..."
    def body(name: str) -> str:
        return json.loads((CORPORA / "expected" / f"{name}.jsonl").read_text(encoding="utf-8"))["text"]

    assert values["normalize.extract_html(page_html)"] == body("en_library_reopens.html")
    assert values["normalize.clean_text(text_dump)"] == body("en_harbour_storm.txt")

    pipeline_block = block("## Python API", "python", 1)
    imports = [line for line in pipeline_block.splitlines() if line.startswith(("from ", "import "))]
    assert imports == ["from normalize.pipeline import build_pipeline", "from normalize.read import read_inputs"]
    namespace = {}
    exec(pipeline_block, namespace)
    assert [d.id for d in namespace["pipeline"].run(__import__("normalize.read", fromlist=["x"]).read_inputs(["pages/"]))] \
        == ["pages/futebol.txt", "pages/library.html", "pages/drafts/draft.txt"]
    stats = namespace["pipeline"].stats()
    assert list(stats) == ["decode", "repair", "structure", "boilerplate", "metadata", "language"]
    assert stats["decode"].documents == 6  # three in the block's own loop, three above

    from normalize.translate.models import install_file

    install_file(TINY_MODEL)  # into this test's models directory (translation_dirs): the third block translates
    namespace = {}
    for source, expression, comment in _api_statements(block("## Python API", "python", 2)):
        if not expression:
            exec(source, namespace)
            continue
        value = eval(source, namespace)
        assert comment and value == ast.literal_eval(comment), source
    assert namespace["doc"].id == "ru-1" and namespace["doc"].warnings == []


def test_every_import_and_path_the_readme_names_exists() -> None:
    """The modules and names of every code block's imports, and the repository paths named in
    backquotes (outside the Layout section, a picture the lead keeps by hand), exist."""
    import importlib

    for _, language, code in sections():
        if language != "python":
            continue
        for line in code.splitlines():
            found = re.match(r"\s*from (\S+) import (.+)$", line) or re.match(r"\s*import (\S+)()$", line)
            if found:
                module = importlib.import_module(found.group(1))
                for name in filter(None, (n.strip() for n in found.group(2).split(","))):
                    assert hasattr(module, name), f"{found.group(1)}.{name}"
    text = README.split("\n## Layout\n")[0] + "\n## " + README.split("\n## Layout\n")[1].split("\n## ", 1)[1]
    paths = set(re.findall(r"`((?:normalize|scripts|tests|corpora|docs)/[\w./{},-]+)`", text)) - {"normalize/1"}  # the schema
    paths |= set(re.findall(r"\]\(((?:normalize|scripts|tests|corpora|docs)/[\w./-]+)\)", text))
    assert len(paths) > 15
    for path in sorted(paths):
        alternatives = re.match(r"(.*)\{(.*)\}(.*)", path)
        for one in ([alternatives.group(1) + a + alternatives.group(3) for a in alternatives.group(2).split(",")]
                    if alternatives else [path]):
            assert (ROOT / one).exists(), one
    api = re.findall(r"\bnormalize\.([a-z_A-Z]+)\(", block("## Python API", "python"))
    import normalize

    assert api and all(hasattr(normalize, name) for name in api)


def test_set_up_installs_no_torch_and_the_core_needs_none() -> None:
    """The tests' set-up has no torch step, and nothing the core install pulls in (its declared
    dependencies, followed through the installed packages' own metadata) is torch or argostranslate."""
    import importlib.metadata as metadata

    from packaging.requirements import Requirement

    setup = re.search(r"```bash\n# 1\. .*?\n(.*?)\n", README).group(1)
    assert "torch" not in setup
    seen, todo = set(), ["normalize"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name.lower().replace("_", "-"))
    assert "langdetect" in seen and "ctranslate2" in seen
    assert not seen & {"torch", "argostranslate", "stanza", "spacy"}, sorted(seen)