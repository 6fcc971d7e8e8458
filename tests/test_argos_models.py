"""Models installed by argostranslate itself are found in its directory and used read-only,
with the network off. argostranslate reads ARGOS_PACKAGES_DIR when first imported, so each test's
commands run in a process of their own started with that directory set (one process for all the
commands of a test: ``tests.inprocess.run_cli`` there)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, TINY_MODEL, assert_valid_record

TITLE_RU, TITLE_EN = "Заголовок открываемого материала", "Title of the material being opened"
SAMPLE = f"Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said on Tuesday.\n{TITLE_RU}\n"

# runs normalize commands (a JSON list of argument lists) one after the other in a process where
# opening a socket fails (tests.offline.refuse_network); prints each one's status, stdout, stderr
OFFLINE_CLI = """if True:
    import json, sys
    from tests.offline import refuse_network
    refuse_network()
    from tests.inprocess import run_cli
    results = [run_cli(*argv) for argv in json.loads(sys.argv[1])]
    print(json.dumps([[r.returncode, r.stdout.decode(), r.stderr.decode()] for r in results]))
"""


def _env(argos: Path, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ARGOS_PACKAGES_DIR": str(argos), "NORMALIZE_MODELS_DIR": str(tmp_path / "models"),
            "NORMALIZE_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}


def _offline(argos: Path, tmp_path: Path, *commands: list[str]) -> list[subprocess.CompletedProcess]:
    """``normalize COMMAND`` for each command, in one process seeing ``argos`` as argostranslate's directory."""
    process = subprocess.run([sys.executable, "-c", OFFLINE_CLI, json.dumps(commands)], cwd=ROOT,
                             env=_env(argos, tmp_path), capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    return [subprocess.CompletedProcess(argv, status, out, err) for argv, (status, out, err)
            in zip(commands, json.loads(process.stdout))]


def _snapshot(directory: Path) -> dict[str, tuple[int, int, str]]:
    return {str(p.relative_to(directory)): (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module", params=["argostranslate", "unzipped"])
def argos_installed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture installed into a packages dir of these tests (which only read it: the first
    test checks nothing is written there): by argostranslate's own installer where
    ``normalize[argos]`` is installed, and unzipped there as that installer does
    (``install_from_path`` extracts the archive), read with argostranslate absent: the dir, the package."""
    argos = tmp_path_factory.mktemp("argos")
    if request.param == "argostranslate":
        pytest.importorskip("argostranslate", reason="normalize[argos] is not installed")
        subprocess.run([sys.executable, "-c", "import sys, argostranslate.package as p; p.install_from_path(sys.argv[1])",
                        str(TINY_MODEL)], env=_env(argos, argos), check=True, capture_output=True)
    else:
        with zipfile.ZipFile(TINY_MODEL) as archive:
            archive.extractall(argos)
    [package] = argos.iterdir()
    return argos, package


def test_an_argospm_model_translates_offline_and_read_only(argos_installed: tuple[Path, Path], tmp_path: Path) -> None:
    argos, package = argos_installed
    before = _snapshot(argos)
    source = tmp_path / "in.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    listed, result, removed = _offline(argos, tmp_path, ["models", "list"], ["run", str(source), "--translate-to", "en", "-q"],
                                       ["models", "remove", "ru", "en"])
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == f"ru\ten\t0.1\targos\t{package}\n"
    assert result.returncode == 0, result.stderr
    record = assert_valid_record(json.loads(result.stdout))
    assert [(s["text"], s["translation"]) for s in record["segments"] if s["lang"] == "ru"] == [(TITLE_RU, TITLE_EN)]
    assert record["warnings"] == [] and record["translated_to"] == "en"
    assert not (tmp_path / "models").exists()  # not copied into normalize's directory
    assert removed.returncode == 1
    assert f"is argostranslate's (used read-only); remove it with: argospm remove translate-ru_en" in removed.stderr
    assert _snapshot(argos) == before  # used where it is, nothing written there


def test_a_normalize_model_wins_over_the_argos_one_of_the_same_pair(argos_installed: tuple[Path, Path], tmp_path: Path) -> None:
    argos, package = argos_installed
    installed, listed = _offline(argos, tmp_path, ["models", "install", str(TINY_MODEL)], ["models", "list"])
    assert installed.returncode == 0, installed.stderr
    assert listed.stdout == f"ru\ten\t0.1\tnormalize\t{tmp_path / 'models' / 'ru-en'}\n"
    assert package.is_dir()


def test_a_damaged_argos_package_is_skipped_and_the_warning_names_both_installers(tmp_path: Path) -> None:
    (tmp_path / "argos" / "broken").mkdir(parents=True)  # no metadata.json
    (tmp_path / "argos" / "bad-json").mkdir()
    (tmp_path / "argos" / "bad-json" / "metadata.json").write_text("{oops")
    source = tmp_path / "in.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    listed, run = _offline(tmp_path / "argos", tmp_path, ["models", "list"], ["run", str(source), "--translate-to", "en", "-q"])
    assert listed.returncode == 0 and listed.stdout == ""
    assert f"no models in {tmp_path / 'models'} or {tmp_path / 'argos'}" in listed.stderr
    record = json.loads(run.stdout)
    assert [w["message"] for w in record["warnings"]] == [
        "no ru→en translation model installed; install it with: normalize models install ru en"
        " (or with argostranslate: argospm install translate-ru_en)"]
