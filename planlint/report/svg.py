"""Charts as inline SVG strings: horizontal bars (tasks per unit) and columns (deadlines by month).

Pure functions of their data; every label is escaped. Sizes are in CSS pixels and the SVG scales
down with its container (``viewBox`` + ``max-width: 100%``), so it prints on A4 as well.
"""
from __future__ import annotations

import unicodedata
from html import escape

FONT = 12  # px, the chart text size
ROW = 22  # px per bar in a bar chart
BAR_AREA = 360  # px for the longest bar
MAX_LABEL = 240  # px; longer labels are cut with an ellipsis (the full name stays in <title>)


def text_width(text: str, size: int = FONT) -> float:
    """Rough rendered width: wide and ambiguous characters (CJK, curly quotes) take a full em."""
    return sum(size if unicodedata.east_asian_width(c) in "WFA" else size * 0.55 for c in text)


def clip(text: str, limit: float, size: int = FONT) -> str:
    if text_width(text, size) <= limit:
        return text
    out, width = "", text_width("…", size)
    for c in text:
        width += text_width(c, size)
        if width > limit:
            break
        out += c
    return out + "…"


def _svg(width: float, height: float, label: str, body: list[str]) -> str:
    w, h = round(width), round(height)
    return (f'<svg class="chart" viewBox="0 0 {w} {h}" '
            f'width="{w}" height="{h}" role="img" aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>" + "".join(body) + "</svg>")


def bar_chart(rows: list[tuple[str, int]], label: str, limit: int = 15,
              other: str = "其他 {n} 个") -> str:
    """Horizontal bars, largest first; rows beyond ``limit`` fold into one grey "other" bar.

    The "other" bar is a total over many units, so it does not set the scale (it is capped at
    the full width instead), or it would flatten every named bar.
    """
    rows = [(name, value, "") for name, value in rows]
    if len(rows) > limit:
        rest = rows[limit - 1:]
        rows = rows[:limit - 1] + [(other.format(n=len(rest)), sum(v for _, v, _ in rest),
                                    "other")]
    peak = max((v for _, v, css in rows if not css), default=0) or 1
    label_w = min(MAX_LABEL, max((text_width(n) for n, _, _ in rows), default=0)) + 8
    body = []
    for i, (name, value, css) in enumerate(rows):
        y = i * ROW + 4
        bar = max(2.0, min(BAR_AREA, BAR_AREA * value / peak))
        shown = escape(clip(name, MAX_LABEL))
        body.append(
            f'<g class="bar {css}"><title>{escape(name)}：{value}</title>'
            f'<text x="{label_w - 8:.0f}" y="{y + 14}" text-anchor="end">{shown}</text>'
            f'<rect x="{label_w:.0f}" y="{y + 2}" width="{bar:.1f}" height="{ROW - 6}" rx="2"/>'
            f'<text class="value" x="{label_w + bar + 4:.1f}" y="{y + 14}">{value}</text></g>')
    return _svg(label_w + BAR_AREA + 40, len(rows) * ROW + 8, label, body)


def column_chart(columns: list[tuple[str, int, str]], label: str, height: int = 160) -> str:
    """Vertical columns ``(label, value, css class)``; a class of ``gap`` leaves a space instead."""
    widest = max((text_width(n) for n, _, c in columns if c != "gap"), default=0)
    col_w, pad_top, pad_bottom = max(34, round(widest) + 8), 18, 24
    peak = max((v for _, v, c in columns if c != "gap"), default=0) or 1
    body = [f'<line class="axis" x1="0" y1="{pad_top + height}" '
            f'x2="{len(columns) * col_w}" y2="{pad_top + height}"/>']
    for i, (name, value, css) in enumerate(columns):
        if css == "gap":
            continue
        x = i * col_w
        h = height * value / peak
        y = pad_top + height - h
        body.append(
            f'<g class="col {escape(css)}"><title>{escape(name)}：{value}</title>'
            f'<rect x="{x + 5}" y="{y:.1f}" width="{col_w - 10}" height="{h:.1f}" rx="2"/>'
            + (f'<text class="value" x="{x + col_w / 2:.0f}" y="{y - 4:.1f}" '
               f'text-anchor="middle">{value}</text>' if value else "") +
            f'<text x="{x + col_w / 2:.0f}" y="{pad_top + height + 16}" '
            f'text-anchor="middle">{escape(name)}</text></g>')
    return _svg(len(columns) * col_w, pad_top + height + pad_bottom, label, body)
