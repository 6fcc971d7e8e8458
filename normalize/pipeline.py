"""The default pipeline, assembled from a :class:`~normalize.config.Config`: decode → repair →
structure → boilerplate → metadata →
language (→ translate, when ``config.translate_to`` is set).

The read stage (:mod:`normalize.read`) makes the documents and the write stage
(:mod:`normalize.write`) turns them into records; between them every stage is a
:class:`~normalize.stage.Stage`. This module is the only one that knows them all.
"""

from __future__ import annotations

from .boilerplate.stage import BoilerplateStage
from .config import Config
from .encoding.stage import DecodeStage, RepairStage
from .langid.stage import LanguageStage
from .metadata.stage import MetadataStage
from .stage import Pipeline, Stage
from .structure.stage import StructureStage
from .translate.stage import TranslateStage

__all__ = ["Pipeline", "build_pipeline"]


def build_pipeline(config: Config | None = None) -> Pipeline:
    """The standard pipeline for ``config`` (the defaults when None)."""
    config = config or Config()
    stages: list[Stage] = [DecodeStage(), RepairStage(), StructureStage(), BoilerplateStage(config.comments), MetadataStage(),
                           LanguageStage(config.language)]
    if config.translate_to:
        stages.append(TranslateStage.from_config(config))
    return Pipeline(stages)
