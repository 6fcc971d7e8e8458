"""A second look at each page block: its body probability beside its containers', its
neighbours' and the whole page's.

The block model (:mod:`normalize.boilerplate.model`, ``models/html.txt``) judges a block by what
it and its surroundings look like. On a listing, a collection or a product page the items are
the content, and the model doubts them one by one (a product card's title, price and rank each
look like chrome); what gives them away is that their whole container, the run around them and
the page as a rule score alike. The context model (``models/html_context.txt``) reads the first
model's probabilities, summarised over those groups, with the block's own features.

A container is recognised by its features: every block of a container (and of the container
above it) carries the same container statistics
(:func:`~normalize.structure.features.block_features`), so the rows alone say which blocks share
one, and the model needs nothing but the rows.

A text dump has no containers: a dump line's second look (``models/text_context.txt``,
:func:`line_context_rows`) reads its first probability beside its five neighbours' on each side,
the mean over the ten lines around it, the best line before and after it, and the page's mean,
best and body share, with the line's own features.

>>> from normalize.structure.features import BLOCK_FEATURES
>>> rows = [[0.0] * len(BLOCK_FEATURES) for _ in range(3)]  # three one-word blocks of one container
>>> row = context_rows([0.9, 0.5, 0.1], rows)[1]
>>> {name: round(float(x), 2) for name, x in zip(CONTEXT_FEATURES, row) if name in ("p", "parent_mean", "page_body_share", "p@-1")}
{'p': 0.5, 'parent_mean': 0.5, 'page_body_share': 0.67, 'p@-1': 0.9}
"""

from __future__ import annotations

import math

import numpy as np

from ..structure.features import BLOCK_FEATURES, LINE_FEATURES

_WORDS = BLOCK_FEATURES.index("log_words")
_PARENT = [BLOCK_FEATURES.index(f"parent_{name}") for name in ("blocks", "words", "share", "links", "prose", "rank")]
_GRAND = [BLOCK_FEATURES.index(f"grand_{name}") for name in ("blocks", "words", "share", "links", "prose", "rank")]
_ROOT = BLOCK_FEATURES.index("in_text_root")
#: The neighbours whose first probability a block sees, by offset.
NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
#: The first model's body probability from which a block counts as body in ``page_body_share``.
BODY = 0.5
#: (The dump lines' window, best-before and best-after columns, added here too, moved the nested
#: by-site CV by noise only: WCXB 0.856 -> 0.857, the article benchmark 0.965 either way, the wceb
#: macro 0.909 either way; not kept.)
CONTEXT_FEATURES = (
    ["p", "parent_mean", "grand_mean", "root_mean", "page_mean", "page_max", "page_weighted", "page_body_share",
     "of_best", "run_max"]
    + [f"p@{d}" for d in NEIGHBOURS]
)


def _means(keys: np.ndarray, probs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each block's group mean of ``probs``, weighted by its words, its group the blocks with the
    same row of ``keys``."""
    keys = np.ascontiguousarray(keys) + 0.0  # -0.0 is 0.0
    # a row's bytes as one value: numpy's unique of 1-D values is faster than of rows (axis=0)
    _, group = np.unique(keys.view(np.dtype((np.void, keys.itemsize * keys.shape[1]))).ravel(), return_inverse=True)
    # bincount adds in the blocks' order, one after the other
    return (np.bincount(group, probs * weights) / np.bincount(group, weights))[group]


def _neighbours(p: np.ndarray, chosen: np.ndarray, offsets: tuple[int, ...]) -> np.ndarray:
    """(chosen, offsets): the probability of each chosen item's neighbour at each offset; -1 off
    the page."""
    reach = max(map(abs, offsets))
    padded = np.concatenate([np.full(reach, -1.0), p, np.full(reach, -1.0)])
    return padded[(chosen + reach)[:, None] + np.array(offsets)]


def context_rows(probs: list[float], rows, only: list[int] | None = None) -> np.ndarray:
    """A row of :data:`CONTEXT_FEATURES` followed by the block's own
    :data:`~normalize.structure.features.BLOCK_FEATURES` for each block of a page (of the blocks
    ``only`` names, in its order), from the first model's probabilities ``probs`` and the page's
    feature ``rows`` (a list of rows or an array)."""
    n = len(probs)
    if not n:
        return np.zeros((0, len(CONTEXT_FEATURES) + len(BLOCK_FEATURES)))
    x = np.asarray(rows, dtype=np.float64)
    p = np.asarray(probs, dtype=np.float64)
    # math's expm1, not numpy's: they differ in the last bit, and the models were trained on math's
    weights = np.array([max(1.0, math.expm1(w)) for w in x[:, _WORDS].tolist()])
    chosen = np.arange(n) if only is None else np.asarray(only, dtype=np.int64)
    best = max(probs)
    total = sum(weights.tolist())  # Python's sums, one after the other: the models were trained on them
    page = [sum(probs) / n, best, sum((p * weights).tolist()) / total,
            sum(weights[p >= BODY].tolist()) / total]
    near = _neighbours(p, chosen, NEIGHBOURS)
    # a card's best line around it
    run = np.maximum(p[chosen], np.maximum(near[:, NEIGHBOURS.index(-1)], near[:, NEIGHBOURS.index(1)]))
    columns = [p[chosen], _means(x[:, _PARENT], p, weights)[chosen], _means(x[:, _GRAND], p, weights)[chosen],
               _means(x[:, [_ROOT]], p, weights)[chosen]]
    columns += [np.full(len(chosen), v) for v in page]
    columns += [p[chosen] / best if best else np.zeros(len(chosen)), run]
    return np.hstack([np.stack(columns, axis=1), near, x[chosen]])


_LINE_WORDS = LINE_FEATURES.index("log_words")
#: The neighbours whose first probability a dump line sees, by offset (a dump's paragraph is one
#: line: five on each side reach past a caption or a "Read also:" box; set by hand).
LINE_NEIGHBOURS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)
#: The lines each side over which ``window`` averages the first probabilities (set by hand).
LINE_WINDOW = 10
LINE_CONTEXT_FEATURES = (
    ["p", "page_mean", "page_max", "page_weighted", "page_body_share", "of_best", "window", "best_before",
     "best_after", "log_lines"]
    + [f"p@{d}" for d in LINE_NEIGHBOURS]
)


def line_context_rows(probs: list[float], rows, only: list[int] | None = None) -> np.ndarray:
    """A row of :data:`LINE_CONTEXT_FEATURES` followed by the line's own
    :data:`~normalize.structure.features.LINE_FEATURES` for each line of a dump (of the lines
    ``only`` names, in its order), from the text model's probabilities ``probs`` and the dump's
    feature ``rows``. A neighbour off the page, and the best line before the first, are -1.

    >>> from normalize.structure.features import LINE_FEATURES
    >>> row = line_context_rows([0.9, 0.2, 0.6], [[0.0] * len(LINE_FEATURES)] * 3)[1]
    >>> {n: round(float(x), 2) for n, x in zip(LINE_CONTEXT_FEATURES, row) if n in ("p", "page_max", "window", "best_before", "best_after", "p@-1", "p@2")}
    {'p': 0.2, 'page_max': 0.9, 'window': 0.57, 'best_before': 0.9, 'best_after': 0.6, 'p@-1': 0.9, 'p@2': -1.0}
    """
    n = len(probs)
    if not n:
        return np.zeros((0, len(LINE_CONTEXT_FEATURES) + len(LINE_FEATURES)))
    x = np.asarray(rows, dtype=np.float64)
    p = np.asarray(probs, dtype=np.float64)
    chosen = np.arange(n) if only is None else np.asarray(only, dtype=np.int64)
    weights = np.maximum(1.0, np.expm1(x[:, _LINE_WORDS]))
    best = float(p.max())
    page = [float(p.mean()), best, float((p * weights).sum() / weights.sum()),
            float(weights[p >= BODY].sum() / weights.sum())]
    near = _neighbours(p, chosen, LINE_NEIGHBOURS)
    sums = np.concatenate([[0.0], np.cumsum(p)])
    low, high = np.maximum(0, chosen - LINE_WINDOW), np.minimum(n, chosen + LINE_WINDOW + 1)
    before = np.concatenate([[-1.0], np.maximum.accumulate(p)[:-1]])
    after = np.concatenate([np.maximum.accumulate(p[::-1])[::-1][1:], [-1.0]])
    columns = [p[chosen], *(np.full(len(chosen), v) for v in page),
               p[chosen] / best if best else np.zeros(len(chosen)), (sums[high] - sums[low]) / (high - low),
               before[chosen], after[chosen], np.full(len(chosen), math.log(n))]
    return np.hstack([np.stack(columns, axis=1), near, x[chosen]])


#: Per first model (``"html"``: page blocks, ``"text"``: dump lines), how its context model's
#: rows are built and the features they hold, in order.
CONTEXT = {
    "html": (context_rows, [*CONTEXT_FEATURES, *BLOCK_FEATURES]),
    "text": (line_context_rows, [*LINE_CONTEXT_FEATURES, *LINE_FEATURES]),
}
