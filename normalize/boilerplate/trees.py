"""A LightGBM binary model read from LightGBM's own text format and evaluated with numpy.

Importing LightGBM takes 0.7 s (it pulls pandas and scipy); reading its saved text model and
walking the trees level by level over all rows at once takes a few milliseconds a page, so the
package needs LightGBM only to train (``scripts/train_boilerplate.py``). Splits follow LightGBM's
rules: numerical ``x <= threshold`` goes left, a category goes left when its bit is set, and a
missing value (NaN, or zero where the tree says so) takes the split's default side.
tests/test_learned_extraction.py checks the probabilities against LightGBM's own.

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


def _array(fields: dict[str, str], key: str, dtype) -> np.ndarray:
    value = fields.get(key, "")
    return np.array(value.split(), dtype=dtype) if value else np.array([], dtype=dtype)


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

    def raw(self, rows) -> np.ndarray:
        """The sum of the trees' leaf values for each row: every (row, tree) pair walks down
        together, and a pair leaves the walk when it reaches its leaf."""
        x = np.asarray(rows, dtype=np.float64).reshape(len(rows), -1)
        total = np.zeros(len(x))
        if not len(x) or not len(self.roots):
            return total
        row = np.repeat(np.arange(len(x)), len(self.roots))
        node = np.tile(self.roots, len(x))
        width = self.cat_table.shape[1] - 1
        while len(node):
            leaf = self.leaf_node[node]
            if leaf.any():
                np.add.at(total, row[leaf], self.value[node[leaf]])
                row, node = row[~leaf], node[~leaf]
                if not len(node):
                    break
            value = x[row, self.feature[node]]
            nan = np.isnan(value)
            missing = self.missing[node]
            go_left = (value <= self.threshold[node]) & ~nan
            default = (missing == 2) & nan | (missing == 1) & (np.abs(value) <= _ZERO)
            go_left = np.where(default, self.default_left[node], go_left)
            categorical = self.categorical[node]
            if categorical.any():
                v = value[categorical]
                category = np.where(np.isnan(v) | (v < 0) | (v >= width), width, np.trunc(np.nan_to_num(v)))
                table_row = self.threshold[node[categorical]].astype(np.int64)
                go_left[categorical] = self.cat_table[table_row, category.astype(np.int64)]
            node = np.where(go_left, self.left[node], self.right[node])
        return total

    def predict(self, rows) -> np.ndarray:
        """The probability of the positive class for each row."""
        return 1.0 / (1.0 + np.exp(-self.sigmoid * self.raw(rows)))
