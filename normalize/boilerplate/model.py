"""The learned boilerplate classifier: which blocks of a page, which lines of a dump, are body.

Four LightGBM models ship with the package in LightGBM's own text format (no pickle), read and
evaluated by :mod:`normalize.boilerplate.trees` (LightGBM itself is needed only to train):
``models/html.txt`` scores page blocks from :func:`~normalize.structure.features.block_features`,
``models/html_context.txt`` takes a second look at them beside their containers and the page
(:mod:`normalize.boilerplate.context`, :func:`block_probabilities`), ``models/text.txt`` scores
dump lines from :func:`~normalize.structure.features.line_features` and ``models/text_context.txt``
takes a second look at them beside their neighbours and the dump (:func:`line_probabilities`).
``scripts/train_boilerplate.py`` rebuilds them byte for byte from the labelled pages; the data
card in the README says what they were trained on and how well they do on pages they never saw.

A block is body when its smoothed probability (its own and its neighbours', see
:func:`smooth`) reaches :data:`THRESHOLD`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from .context import CONTEXT, LINE_NEIGHBOURS
from .trees import Trees

MODELS = Path(__file__).with_name("models")
#: A block is body from this probability on, per model, chosen in the by-site cross-validation of
#: scripts/train_boilerplate.py --cv. HTML (the context model's probability): 0.3 / 0.35 / 0.4 /
#: 0.45 / 0.5 gave WCXB word F1 0.851 / 0.850 / 0.849 / 0.846 / 0.843 and the article benchmark
#: 0.954 / 0.960 / 0.964 / 0.965 / 0.966, the wceb shingle macro 0.909 from 0.35 up; 0.4 kept (below
#: it forums and articles lose). Dump lines: 0.5.
THRESHOLD = {"html": 0.4, "text": 0.5}
#: How much each of a block's two neighbours weighs in its smoothed probability (0 / 0.15 / 0.25
#: cross-validated with the threshold: dump lines gain from it, page blocks do not).
NEIGHBOUR_WEIGHT = {"html": 0.0, "text": 0.25}


#: The block model's probability under which (or over one minus which) a block keeps it: the
#: context model is asked about the others only. On 200 WCXB pages (in-sample models) 57% of
#: the blocks are this sure and the context model moved none of them across the threshold; in
#: the nested by-site cross-validation of all 3,059 pages the scores stayed the same to three
#: decimals, and pages/s went from 1.26x to 1.37x trafilatura's (0c42cc6).
SURE = 0.05


@cache
def booster(kind: str) -> Trees:
    """The model for ``"html"``, ``"html_context"``, ``"text"`` or ``"text_context"``, loaded
    once a process."""
    return Trees((MODELS / f"{kind}.txt").read_text(encoding="utf-8"))


def probabilities(rows, kind: str, model=None) -> list[float]:
    """The body probability of each row, of a list of rows or an array (``model``: anything with
    LightGBM's ``predict``, e.g. a Booster being trained, instead of the shipped model)."""
    if len(rows) == 0:
        return []
    return [float(p) for p in (model or booster(kind)).predict(rows)]


def block_probabilities(rows: list[list[float]], model=None, context_model=None) -> list[float]:
    """The body probability of each page block: the block model's, then the context model's on
    them (``model``, ``context_model``: models being trained instead of the shipped ones); a
    block the block model is sure of (:data:`SURE`) keeps its first probability."""
    return _two_looks(rows, "html", model, context_model)


#: A dump of fewer lines than this keeps the text model's probabilities: a line with its five
#: neighbours on each side (:data:`~normalize.boilerplate.context.LINE_NEIGHBOURS`) is the least
#: context the line context model reads (38 of the 3,059 training dumps are shorter; on a
#: three-line dump it called a lone "Title 1" body).
CONTEXT_LINES = 2 * max(LINE_NEIGHBOURS) + 1


def line_probabilities(rows: list[list[float]], model=None, context_model=None) -> list[float]:
    """The body probability of each dump line: the text model's, then the line context model's
    on them, as :func:`block_probabilities` does for page blocks (a dump of under
    :data:`CONTEXT_LINES` lines: the text model's alone)."""
    if len(rows) < CONTEXT_LINES:
        return probabilities(rows, "text", model)
    return _two_looks(rows, "text", model, context_model)


#: Per first model, the function giving its rows' probabilities after the second look.
TWO_LOOKS = {"html": block_probabilities, "text": line_probabilities}


def _two_looks(rows, kind: str, model, context_model) -> list[float]:
    rows = np.asarray(rows, dtype=np.float64)  # once, for both models
    first = probabilities(rows, kind, model)
    doubted = [i for i, p in enumerate(first) if SURE <= p <= 1 - SURE]
    if not doubted:
        return first
    build, _ = CONTEXT[kind]
    second = probabilities(build(first, rows, doubted), f"{kind}_context", context_model)
    out = list(first)
    for i, p in zip(doubted, second):
        out[i] = p
    return out


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
