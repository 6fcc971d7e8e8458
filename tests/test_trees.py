"""The numpy tree walker (normalize.boilerplate.trees) against LightGBM itself, on a model trained
here with every kind of split it reads: numerical, categorical, NaN missing and zero missing."""

import numpy as np
import pytest

from normalize.boilerplate.model import booster
from normalize.boilerplate.trees import Trees

lgb = pytest.importorskip("lightgbm")


def _data(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(size=(n, 5))
    x[:, 3] = rng.integers(0, 12, size=n)  # a category
    x[rng.random(n) < 0.15, 1] = np.nan  # missing values
    x[rng.random(n) < 0.3, 2] = 0.0  # zeros, which LightGBM may read as missing
    y = (np.nan_to_num(x[:, 0]) + (x[:, 3] % 3 == 0) - 0.5 * x[:, 2] + rng.normal(scale=0.5, size=n) > 0.5)
    return x, y.astype(int)


@pytest.mark.parametrize("zero_as_missing", [False, True])
def test_probabilities_are_lightgbms_own(zero_as_missing):
    rng = np.random.default_rng(7)
    x, y = _data(2000, rng)
    params = {"objective": "binary", "num_leaves": 15, "min_data_in_leaf": 5, "verbose": -1, "seed": 1,
              "deterministic": True, "num_threads": 1, "zero_as_missing": zero_as_missing, "cat_smooth": 1,
              "min_data_per_group": 5}
    model = lgb.train(params, lgb.Dataset(x, y, categorical_feature=[3]), num_boost_round=40)
    test, _ = _data(500, rng)
    test[:5, 3] = [-1, 40, np.nan, 2.7, 11]  # a negative, an unseen and a missing category, a fraction
    ours = Trees(model.model_to_string()).predict(test)
    theirs = model.predict(test)
    assert np.abs(ours - theirs).max() < 1e-12
    assert ((ours >= 0.5) == (theirs >= 0.5)).all()


def test_a_shipped_model_loads_and_judges_rows_of_its_width():
    trees = booster("html")
    rows = np.zeros((3, int(trees.feature.max()) + 1))
    probs = trees.predict(rows)
    assert probs.shape == (3,) and ((0 < probs) & (probs < 1)).all() and len(set(probs.round(12))) == 1


def test_a_page_without_blocks_gets_no_rows_and_no_probabilities():
    from normalize.boilerplate.context import CONTEXT_FEATURES, context_rows
    from normalize.boilerplate.model import block_probabilities
    from normalize.structure.features import BLOCK_FEATURES

    assert context_rows([], []).shape == (0, len(CONTEXT_FEATURES) + len(BLOCK_FEATURES))
    assert block_probabilities([]) == []
