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
:func:`smooth`) reaches :data:`THRESHOLD`; on a web page whose blocks the model doubts (a
listing, a grid of products) the threshold is lower, where the page's expected F1 is highest
(:func:`f1_threshold`, :data:`PAGE_FLOOR`).
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
#: Page blocks: a page's threshold goes down to its expected-F1 one (:func:`f1_threshold`) where
#: that is lower, but not under this floor (a page of doubtful blocks would otherwise take in
#: blocks the model all but rejects). By-site held-out probabilities of all 3,059 pages (7205e69),
#: floors 0 / 0.2 / 0.25 / 0.3: WCXB word F1 0.869 / 0.870 / 0.869 / 0.869 (0.4 alone: 0.863),
#: its products 0.636 / 0.661 / 0.660 / 0.658 (0.647), listings 0.716 / 0.712 / 0.706 / 0.706
#: (0.672), the article benchmark 0.970 and the wceb macro 0.900 at each (0.970, 0.901). Letting
#: the page's threshold rise above 0.4 too (a page the model is sure of) gave WCXB 0.871 and the
#: article benchmark 0.972, but dropped a product's specification table (cells at 0.43-0.46
#: beside a sure description, tests/test_main_content.py): not kept. Dump lines, smoothed by
#: their neighbours, keep their fixed threshold.
PAGE_FLOOR = {"html": 0.2}
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


def f1_threshold(probs: list[float], weights: list[float]) -> float:
    """The probability from which a page's blocks are body so that its expected F1 is highest,
    each block weighing ``weights`` (its words): taking the blocks from the likeliest down,
    expected F1 ~ 2 * (expected body weight taken) / (weight taken + expected body weight of the
    page); the best is reached where the next block's probability falls under half that F1
    (Lipton, Elkan and Narayanaswamy 2014, "Optimal thresholding of classifiers to maximize F1
    measure"). A page the model is sure of gets a high threshold, a page of doubtful blocks (a
    listing, a grid of products) a low one. 1.0 where no block is likely body.

    >>> f1_threshold([0.9, 0.8, 0.3, 0.1], [50, 40, 10, 30])  # an article: its sure blocks
    0.8
    >>> f1_threshold([0.45, 0.35, 0.3, 0.05], [100, 100, 100, 100])  # a listing's doubtful items
    0.3
    """
    expected = sum(w * p for w, p in zip(weights, probs))
    best, threshold = 0.0, 1.0
    taken = taken_body = 0.0
    for p, w in sorted(zip(probs, weights), key=lambda pair: -pair[0]):
        taken += w
        taken_body += w * p
        f1 = 2 * taken_body / (taken + expected) if expected else 0.0
        if f1 > best:
            best, threshold = f1, p
    return threshold


def is_body(rows: list[list[float]], kind: str, model=None, probs: list[float] | None = None,
            transparent: list[bool] | None = None, weights: list[float] | None = None) -> list[bool]:
    """Whether each row is body (``probs``: the model's probabilities, already computed): from
    :data:`THRESHOLD` on, or, for a model of :data:`PAGE_FLOOR`, from the page's expected-F1
    threshold where lower (:func:`f1_threshold`; ``weights``: each block's words, needed then)."""
    probs = probabilities(rows, kind, model) if probs is None else probs
    smoothed = smooth(probs, NEIGHBOUR_WEIGHT[kind], transparent)
    threshold = THRESHOLD[kind]
    if kind in PAGE_FLOOR:
        if weights is None:
            raise ValueError(f"is_body: the {kind} model's threshold depends on the page: give its blocks' weights")
        threshold = min(threshold, max(PAGE_FLOOR[kind], f1_threshold(smoothed, weights)))
    return [p >= threshold for p in smoothed]
