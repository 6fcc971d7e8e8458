"""Models installed by argostranslate (``argospm install translate-ru_en``, LibreTranslate),
found where argostranslate keeps them and used read-only, next to normalize's own.

Where argostranslate is installed (``normalize[argos]``), its settings module says where its
packages are (read once, when it is first imported); without it, the same places are read the
way it reads them: ``$ARGOS_PACKAGES_DIR``, else the ``ARGOS_PACKAGES_DIR`` of its
``settings.json``, else ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/…``). Each
package's ``metadata.json`` says its pair; nothing opens a network connection or loads a model
(``argostranslate.translate`` is never imported). A normalize model wins over an argos one of the
same pair.

>>> argos_install_command("ru", "en")
'argospm install translate-ru_en'
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .models import InstalledModel, list_models

ORIGIN_NORMALIZE, ORIGIN_ARGOS = "normalize", "argos"


def argos_install_command(source: str, target: str) -> str:
    """argostranslate's own command for a pair (its packages are named ``translate-FROM_TO``)."""
    return f"argospm install translate-{source}_{target}"


def argos_package_dirs() -> list[Path]:
    """The directories argostranslate reads packages from: its own settings where it is
    installed, else the places it would read (:func:`default_package_dirs`)."""
    try:
        from argostranslate import settings
    except Exception:  # noqa: BLE001 - ImportError (no normalize[argos]), or its OSError creating directories
        return default_package_dirs()
    return [Path(d) for d in settings.package_dirs]


def default_package_dirs(environ: dict[str, str] | None = None) -> list[Path]:
    """Where argostranslate keeps packages, found as it finds them, without importing it.

    >>> default_package_dirs({"ARGOS_PACKAGES_DIR": "/srv/argos"})
    [PosixPath('/srv/argos')]
    >>> default_package_dirs({"HOME": "/home/ann", "XDG_CONFIG_HOME": "/nonexistent"})
    [PosixPath('/home/ann/.local/share/argos-translate/packages')]
    """
    env = os.environ if environ is None else environ
    if env.get("ARGOS_PACKAGES_DIR"):
        return [Path(env["ARGOS_PACKAGES_DIR"])]
    home = Path(env.get("HOME") or Path.home())
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate" / "settings.json"
    try:
        configured = json.loads(config.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
    except (OSError, ValueError, AttributeError):
        configured = None
    if isinstance(configured, str) and configured:
        return [Path(configured).expanduser()]
    return [Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate" / "packages"]


def _package_pair(path: Path) -> tuple[str, str, str] | None:
    """A translation package's source, target and version from its ``metadata.json`` (argostranslate's
    package format); ``None`` for another kind of package or a damaged one."""
    try:
        meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        return None
    source, target = meta.get("from_code"), meta.get("to_code")
    if not isinstance(source, str) or not isinstance(target, str) or not source or not target:
        return None
    return source, target, str(meta.get("package_version") or "")


def argos_models() -> list[InstalledModel]:
    """Translation packages argostranslate has installed, sorted by pair (a damaged package
    directory is skipped, never fatal)."""
    found = []
    for directory in argos_package_dirs():
        if not directory.is_dir():
            continue
        for path in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(".")):
            pair = _package_pair(path)
            if pair is None:
                continue
            if not (path / "model" / "model.bin").is_file() or not (path / "sentencepiece.model").is_file():
                continue  # e.g. a BPE package, which the engine cannot run
            found.append(InstalledModel(pair[0], pair[1], path, pair[2], origin=ORIGIN_ARGOS))
    return sorted(found, key=lambda m: (m.pair, str(m.path)))


def available_models(directory: str | os.PathLike | None = None) -> list[InstalledModel]:
    """Every usable model: normalize's own (``directory``), then argostranslate's for the pairs
    normalize has none of; sorted by pair."""
    own = list_models(directory)
    pairs = {m.pair for m in own}
    extra: dict[str, InstalledModel] = {}
    for model in argos_models():
        if model.pair not in pairs:
            extra.setdefault(model.pair, model)
    return sorted(own + list(extra.values()), key=lambda m: m.pair)
