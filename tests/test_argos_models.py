"""Models installed by argostranslate itself are found in its directory and used read-only,
with the network off. argostranslate reads ARGOS_PACKAGES_DIR when first imported, so each step
runs in a process of its own started with that directory set."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, TINY_MODEL, assert_valid_record

TITLE_RU, TITLE_EN = "Заголовок открываемого материала", "Title of the material being opened"
SAMPLE = f"Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said on Tuesday.\n{TITLE_RU}\n"

# runs normalize's CLI in a process where opening a socket fails (tests.offline.refuse_network)
OFFLINE_CLI = "import sys; from tests.offline import refuse_network; refuse_network(); " \
              "from normalize.cli import main; sys.exit(main(sys.argv[1:]))"


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ARGOS_PACKAGES_DIR": str(tmp_path / "argos"), "NORMALIZE_MODELS_DIR": str(tmp_path / "models"),
            "NORMALIZE_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}


def _offline(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", OFFLINE_CLI, *args], cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True)


def _snapshot(directory: Path) -> dict[str, tuple[int, int, str]]:
    return {str(p.relative_to(directory)): (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(directory.rglob("*")) if p.is_file()}


def _argos_install(tmp_path: Path) -> Path:
    """The fixture installed by argostranslate's own installer into a temporary packages dir."""
    (tmp_path / "argos").mkdir()
    subprocess.run([sys.executable, "-c", "import sys, argostranslate.package as p; p.install_from_path(sys.argv[1])",
                    str(TINY_MODEL)], env=_env(tmp_path), check=True, capture_output=True)
    [package] = (tmp_path / "argos").iterdir()
    return package


def test_an_argospm_model_translates_offline_and_read_only(tmp_path: Path) -> None:
    package = _argos_install(tmp_path)
    before = _snapshot(tmp_path / "argos")
    listed = _offline(tmp_path, "models", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == f"ru\ten\t0.1\targos\t{package}\n"
    source = tmp_path / "in.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    result = _offline(tmp_path, "run", str(source), "--translate-to", "en", "-q")
    assert result.returncode == 0, result.stderr
    record = assert_valid_record(json.loads(result.stdout))
    assert [(s["text"], s["translation"]) for s in record["segments"] if s["lang"] == "ru"] == [(TITLE_RU, TITLE_EN)]
    assert record["warnings"] == [] and record["translated_to"] == "en"
    assert _snapshot(tmp_path / "argos") == before  # used where it is, nothing written there
    assert not (tmp_path / "models").exists()  # and not copied into normalize's directory
    removed = _offline(tmp_path, "models", "remove", "ru", "en")
    assert removed.returncode == 1
    assert f"is argostranslate's (used read-only); remove it with: argospm remove translate-ru_en" in removed.stderr
    assert _snapshot(tmp_path / "argos") == before


def test_a_normalize_model_wins_over_the_argos_one_of_the_same_pair(tmp_path: Path) -> None:
    package = _argos_install(tmp_path)
    assert _offline(tmp_path, "models", "install", str(TINY_MODEL)).returncode == 0
    listed = _offline(tmp_path, "models", "list")
    assert listed.stdout == f"ru\ten\t0.1\tnormalize\t{tmp_path / 'models' / 'ru-en'}\n"
    assert package.is_dir()


def test_a_damaged_argos_package_is_skipped_and_the_warning_names_both_installers(tmp_path: Path) -> None:
    (tmp_path / "argos" / "broken").mkdir(parents=True)  # no metadata.json
    (tmp_path / "argos" / "bad-json").mkdir()
    (tmp_path / "argos" / "bad-json" / "metadata.json").write_text("{oops")
    listed = _offline(tmp_path, "models", "list")
    assert listed.returncode == 0 and listed.stdout == ""
    assert f"no models in {tmp_path / 'models'} or {tmp_path / 'argos'}" in listed.stderr
    source = tmp_path / "in.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    record = json.loads(_offline(tmp_path, "run", str(source), "--translate-to", "en", "-q").stdout)
    assert [w["message"] for w in record["warnings"]] == [
        "no ru→en translation model installed; install it with: normalize models install ru en"
        " (or with argostranslate: argospm install translate-ru_en)"]
