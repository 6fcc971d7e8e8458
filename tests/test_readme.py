"""The README's promises: its full JSONL example is what the command really writes, and its
set-up and test commands are the ones CI runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_example_record_is_real_output() -> None:
    example = re.search(r"A full record \(`normalize run (\S+)`.*?```json\n(.*?)\n```", README, re.DOTALL)
    path, shown = example.group(1), json.loads(example.group(2))
    result = subprocess.run([sys.executable, "-m", "normalize", "run", path, "-q"], cwd=ROOT, capture_output=True, check=True)
    assert json.loads(result.stdout) == shown


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python -m pytest" in README and "python -m pytest" in ci
    assert 'pip install -q -e ".[dev]"' in ci and 'python -m pip install -e ".[dev]"' in README
