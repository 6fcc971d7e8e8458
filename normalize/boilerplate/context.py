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

>>> from normalize.structure.features import BLOCK_FEATURES
>>> rows = [[0.0] * len(BLOCK_FEATURES) for _ in range(3)]  # three one-word blocks of one container
>>> row = context_rows([0.9, 0.5, 0.1], rows)[1]
>>> {name: round(x, 2) for name, x in zip(CONTEXT_FEATURES, row) if name in ("p", "parent_mean", "page_body_share", "p@-1")}
{'p': 0.5, 'parent_mean': 0.5, 'page_body_share': 0.67, 'p@-1': 0.9}
"""

from __future__ import annotations

import math
from collections import defaultdict

from ..structure.features import BLOCK_FEATURES

_WORDS = BLOCK_FEATURES.index("log_words")
_PARENT = [BLOCK_FEATURES.index(f"parent_{name}") for name in ("blocks", "words", "share", "links", "prose", "rank")]
_GRAND = [BLOCK_FEATURES.index(f"grand_{name}") for name in ("blocks", "words", "share", "links", "prose", "rank")]
_ROOT = BLOCK_FEATURES.index("in_text_root")
#: The neighbours whose first probability a block sees, by offset.
NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
#: The first model's body probability from which a block counts as body in ``page_body_share``.
BODY = 0.5
CONTEXT_FEATURES = (
    ["p", "parent_mean", "grand_mean", "root_mean", "page_mean", "page_max", "page_weighted", "page_body_share",
     "of_best", "run_max"]
    + [f"p@{d}" for d in NEIGHBOURS]
)


def _means(keys: list, probs: list[float], weights: list[float]) -> list[float]:
    """Each block's group mean of ``probs``, weighted by its words, its group given by ``keys``."""
    total: dict = defaultdict(float)
    weight: dict = defaultdict(float)
    for key, p, w in zip(keys, probs, weights):
        total[key] += p * w
        weight[key] += w
    return [total[key] / weight[key] for key in keys]


def context_rows(probs: list[float], rows: list[list[float]], only: list[int] | None = None) -> list[list[float]]:
    """A row of :data:`CONTEXT_FEATURES` followed by the block's own
    :data:`~normalize.structure.features.BLOCK_FEATURES` for each block of a page (of the blocks
    ``only`` names, in its order), from the first model's probabilities ``probs`` and the page's
    feature ``rows``."""
    n = len(probs)
    if not n:
        return []
    weights = [max(1.0, math.expm1(r[_WORDS])) for r in rows]
    parent = _means([tuple(r[i] for i in _PARENT) for r in rows], probs, weights)
    grand = _means([tuple(r[i] for i in _GRAND) for r in rows], probs, weights)
    root = _means([r[_ROOT] for r in rows], probs, weights)
    best = max(probs)
    total = sum(weights)
    page = [sum(probs) / n, best, sum(p * w for p, w in zip(probs, weights)) / total,
            sum(w for p, w in zip(probs, weights) if p >= BODY) / total]
    out = []
    for i in range(n) if only is None else only:
        p = probs[i]
        near = [probs[i + d] if 0 <= i + d < n else -1.0 for d in NEIGHBOURS]
        run = max([p, *(probs[j] for j in (i - 1, i + 1) if 0 <= j < n)])  # a card's best line around it
        out.append([p, parent[i], grand[i], root[i], *page, p / best if best else 0.0, run, *near] + rows[i])
    return out
