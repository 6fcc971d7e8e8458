"""Installing, validating, listing and removing translation models (all offline)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from .conftest import TINY_MODEL

from normalize.cli import main
from normalize.translate.models import (
    ModelError, find_model, install_file, install_from_index, list_models, models_dir, remove_model,
)


def rewrite_package(tmp_path: Path, name: str, change) -> Path:
    """A copy of the fixture package with ``change(files)`` applied to its {member: bytes}."""
    with zipfile.ZipFile(TINY_MODEL) as archive:
        files = {m: archive.read(m) for m in archive.namelist()}
    change(files)
    out = tmp_path / name
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in files.items():
            archive.writestr(member, data)
    return out


def test_install_list_find_remove(translation_dirs):
    models, _ = translation_dirs
    model = install_file(TINY_MODEL)
    assert (model.source, model.target, model.path) == ("ru", "en", models / "ru-en")
    assert (models / "ru-en" / "model" / "model.bin").is_file()
    assert (models / "ru-en" / "minisbd" / "ru.onnx").is_file()
    assert [m.pair for m in list_models()] == ["ru-en"]
    assert find_model("ru", "en") == model and find_model("en", "ru") is None
    assert model.identity.startswith("ru-en:0.1:")
    install_file(TINY_MODEL)  # reinstalling replaces, leaves nothing behind
    assert sorted(p.name for p in models.iterdir()) == ["ru-en"]
    remove_model("ru", "en")
    assert list_models() == []
    with pytest.raises(ModelError, match="no ru→en model installed"):
        remove_model("ru", "en")


def test_models_dir_from_environment_or_argument(translation_dirs, tmp_path):
    assert models_dir() == translation_dirs[0]
    assert models_dir(tmp_path / "x") == tmp_path / "x"


def test_not_a_zip(translation_dirs, tmp_path):
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"this is not a zip file")
    with pytest.raises(ModelError, match="not an .argosmodel"):
        install_file(junk)


def test_truncated_zip(translation_dirs, tmp_path):
    data = TINY_MODEL.read_bytes()
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(data[: len(data) // 2] + data[-200:])  # central directory kept, data cut
    with pytest.raises(ModelError, match="broken.argosmodel"):
        install_file(broken)
    assert list_models() == []


@pytest.mark.parametrize("member, message", [
    ("../evil.txt", "unsafe path"),
    ("translate-ru_en-tiny/../../evil.txt", "unsafe path"),
    ("/etc/evil.txt", "unsafe path"),
    ("stray.txt", "file at the archive root"),
    ("other-dir/readme.txt", "exactly one top-level directory"),
])
def test_bad_members_are_refused_before_extracting(translation_dirs, tmp_path, member, message):
    package = rewrite_package(tmp_path, "bad.argosmodel", lambda files: files.update({member: b"x"}))
    with pytest.raises(ModelError, match=message):
        install_file(package)
    assert not (tmp_path / "evil.txt").exists() and list_models() == []


@pytest.mark.parametrize("missing, message", [
    ("translate-ru_en-tiny/model/model.bin", "model/model.bin missing"),
    ("translate-ru_en-tiny/sentencepiece.model", "sentencepiece.model missing"),
    ("translate-ru_en-tiny/minisbd/ru.onnx", "no sentence-splitter content"),
])
def test_incomplete_package(translation_dirs, tmp_path, missing, message):
    package = rewrite_package(tmp_path, "incomplete.argosmodel", lambda files: files.pop(missing))
    with pytest.raises(ModelError, match=message):
        install_file(package)


def test_wrong_metadata(translation_dirs, tmp_path):
    def make_sbd(files):
        files["translate-ru_en-tiny/metadata.json"] = json.dumps({"type": "sbd", "from_code": "ru"}).encode()

    with pytest.raises(ModelError, match="'sbd' package, not a translation model"):
        install_file(rewrite_package(tmp_path, "sbd.argosmodel", make_sbd))


def test_install_from_a_local_package_index(translation_dirs, tmp_path, monkeypatch):
    index = tmp_path / "index"
    index.mkdir()
    (index / "ru_en.argosmodel").write_bytes(TINY_MODEL.read_bytes())
    (index / "index.json").write_text(json.dumps([
        {"type": "translate", "from_code": "ru", "to_code": "en", "links": ["ru_en.argosmodel"]},
    ]))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", str(index))
    assert install_from_index("ru", "en").pair == "ru-en"
    with pytest.raises(ModelError, match="no de→en model in the package index"):
        install_from_index("de", "en")


def test_models_command(translation_dirs, capsys):
    models, _ = translation_dirs
    assert main(["models", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(models)
    assert main(["models", "install", str(TINY_MODEL)]) == 0
    assert "installed ru→en" in capsys.readouterr().err
    assert main(["models", "list"]) == 0
    assert capsys.readouterr().out.startswith("ru\ten\t0.1\t")
    assert main(["models", "remove", "ru", "en"]) == 0
    assert main(["models", "remove", "ru", "en"]) == 1
    assert "no ru→en model installed" in capsys.readouterr().err
    assert main(["models", "install", str(models)]) == 1  # a directory is not a package
