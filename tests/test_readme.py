"""The README's promises: its full JSONL example is what the command really writes, and its
set-up and test commands are the ones CI runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from .conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_example_record_is_real_output() -> None:
    example = re.search(r"A full record \(`normalize run (\S+)`.*?```json\n(.*?)\n```", README, re.DOTALL)
    path, shown = example.group(1), json.loads(example.group(2))
    result = run_cli("run", path, "-q", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == shown


def _setup_commands(text: str) -> tuple[str, str]:
    """The README's two set-up commands, found the way ``.ci/run`` finds them (awk: the line
    after ``# 1. `` and after ``# 2. ``)."""
    found = subprocess.run(["awk", '/^# 1\\. /{getline; print} /^# 2\\. /{getline; print}'], input=text,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    return found[0], found[1]


def test_ci_runs_the_readme_commands_in_a_new_virtual_environment() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    setup, tests = _setup_commands(README)
    assert 'python -m pip install -e ".[dev]"' in setup and setup.endswith("normalize run corpora/articles -o corpora-normalized.jsonl")
    assert tests == "python -m pytest"
    assert 'python3 -m venv "$work/venv"' in ci and 'source "$work/venv/bin/activate"' in ci
    assert "awk '/^# 1\\. /{getline; print; exit}' README.md" in ci and 'bash -euo pipefail -c "$setup"' in ci
    assert 'bash -euo pipefail -c "$tests"' in ci and "pip install" not in ci  # only the README's commands


# --- the integration sections' examples, run as written -------------------------------------------

def _example(name: str) -> tuple[str, str]:
    """The code block after ``<!-- example: NAME -->``: (language, code)."""
    found = re.search(rf"<!-- example: {name} -->\n```(\w+)\n(.*?)\n```", README, re.DOTALL)
    assert found, f"README has no example {name!r}"
    return found.group(1), found.group(2)


def _run_example(name: str, tmp_path) -> subprocess.CompletedProcess:
    """Run an example from a directory of its own where `corpora/` is the repository's: a Python
    block in a process of its own; a bash block a command at a time, its ``normalize`` lines in
    this process (``run_cli``), the others through bash (stdout: the last command's)."""
    import os
    import shlex

    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_DATASETS_CACHE": str(tmp_path / "hf-cache"), "HF_HUB_OFFLINE": "1"}
    language, code = _example(name)
    if language != "bash":
        result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result
    commands, shell = [], []
    for line in code.splitlines():
        if line.startswith("normalize ") and not shell:
            commands.append(("normalize", line))
        elif line.startswith("normalize "):
            commands += [("bash", "\n".join(shell)), ("normalize", line)]
            shell = []
        else:
            shell.append(line)
    commands += [("bash", "\n".join(shell))] if shell else []
    for kind, command in commands:
        if kind == "normalize":
            done = run_cli(*shlex.split(command)[1:], cwd=tmp_path)
            result = subprocess.CompletedProcess(command, done.returncode, done.stdout.decode(), done.stderr.decode())
        else:
            result = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, (command, result.stderr)
    return result


def test_readme_fields_example(tmp_path) -> None:
    record = json.loads(_run_example("fields", tmp_path).stdout)
    assert (record["id"], record["source"], record["lang"]) == ("https://example.org/a", "ccnet.jsonl:1", "fr")
    assert record["text"] == "Le conseil municipal s'est réuni lundi pour discuter du nouveau budget."


def test_readme_parquet_example(tmp_path) -> None:
    out = _run_example("parquet", tmp_path).stdout
    assert "corpora/articles/de_bahn_streik.html" in out and "Startseite" in out
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "articles.parquet").num_rows == 14


def test_readme_datatrove_example(tmp_path) -> None:
    _run_example("datatrove", tmp_path)
    docs = [json.loads(line) for line in (tmp_path / "normalized" / "00000.jsonl").read_text(encoding="utf-8").splitlines()]
    source = [json.loads(line) for line in (ROOT / "corpora" / "articles" / "mixed_feed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [s["id"] for s in source if "text" in s]  # datatrove's reader skips the html-only line
    assert all(d["text"] == d["metadata"]["normalize"]["text"] for d in docs)
    assert docs[0]["metadata"]["normalize"]["lang"] == "pl"
    assert docs[0]["text"].startswith("W poniedziałek uczniowie po raz pierwszy weszli do nowej szkoły")


def test_readme_hf_example(tmp_path) -> None:
    assert _run_example("hf", tmp_path).stdout == "pl Nowa szkoła otwarta w dzielnicy Zielone Wzgórza\n"
