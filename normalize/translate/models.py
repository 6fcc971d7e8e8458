"""Translation models on disk: install (from a file or a package index), list, find, remove.

Models are Argos Translate packages (``.argosmodel``): a zip holding exactly one directory with
``metadata.json`` (``from_code``, ``to_code``, ``type: "translate"``), ``model/`` (a CTranslate2
model), ``sentencepiece.model`` and sentence-splitter content (``minisbd/*.onnx`` or ``stanza/``).
They are installed into a directory this project owns (:func:`models_dir`), one sub-directory per
language pair, e.g. ``ru-en/``. Installing validates every zip member first (argostranslate's own
``install_from_path`` is a bare ``extractall``, open to zip-slip) and never touches the network
unless asked to install from a package index.

>>> install_command("ru", "en")
'normalize models install ru en'
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

#: Environment variable that overrides the models directory.
MODELS_DIR_ENV = "NORMALIZE_MODELS_DIR"
#: Argos Translate's package index (a URL or a local directory holding ``index.json``).
PACKAGE_INDEX_ENV = "ARGOS_PACKAGE_INDEX"
DEFAULT_PACKAGE_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"

# Real Argos models are 30-400 MB unpacked; these limits only stop zip bombs and junk.
MAX_UNPACKED_BYTES = 4 * 1024**3
MAX_MEMBERS = 1000
REQUIRED_FILES = ("metadata.json", "model/model.bin", "sentencepiece.model")
SPLITTER_DIRS = ("minisbd/", "stanza/")


class ModelError(Exception):
    """A model file or directory is unusable; the message says why and what to do."""


@dataclass(frozen=True)
class InstalledModel:
    """An installed translation model for one language pair."""

    source: str
    target: str
    path: Path
    version: str = ""
    #: Who installed it: "normalize" (its models directory) or "argos" (argostranslate's, read-only).
    origin: str = "normalize"

    @property
    def pair(self) -> str:
        return f"{self.source}-{self.target}"

    @property
    def identity(self) -> str:
        """What the translations depend on: the pair, the version and the weights' checksum.
        Cache keys use it, so reinstalling a different model never serves stale translations."""
        weights = self.path / "model" / "model.bin"
        stat = weights.stat()
        return f"{self.pair}:{self.version}:{_checksum(weights, stat.st_size, stat.st_mtime_ns)}"


@lru_cache(maxsize=None)
def _checksum(path: Path, size: int, mtime_ns: int) -> str:
    """sha256 prefix of a file; size and mtime are in the key so a replaced file is re-read."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def models_dir(directory: str | os.PathLike | None = None) -> Path:
    """Where models live: ``directory`` if given, else ``$NORMALIZE_MODELS_DIR``, else
    ``models/`` under the user data directory (never a place that needs root)."""
    if directory is not None:
        return Path(directory)
    if os.environ.get(MODELS_DIR_ENV):
        return Path(os.environ[MODELS_DIR_ENV])
    from platformdirs import user_data_dir

    return Path(user_data_dir("normalize")) / "models"


def install_command(source: str, target: str) -> str:
    """The command that installs the model for a pair (shown when it is missing)."""
    return f"normalize models install {source} {target}"


def _read_metadata(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable metadata.json ({exc})") from None


def _model_from_dir(path: Path) -> InstalledModel | None:
    metadata_path = path / "metadata.json"
    if not metadata_path.is_file():
        return None
    metadata = _read_metadata(metadata_path)
    if metadata.get("type", "translate") != "translate" or not metadata.get("from_code") or not metadata.get("to_code"):
        return None
    return InstalledModel(metadata["from_code"], metadata["to_code"], path, str(metadata.get("package_version", "")))


def list_models(directory: str | os.PathLike | None = None) -> list[InstalledModel]:
    """Installed models, sorted by pair."""
    root = models_dir(directory)
    if not root.is_dir():
        return []
    found = (_model_from_dir(p) for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith("."))
    return sorted((m for m in found if m is not None), key=lambda m: m.pair)


def find_model(source: str, target: str, directory: str | os.PathLike | None = None) -> InstalledModel | None:
    return next((m for m in list_models(directory) if (m.source, m.target) == (source, target)), None)


def validate_archive(archive: zipfile.ZipFile) -> tuple[str, dict]:
    """Check an ``.argosmodel`` before anything is extracted; return its top directory and
    metadata. Raises :class:`ModelError` saying what is wrong."""
    members = archive.infolist()
    if not members:
        raise ModelError("the archive is empty")
    if len(members) > MAX_MEMBERS:
        raise ModelError(f"the archive has {len(members)} members (at most {MAX_MEMBERS})")
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise ModelError(f"the archive unpacks to more than {MAX_UNPACKED_BYTES >> 30} GiB")
    tops = set()
    for member in members:
        name = member.filename
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or "\\" in name or ":" in name or ".." in parts:
            raise ModelError(f"unsafe path in the archive: {name!r}")
        if (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise ModelError(f"symbolic link in the archive: {name!r}")
        if len(parts) == 1 and not member.is_dir():
            raise ModelError(f"file at the archive root: {name!r} (everything must be inside one directory)")
        tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(f"the archive must hold exactly one top-level directory, found {len(tops)}: {', '.join(sorted(tops))}")
    top = tops.pop()
    names = {m.filename for m in members}
    missing = [f for f in REQUIRED_FILES if f"{top}/{f}" not in names]
    if missing:
        raise ModelError(f"not a translation model: {', '.join(missing)} missing")
    if not any(n.startswith(f"{top}/{d}") and not n.endswith("/") for d in SPLITTER_DIRS for n in names):
        # without one, argostranslate would download a sentence splitter on first use
        raise ModelError("no sentence-splitter content (minisbd/*.onnx or stanza/) in the package")
    try:
        metadata = json.loads(archive.read(f"{top}/metadata.json"))
    except ValueError as exc:
        raise ModelError(f"metadata.json is not valid JSON ({exc})") from None
    if metadata.get("type", "translate") != "translate":
        raise ModelError(f"a {metadata.get('type')!r} package, not a translation model")
    if not metadata.get("from_code") or not metadata.get("to_code"):
        raise ModelError("metadata.json lacks from_code or to_code")
    return top, metadata


def install_file(path: str | os.PathLike, directory: str | os.PathLike | None = None) -> InstalledModel:
    """Install an ``.argosmodel`` file (offline). Replaces an installed model of the same pair."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an .argosmodel (zip) file")
    root = models_dir(directory)
    root.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(path) as archive:
            top, metadata = validate_archive(archive)
            staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
            try:
                for member in archive.infolist():
                    _extract(archive, member, staging / PurePosixPath(member.filename).relative_to(top))
                destination = root / f"{metadata['from_code']}-{metadata['to_code']}"
                _replace_dir(staging, destination)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ModelError(f"{path}: broken archive ({exc})") from None
    except ModelError as exc:
        raise ModelError(f"{path}: {exc}") from None
    model = _model_from_dir(destination)
    assert model is not None
    return model


def _extract(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    """Write one validated member; never follows the member's own path."""
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.open(member) as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def _replace_dir(new: Path, destination: Path) -> None:
    """Swap ``new`` in at ``destination`` so readers never see a half-installed model."""
    old = destination.with_name(f".old-{destination.name}-{os.getpid()}")
    if destination.exists():
        destination.rename(old)
    new.rename(destination)
    shutil.rmtree(old, ignore_errors=True)


def remove_model(source: str, target: str, directory: str | os.PathLike | None = None) -> InstalledModel:
    model = find_model(source, target, directory)
    if model is None:
        raise ModelError(f"no {source}→{target} model installed in {models_dir(directory)}")
    shutil.rmtree(model.path)
    return model


def package_index_url() -> str:
    """``$ARGOS_PACKAGE_INDEX`` (a URL or a local directory, like argostranslate's setting) or
    the public index; the index itself is ``index.json`` inside it."""
    base = os.environ.get(PACKAGE_INDEX_ENV) or DEFAULT_PACKAGE_INDEX
    if "://" not in base:
        base = Path(base).resolve().as_uri()
    return urllib.parse.urljoin(base.rstrip("/") + "/", "index.json")


def offline_install(source: str, target: str) -> str:
    """How to install a pair without network, for messages of a failed download.

    >>> offline_install("ru", "en")  # doctest: +ELLIPSIS
    'Without network, install a downloaded package file instead: normalize models install FILE.argosmodel (for ru→en: translate-ru_en-*.argosmodel, ...'
    """
    return (f"Without network, install a downloaded package file instead: normalize models install FILE.argosmodel "
            f"(for {source}→{target}: translate-{source}_{target}-*.argosmodel, fetched where there is network; "
            f"or point ${PACKAGE_INDEX_ENV} at a mirror or a local directory holding index.json)")


def install_from_index(source: str, target: str, directory: str | os.PathLike | None = None) -> InstalledModel:
    """Download the pair's package from the package index and install it (needs network unless
    the index is local)."""
    index_url = package_index_url()
    try:
        with urllib.request.urlopen(index_url, timeout=60) as response:
            index = json.load(response)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the package index {index_url}: {exc}. {offline_install(source, target)}") from None
    entry = next((p for p in index if p.get("type", "translate") == "translate"
                  and (p.get("from_code"), p.get("to_code")) == (source, target)), None)
    if entry is None or not entry.get("links"):
        raise ModelError(f"no {source}→{target} model in the package index {index_url}")
    link = urllib.parse.urljoin(index_url, entry["links"][0])
    with tempfile.TemporaryDirectory() as tmp:
        download = Path(tmp) / f"{source}-{target}.argosmodel"
        try:
            with urllib.request.urlopen(link, timeout=600) as response, open(download, "wb") as out:
                shutil.copyfileobj(response, out, 1 << 20)
        except OSError as exc:
            raise ModelError(f"download of {link} failed: {exc}. {offline_install(source, target)}") from None
        return install_file(download, directory)
