"""The corpus view's charts: Vega-Lite specifications, drawn in the page by Vega-Embed, Vega-Lite
and Vega as bundled by vl-convert (the Vega project's own converter, offline), inlined once per
page (~0.9 MB; no request leaves the page).

>>> spec = bar_chart([("ru", 3), ("en", 1)], "documents")
>>> spec["mark"] if "mark" in spec else [layer["mark"]["type"] for layer in spec["layer"]]
['bar', 'text']
>>> [v["key"] for v in spec["data"]["values"]], [v["share"] for v in spec["data"]["values"]]
(['ru', 'en'], ['75.0%', '25.0%'])
"""

from __future__ import annotations

from collections.abc import Sequence
import os
from functools import lru_cache
from importlib.metadata import version
from typing import Any

import vl_convert

from ..cache_dir import cache_dir

#: Bars per chart; the rest are summed into one "(N more)" bar (the table beside has them all).
MAX_BARS = 20
#: Pixels per bar (charts are as wide as their card), and right of the plot for the longest
#: bar's number ("200,000" in 10 px type).
BAR_STEP = 18
LABEL_ROOM = 48
#: Colours of languages, in order of how many segments a language has: Tableau 10, then ten
#: more distinct hues; later languages share NEUTRAL (the legend lists them all).
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#393b79", "#637939"]
NEUTRAL = "#8d8d8d"
#: What the bundle ends with (the snippet it is made with assigns the global).
BUNDLE_END = "window.vegaEmbed="
#: Bar colour of charts that are not about languages.
BAR_COLOUR = "#4e79a7"


def language_colours(counts: Sequence[tuple[str, int]]) -> dict[str, str]:
    """A colour for each language, most frequent first; ``und`` (unknown) is always neutral.

    >>> language_colours([("ru", 9), ("und", 5), ("en", 2)])
    {'ru': '#4e79a7', 'und': '#8d8d8d', 'en': '#f28e2b'}
    """
    colours, known = {}, [lang for lang, _ in counts if lang != "und"]
    for lang, _ in counts:
        rank = known.index(lang) if lang in known else len(PALETTE)
        colours[lang] = PALETTE[rank] if rank < len(PALETTE) else NEUTRAL
    return colours


def bar_chart(rows: Sequence[tuple[str, int]], unit: str, colours: dict[str, str] | None = None) -> dict[str, Any]:
    """A horizontal bar chart (Vega-Lite) of (label, number) rows, largest first, each bar
    labelled with its number and share; ``colours`` colours bars by label (languages)."""
    rows = sorted(rows, key=lambda row: (-row[1], row[0]))
    if len(rows) > MAX_BARS:
        rest = rows[MAX_BARS - 1:]
        rows = rows[:MAX_BARS - 1] + [(f"({len(rest)} more)", sum(n for _, n in rest))]
    total = sum(n for _, n in rows) or 1
    values = [{"key": key, "n": n, "share": f"{100 * n / total:.1f}%"} for key, n in rows]
    order = [key for key, _ in rows]
    colour: dict[str, Any] = {"value": BAR_COLOUR}
    if colours is not None:
        colour = {"field": "key", "type": "nominal", "legend": None,
                  "scale": {"domain": order, "range": [colours.get(key, NEUTRAL) for key in order]}}
    y = {"field": "key", "type": "nominal", "sort": order, "title": None, "axis": {"labelLimit": 160}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container", "height": {"step": BAR_STEP}, "background": None,
        "padding": {"left": 5, "top": 5, "bottom": 5, "right": LABEL_ROOM},
        "data": {"values": values},
        "encoding": {
            "y": y,
            "x": {"field": "n", "type": "quantitative", "title": unit, "axis": {"format": "~s", "tickMinStep": 1, "tickCount": 5}},
            "tooltip": [{"field": "key", "title": "value"}, {"field": "n", "title": unit, "format": ","},
                        {"field": "share", "title": "share"}],
        },
        "layer": [
            {"mark": {"type": "bar"}, "encoding": {"color": colour}},
            {"mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
             "encoding": {"text": {"field": "n", "type": "quantitative", "format": ","}}},
        ],
        "config": {"view": {"stroke": None}, "font": "sans-serif"},
    }


@lru_cache(maxsize=1)
def vega_runtime() -> str:
    """Vega-Embed with Vega-Lite and Vega, bundled by vl-convert with all their dependencies,
    safe inside a <script> element; it defines ``window.vegaEmbed``.

    Bundling starts vl-convert's JavaScript engine (~2 s, ~100 MB), so the bundle is kept in the
    cache directory, one file per vl-convert version; it is rebuilt when missing or unreadable."""
    path = cache_dir() / "report" / f"vega-embed-{version('vl-convert-python')}.js"
    try:
        cached = path.read_text(encoding="utf-8")
        if BUNDLE_END in cached[-200:]:  # complete (files are replaced whole; this guards edits)
            return cached
    except (OSError, UnicodeDecodeError):
        pass
    bundle = vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;").replace("</script", "<\\/script")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_text(bundle, encoding="utf-8")
        os.replace(partial, path)  # whole or not at all, whichever process gets there first
    except OSError:
        pass  # a read-only cache: bundle again next time
    return bundle
