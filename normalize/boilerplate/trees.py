"""A LightGBM binary model read from LightGBM's own text format and evaluated with numpy.

Importing LightGBM takes 0.7 s (it pulls pandas and scipy); reading its saved text model and
walking the trees level by level over all rows at once takes a few milliseconds a page, so the
package needs LightGBM only to train (``scripts/train_boilerplate.py``). Splits follow LightGBM's
rules: numerical ``x <= threshold`` goes left, a category goes left when its bit is set, and a
missing value (NaN, or zero where the tree says so) takes the split's default side.
tests/test_trees.py checks the probabilities against LightGBM's own.

>>> text = '''tree
... version=v4
... objective=binary sigmoid:1
... max_feature_idx=1
...
... Tree=0
... num_leaves=2
... num_cat=0
... split_feature=1
... threshold=0.5
... decision_type=2
... left_child=-1
... right_child=-2
... leaf_value=-1 1
...
... end of trees
... '''
>>> Trees(text).predict([[0.0, 0.0], [0.0, 1.0]]).round(3).tolist()
[0.269, 0.731]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_ZERO = 1e-35  # LightGBM's kZeroThreshold
#: The (row, tree) pairs at their leaves leave the walk every this many levels (a leaf is its own
#: child, so staying costs nothing but time): every 1, 2, 3 and 4 levels, and never, were timed on
#: the 90 dev article pages' blocks; 3 was the fastest. Timed again once the walk gathered with
#: take() (the 437 pages of bench_extract.py --speed-only, both models): 1 / 2 / 3 / 4 levels gave
#: 3.0-3.3 / 2.9 / 2.8-2.9 / 3.0 ms a page.
COMPACT_STEPS = 3


def _array(fields: dict[str, str], key: str, dtype) -> np.ndarray:
    value = fields.get(key, "")
    return np.array(value.split(), dtype=dtype) if value else np.array([], dtype=dtype)


def _depths(left: np.ndarray, right: np.ndarray, leaf: np.ndarray, roots: np.ndarray) -> np.ndarray:
    """Each node's depth in its tree (a root is at 0, LightGBM's trees are far shallower than
    127), found level by level from the roots."""
    depth = np.zeros(len(left), dtype=np.int8)  # small ints: a stable argsort of them is a radix sort
    level, d = roots, 0
    while len(level):
        depth[level] = d
        level = level[~leaf[level]]
        level, d = np.concatenate([left[level], right[level]]), d + 1
    return depth


class Trees:
    """The trees of a binary LightGBM model (``model_to_string()`` / a saved ``.txt`` file), all
    in flat arrays: a node is a row of (feature, threshold, kind, left, right) where children
    index the same arrays and leaves are nodes of their own, so that every row walks every tree
    at once, one level a step."""

    def __init__(self, text: str) -> None:
        self.sigmoid = 1.0
        header, _, body = text.partition("\nTree=")
        for line in header.splitlines():
            if line.startswith("objective="):
                parts = line.split()
                if parts[0] != "objective=binary":
                    raise ValueError(f"not a binary model: {line}")
                self.sigmoid = next((float(p.split(":")[1]) for p in parts[1:] if p.startswith("sigmoid:")), 1.0)
        features, thresholds, kinds, lefts, rights, values, roots = [], [], [], [], [], [], []
        cat_sets: list[list[int]] = []
        size = 0
        for chunk in ("Tree=" + body).split("\nTree=") if body else []:
            chunk = chunk.split("\nend of trees")[0]
            fields = dict(line.split("=", 1) for line in chunk.splitlines() if "=" in line)
            leaf = _array(fields, "leaf_value", np.float64)
            feature = _array(fields, "split_feature", np.int64)
            n_split = len(feature)
            roots.append(size)
            decision = _array(fields, "decision_type", np.int64)
            threshold = _array(fields, "threshold", np.float64)
            categorical = (decision & 1).astype(bool)
            boundaries = _array(fields, "cat_boundaries", np.int64).tolist()
            words = _array(fields, "cat_threshold", np.int64).tolist()
            base = len(cat_sets)
            cat_sets += [[32 * i + bit for i, word in enumerate(words[a:b]) for bit in range(32) if word >> bit & 1]
                         for a, b in zip(boundaries, boundaries[1:])]
            threshold = np.where(categorical, threshold + base, threshold)

            def child(c: np.ndarray) -> np.ndarray:  # a leaf ~k sits after the tree's splits
                return np.where(c >= 0, c, n_split + ~c) + size

            features.append(feature)
            thresholds.append(threshold)
            # kind: bit 0 categorical, bit 1 default left, bits 2-3 missing type; 4 marks a leaf
            kinds.append(decision)
            lefts.append(child(_array(fields, "left_child", np.int64)))
            rights.append(child(_array(fields, "right_child", np.int64)))
            values.append(np.zeros(n_split))
            n_leaf = len(leaf)
            features.append(np.zeros(n_leaf, dtype=np.int64))
            thresholds.append(np.zeros(n_leaf))
            kinds.append(np.full(n_leaf, 16, dtype=np.int64))
            leaves = np.arange(size + n_split, size + n_split + n_leaf)
            lefts.append(leaves)
            rights.append(leaves)
            values.append(leaf)
            size += n_split + n_leaf
        cat = lambda parts, dtype: np.concatenate(parts).astype(dtype) if parts else np.array([], dtype=dtype)  # noqa: E731
        self.feature, self.threshold = cat(features, np.int64), cat(thresholds, np.float64)
        kind = cat(kinds, np.int64)
        self.leaf_node = kind == 16
        self.categorical = (kind & 1).astype(bool) & ~self.leaf_node
        self.default_left = (kind >> 1 & 1).astype(bool)
        self.missing = np.where(self.leaf_node, 0, kind >> 2 & 3)
        self.left, self.right, self.value = cat(lefts, np.int64), cat(rights, np.int64), cat(values, np.float64)
        self.roots = np.array(roots, dtype=np.int64)
        width = max((max(s) + 1 for s in cat_sets if s), default=1)
        self.cat_table = np.zeros((max(1, len(cat_sets)), width + 1), dtype=bool)  # last column: out of range
        for i, allowed in enumerate(cat_sets):
            self.cat_table[i, allowed] = True
        self.children = np.stack([self.right, self.left], axis=1).ravel()  # [2 * node + goes left]
        self.depth = _depths(self.left, self.right, self.leaf_node, self.roots)
        self.max_depth = int(self.depth.max(initial=0))
        # the splits that decide by more than `value <= threshold`: categorical ones; zero-missing
        # ones always; on rows with a NaN every numerical split (LightGBM reads a NaN as 0.0 where
        # NaN is not the split's missing value)
        numerical = ~self.leaf_node & ~self.categorical
        self.zero_missing_nodes = np.flatnonzero(numerical & (self.missing == 1))
        self.numerical_nodes = np.flatnonzero(numerical)
        # categorical splits grouped by the feature they read (stable: in node order within one)
        nodes = np.flatnonzero(self.categorical)
        self.categorical_nodes = nodes[np.argsort(self.feature[nodes], kind="stable")]
        # per feature a categorical split reads: whether each category goes left at each of its
        # splits, a row per category (the last: out of range), a column per split
        self.cat_by_feature: list[tuple[int, np.ndarray]] = []
        read = self.feature[self.categorical_nodes]
        for f in np.unique(read):
            sets = self.threshold[self.categorical_nodes[read == f]].astype(np.int64)  # the splits' rows of the table
            self.cat_by_feature.append((int(f), self.cat_table[sets].T.copy()))
        self._columns: dict[tuple[int, bool], tuple[np.ndarray, np.ndarray]] = {}

    def raw(self, rows) -> np.ndarray:
        """The sum of the trees' leaf values for each row, added one tree after the other in the
        model's order from 0.0, as LightGBM adds them (float sums depend on their order)."""
        x = np.asarray(rows, dtype=np.float64).reshape(len(rows), -1)
        if not len(x) or not len(self.roots):
            return np.zeros(len(x))
        return np.add.accumulate(self.value.take(self._leaves(x)), axis=1)[:, -1]

    def _leaves(self, x: np.ndarray) -> np.ndarray:
        """The leaf each row reaches in each tree, (rows, trees). Every (row, tree) pair walks
        down together, one level a step; a leaf is its own child, so a pair at its leaf stays
        there, and the pairs at their leaves leave the walk every :data:`COMPACT_STEPS` steps."""
        table, column, threshold = self._decision_table(x)
        n_rows, width = table.shape
        n_trees = len(self.roots)
        leaf = np.empty(n_rows * n_trees, dtype=np.int64)
        pair = np.arange(len(leaf))
        node = np.tile(self.roots, n_rows)
        start = np.repeat(np.arange(n_rows) * width, n_trees)  # where the pair's row starts in the table
        flat = table.ravel()
        children = self.children
        for step in range(1, self.max_depth + 1):
            # take(), not [], is numpy's faster gather along one axis
            node = children.take(2 * node + (flat.take(start + column.take(node)) <= threshold.take(node)))
            if step % COMPACT_STEPS == 0:
                done = self.leaf_node.take(node)
                finished = np.flatnonzero(done)
                leaf[pair.take(finished)] = node.take(finished)
                going = np.flatnonzero(~done)
                pair, node, start = pair.take(going), node.take(going), start.take(going)
        leaf[pair] = node
        return leaf.reshape(n_rows, n_trees)

    def _decision_table(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """What the walk compares: a row goes left at a node when ``table[row, column[node]] <=
        threshold[node]``. Most splits read the row's feature against their threshold; the others
        (a category set, a default side for missing values, and on rows holding a NaN every
        numerical split) are decided here, a column each after the features, holding 1.0 where
        the row goes right (threshold 0.5)."""
        has_nan = bool(np.isnan(x).any())
        missing = self.numerical_nodes if has_nan else self.zero_missing_nodes
        right = ~np.hstack([self._category_left(x), self._missing_left(missing, x)])
        key = (x.shape[1], has_nan)
        if key not in self._columns:  # the same for every page
            own = np.concatenate([self.categorical_nodes, missing])
            column = self.feature.copy()
            column[own] = x.shape[1] + np.arange(len(own))
            threshold = self.threshold.copy()
            threshold[own] = 0.5
            self._columns[key] = column, threshold
        return (np.hstack([x, right]), *self._columns[key])

    def _category_left(self, x: np.ndarray) -> np.ndarray:
        """(rows, categorical splits): whether each categorical split sends the row left (its
        category is in the split's set; NaN, negative and unseen values are in none)."""
        if not self.cat_by_feature:
            return np.zeros((len(x), 0), dtype=bool)
        width = self.cat_table.shape[1] - 1
        parts = []
        for feature, lefts in self.cat_by_feature:
            value = x[:, feature]
            category = np.where(np.isnan(value) | (value < 0) | (value >= width), width, np.trunc(np.nan_to_num(value)))
            parts.append(lefts.take(category.astype(np.int64), axis=0))  # a whole row of splits a category
        return np.hstack(parts)

    def _missing_left(self, nodes: np.ndarray, x: np.ndarray) -> np.ndarray:
        """(rows, nodes): whether each numerical split sends the row left, as LightGBM's
        ``NumericalDecision``: a NaN is 0.0 unless NaN is the split's missing value; a missing
        value (NaN, or a zero where the tree says so) takes the split's default side."""
        value = x[:, self.feature[nodes]]
        missing = self.missing[nodes]
        nan = np.isnan(value)
        value = np.where(nan & (missing != 2), 0.0, value)
        default = (missing == 2) & nan | (missing == 1) & (np.abs(value) <= _ZERO)
        return np.where(default, self.default_left[nodes], value <= self.threshold[nodes])

    def predict(self, rows) -> np.ndarray:
        """The probability of the positive class for each row."""
        return 1.0 / (1.0 + np.exp(-self.sigmoid * self.raw(rows)))
