"""Models installed by argostranslate (``argospm install translate-ru_en``, LibreTranslate),
found where argostranslate keeps them and used read-only, next to normalize's own.

argostranslate's settings module says where its packages are (``$ARGOS_PACKAGES_DIR``, its
``settings.json``, else ``~/.local/share/argos-translate/packages``; read once, when it is first
imported) and its package module reads each package's metadata. Neither opens a network
connection, and neither loads a model (``argostranslate.translate``, which does, is never
imported). A normalize model wins over an argos one of the same pair.

>>> argos_install_command("ru", "en")
'argospm install translate-ru_en'
"""

from __future__ import annotations

import os
from pathlib import Path

from .models import InstalledModel, list_models

ORIGIN_NORMALIZE, ORIGIN_ARGOS = "normalize", "argos"


def argos_install_command(source: str, target: str) -> str:
    """argostranslate's own command for a pair (its packages are named ``translate-FROM_TO``)."""
    return f"argospm install translate-{source}_{target}"


def argos_package_dirs() -> list[Path]:
    """The directories argostranslate reads packages from; empty when it cannot be used
    (not installed, or its settings cannot be read or its directories created)."""
    try:
        from argostranslate import settings
    except Exception:  # noqa: BLE001 - ImportError, or OSError creating its directories
        return []
    return [Path(d) for d in settings.package_dirs]


def argos_models() -> list[InstalledModel]:
    """Translation packages argostranslate has installed, sorted by pair (a damaged package
    directory is skipped, never fatal)."""
    dirs = [d for d in argos_package_dirs() if d.is_dir()]
    if not dirs:
        return []
    from argostranslate.package import Package

    found = []
    for directory in dirs:
        for path in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(".")):
            try:
                package = Package(path)
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if getattr(package, "type", "translate") != "translate" or not package.from_code or not package.to_code:
                continue
            if not (path / "model" / "model.bin").is_file() or not (path / "sentencepiece.model").is_file():
                continue  # e.g. a BPE package, which the engine cannot run
            found.append(InstalledModel(package.from_code, package.to_code, path,
                                        str(getattr(package, "package_version", "") or ""), origin=ORIGIN_ARGOS))
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
