"""The dashboard's charts as inline SVG strings, drawn with matplotlib (optional extra ``dashboard``).

Text stays text in the SVG (``svg.fonttype: none``) so the browser draws the Chinese labels with
its own fonts; matplotlib only needs a CJK font to measure them (any Noto/Source Han/WenQuanYi
font installed is used; without one the layout is approximate, never missing). Output is
deterministic: fixed id salt, no date in the metadata.
"""
from __future__ import annotations

import io
import warnings

from ..extras import missing

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "PingFang SC", "Noto Sans SC", "Droid Sans Fallback")
CELL_COLOURS = {"p": "#63be7b", "h": "#ffd966", "f": "#f8696b", "s": "#eeeeee", "w": "#b4a7d6", "e": "#c27ba0",
                "": "#ffffff"}
LEVEL_COLOURS = ("#4472c4", "#ed7d31", "#70ad47", "#a5a5a5")


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise missing("dashboard", "写出总览页") from None
    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "auditor", "font.size": 10,
                         "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"], "axes.spines.top": False,
                         "axes.spines.right": False, "axes.unicode_minus": False})
    return plt


def _svg(fig) -> str:
    plt = _pyplot()
    out = io.StringIO()
    with warnings.catch_warnings():   # "Glyph … missing from font": only the measurement is approximate
        warnings.simplefilter("ignore")
        fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    text = out.getvalue()
    return text[text.index("<svg"):]


def heatmap(items: list[str], columns: list[str], cells: list[str]) -> str:
    """Coverage heatmap: one row per checklist item, one column per report; ``cells[c]`` is report
    ``c``'s status letters (records.STATUS_CODES) in item order."""
    plt = _pyplot()
    from matplotlib.colors import ListedColormap

    codes = list(CELL_COLOURS)
    grid = [[codes.index(col[i] if i < len(col) else "") for col in cells] for i in range(len(items))]
    width = min(22, 4.5 + 0.22 * len(columns))
    fig, ax = plt.subplots(figsize=(width, 0.19 * len(items) + 1.8))
    ax.imshow(grid, aspect="auto", interpolation="nearest", cmap=ListedColormap(list(CELL_COLOURS.values())),
              vmin=0, vmax=len(codes) - 1)
    ax.set_yticks(range(len(items)), [_short(t, 22) for t in items], fontsize=8)
    if len(columns) <= 80:
        ax.xaxis.tick_top()   # report names above the columns, where the eye starts
        ax.set_xticks(range(len(columns)), [_short(c, 12) for c in columns], rotation=90, fontsize=8)
    else:
        ax.set_xticks([])
        ax.set_xlabel(f"{len(columns)} 份报告（按输入顺序）")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return _svg(fig)


def missed_bars(items: list[tuple[str, int, int, int]], total: int) -> str:
    """Horizontal bars, one per ``(label, missing, partial, applicable)``, in the given order (top
    down), on a scale of ``total`` reports: a grey bar for the reports the item applies to, red and
    yellow segments for those missing it or part of it, and "n/N 份适用的报告" beside each."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(items) + 0.9))
    ys = range(len(items))
    ax.barh(ys, [n for *_, n in items], color=CELL_COLOURS["s"], label="适用的报告")
    ax.barh(ys, [f for _, f, _, _ in items], color=CELL_COLOURS["f"], label="缺失")
    ax.barh(ys, [h for _, _, h, _ in items], left=[f for _, f, _, _ in items], color=CELL_COLOURS["h"],
            label="部分缺失")
    ax.set_yticks(ys, [_short(label, 26) for label, *_ in items])
    ax.invert_yaxis()
    ax.set_xlim(0, total * 1.45)   # room for the n/N label right of a full-width bar
    ax.set_xticks(range(total + 1) if total <= 12 else ax.get_xticks()[ax.get_xticks() <= total])
    ax.set_xlabel("报告数")
    for y, (_, f, h, n) in enumerate(items):
        ax.text(n + total * 0.02, y, f"{f + h}/{n} 份适用的报告" + (f"（部分 {h}）" if h else ""), va="center",
                fontsize=8)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45 / (0.32 * len(items) + 0.9) - 0.08), ncol=3,
              fontsize=8, frameon=False)   # under the axis label, clear of the bars and their n/N
    return _svg(fig)


def scores_by_level_and_year(series: dict[str, dict[int, list[float]]]) -> str:
    """Median score per year, one line per level (points sized by the number of reports)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 3.4))
    years = sorted({y for by_year in series.values() for y in by_year})
    for n, (level, by_year) in enumerate(series.items()):
        xs = [y for y in years if by_year.get(y)]
        medians = [_median(by_year[y]) for y in xs]
        ax.plot(xs, medians, marker="o", color=LEVEL_COLOURS[n % len(LEVEL_COLOURS)], label=level)
        for x, m in zip(xs, medians):
            ax.annotate(f"{m:g}（{len(by_year[x])}份）", (x, m), textcoords="offset points",
                        xytext=(4, 4 + 9 * n), fontsize=7, color=LEVEL_COLOURS[n % len(LEVEL_COLOURS)])
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylim(0, 100)
    ax.set_xlabel("报告年度")
    ax.set_ylabel("得分中位数")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.grid(axis="y", color="#dddddd")
    return _svg(fig)


def _median(values: list[float]) -> float:
    import statistics
    return round(statistics.median(values), 1)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
