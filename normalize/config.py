"""One config object for a run, like ftfy's ``TextFixerConfig``: every option in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from .read import ReadConfig


@dataclass(frozen=True)
class Config:
    """Options for a whole run. Stages read the fields they care about."""

    read: ReadConfig = field(default_factory=ReadConfig)
    #: Translate foreign segments into this language (None: no translation stage).
    translate_to: str | None = None
