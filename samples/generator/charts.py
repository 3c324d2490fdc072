"""Raster charts standing in for the originals' figures (images without a text layer)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw

BLUE = (68, 114, 196)
LIGHT_BLUE = (157, 195, 230)
ORANGE = (237, 125, 49)
GREY = (165, 165, 165)
AXIS = (89, 89, 89)
GRID = (217, 217, 217)
BLACK = (0, 0, 0)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def bar_chart(
    series: Sequence[Sequence[float]],
    *,
    line: Sequence[float] | None = None,
    colors: Sequence[tuple[int, int, int]] = (BLUE, ORANGE, GREY),
    size: tuple[int, int] = (1200, 480),
    horizontal: bool = False,
) -> bytes:
    """Grouped bars (one group per index of the series) with an optional line on top, as PNG bytes."""
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 70, 30, 30, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s] + list(line or [])
    vmax = max(values) * 1.15 if values else 1.0
    for k in range(6):
        y = top + plot_h - plot_h * k / 5
        draw.line([(left, y), (left + plot_w, y)], fill=GRID, width=2)
    groups = max(len(s) for s in series)
    group_w = (plot_h if horizontal else plot_w) / groups
    bar_w = group_w * 0.7 / len(series)
    for gi in range(groups):
        for si, s in enumerate(series):
            if gi >= len(s):
                continue
            extent = s[gi] / vmax
            start = gi * group_w + group_w * 0.15 + si * bar_w
            color = colors[si % len(colors)]
            if horizontal:
                y0 = top + start
                draw.rectangle([left, y0, left + plot_w * extent, y0 + bar_w - 2], fill=color)
            else:
                x0 = left + start
                draw.rectangle([x0, top + plot_h * (1 - extent), x0 + bar_w - 2, top + plot_h], fill=color)
    if line:
        points = [
            (left + (i + 0.5) * plot_w / len(line), top + plot_h * (1 - v / vmax)) for i, v in enumerate(line)
        ]
        draw.line(points, fill=BLACK, width=5)
        for x, y in points:
            draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=BLACK)
    draw.line([(left, top), (left, top + plot_h), (left + plot_w, top + plot_h)], fill=AXIS, width=3)
    for gi in range(groups):
        x = left + (gi + 0.5) * group_w
        if not horizontal:
            draw.line([(x, top + plot_h), (x, top + plot_h + 10)], fill=AXIS, width=2)
    return _png(image)


def line_chart(series: Sequence[Sequence[float]], *, size: tuple[int, int] = (1200, 480)) -> bytes:
    """One or more lines over the same x axis, as PNG bytes."""
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 70, 30, 30, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    vmax = max(v for s in series for v in s) * 1.15
    for k in range(6):
        y = top + plot_h - plot_h * k / 5
        draw.line([(left, y), (left + plot_w, y)], fill=GRID, width=2)
    colors = (BLUE, ORANGE, GREY, LIGHT_BLUE)
    for si, s in enumerate(series):
        step = plot_w / max(len(s) - 1, 1)
        points = [(left + i * step, top + plot_h * (1 - v / vmax)) for i, v in enumerate(s)]
        draw.line(points, fill=colors[si % len(colors)], width=6)
    draw.line([(left, top), (left, top + plot_h), (left + plot_w, top + plot_h)], fill=AXIS, width=3)
    return _png(image)


# Figures of the sample documents, by name (values only shape the picture).
CHARTS: dict[str, bytes] = {}


def chart(name: str) -> bytes:
    if name not in CHARTS:
        CHARTS[name] = _build(name)
    return CHARTS[name]


def _build(name: str) -> bytes:
    if name == "overliggere":
        y2024 = [38, 31, 36, 40, 35, 33, 30, 28, 34, 37, 29, 35]
        y2025 = [33, 34, 30, 33, 31, 29, 26, 25, 30, 32, 31, 30]
        return bar_chart([y2024], line=y2025)
    if name == "liggetid":
        return bar_chart([[3.1, 3.6, 3.1]], colors=(LIGHT_BLUE,), size=(900, 380))
    if name == "reinnleggelser":
        return line_chart([[17.8, 18.4, 18.1, 17.6, 18.9, 18.2, 17.9, 18.6, 18.0, 17.7, 18.3, 18.1],
                           [18.5, 18.1, 18.8, 18.4, 18.0, 18.7, 18.3, 18.2, 18.9, 18.6, 18.0, 18.4]])
    if name == "plo":
        return bar_chart([[61, 63, 60, 64, 62, 65, 63, 61, 64, 62, 63, 64],
                          [58, 60, 62, 61, 63, 62, 60, 63, 61, 62, 64, 63]])
    if name == "helseopplysning":
        return bar_chart([[60, 62, 59, 61, 63, 60, 62, 61, 60, 62, 61, 63]], colors=(LIGHT_BLUE,))
    if name == "dialogmeldinger":
        return bar_chart([[8200, 8900, 9400, 9100, 9800, 9300, 7600, 8800, 10100, 10400, 9900, 8700],
                          [9700, 10300, 11200, 10900, 11800, 11300, 9400, 10800, 12300, 12600, 12100, 10500]])
    if name == "kb-brukere":
        return bar_chart([[2100, 4300, 7400, 11800], [300, 1200, 4100, 12600]], size=(1100, 460))
    if name == "riksrevisjonen":
        return bar_chart([[52], [33], [7]], colors=(BLUE, ORANGE, GREY), size=(1000, 420))
    raise KeyError(f"unknown chart {name!r}")
