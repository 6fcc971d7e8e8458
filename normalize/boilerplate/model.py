"""The learned boilerplate classifier: which blocks of a page, which lines of a dump, are body.

Two LightGBM models ship with the package in LightGBM's own text format (no pickle), read and
evaluated by :mod:`normalize.boilerplate.trees` (LightGBM itself is needed only to train):
``models/html.txt`` scores page blocks from :func:`~normalize.structure.features.block_features`,
``models/text.txt`` scores dump lines from :func:`~normalize.structure.features.line_features`.
``scripts/train_boilerplate.py`` rebuilds both byte for byte from the labelled pages; the data
card in the README says what they were trained on and how well they do on pages they never saw.

A block is body when its smoothed probability (its own and its neighbours', see
:func:`smooth`) reaches :data:`THRESHOLD`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .trees import Trees

MODELS = Path(__file__).with_name("models")
#: A block is body from this probability on, per model, chosen in the by-site cross-validation of
#: scripts/train_boilerplate.py --cv: HTML 0.3 / 0.4 / 0.5 gave WCXB word F1 0.839 / 0.836 / 0.829,
#: the wceb shingle macro 0.904 / 0.906 / 0.908 and the article benchmark 0.950 / 0.956 / 0.962;
#: 0.5 kept, as below it related-story teasers leak into articles. Dump lines: 0.5.
THRESHOLD = {"html": 0.5, "text": 0.5}
#: How much each of a block's two neighbours weighs in its smoothed probability (0 / 0.15 / 0.25
#: cross-validated with the threshold: dump lines gain from it, page blocks do not).
NEIGHBOUR_WEIGHT = {"html": 0.0, "text": 0.25}


@cache
def booster(kind: str) -> Trees:
    """The model for ``"html"`` or ``"text"``, loaded once a process."""
    return Trees((MODELS / f"{kind}.txt").read_text(encoding="utf-8"))


def probabilities(rows: list[list[float]], kind: str, model=None) -> list[float]:
    """The body probability of each row (``model``: anything with LightGBM's ``predict``, e.g. a
    Booster being trained, instead of the shipped model)."""
    if not rows:
        return []
    return [float(p) for p in (model or booster(kind)).predict(rows)]


def smooth(scores: list[float], weight: float, transparent: list[bool] | None = None) -> list[float]:
    """Each score mixed with its two neighbours' (a page's article is a run of blocks); a
    ``transparent`` item (a "Read also:" marker, a button) is no one's neighbour: the nearest
    others on either side are.

    >>> smooth([0.0, 1.0, 0.0], 0.25)
    [0.25, 0.5, 0.25]
    >>> smooth([1.0, 0.0, 0.6, 0.0], 0.25, [False, True, False, True])
    [0.9, 0.0, 0.7, 0.0]
    """
    if not weight:
        return list(scores)
    n = len(scores)
    skip = transparent or [False] * n
    left = [0.0] * n
    right = [0.0] * n
    last = None
    for i in range(n):
        left[i] = scores[i] if last is None else last
        if not skip[i]:
            last = scores[i]
    last = None
    for i in range(n - 1, -1, -1):
        right[i] = scores[i] if last is None else last
        if not skip[i]:
            last = scores[i]
    # a transparent item keeps its own score: body around a button does not make it body
    return [s if t else round((1 - 2 * weight) * s + weight * (a + b), 12)
            for s, a, b, t in zip(scores, left, right, skip)]


def is_body(rows: list[list[float]], kind: str, model=None, probs: list[float] | None = None,
            transparent: list[bool] | None = None) -> list[bool]:
    """Whether each row is body (``probs``: the model's probabilities, already computed)."""
    threshold = THRESHOLD[kind]
    probs = probabilities(rows, kind, model) if probs is None else probs
    return [p >= threshold for p in smooth(probs, NEIGHBOUR_WEIGHT[kind], transparent)]
