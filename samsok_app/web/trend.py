"""Trend of a term: counts per year and per sykehusområde, and the SVG bar chart's geometry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samsok_app.web.filters import Filters
from samsok_app.web.services import Services

TOTAL_SERIES = "Alle områder"
MAX_SERIES = 8
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a5002e", "#3a7d7c", "#595959")

WIDTH = 800
HEIGHT = 320
MARGIN_LEFT = 48
MARGIN_RIGHT = 12
MARGIN_TOP = 16
MARGIN_BOTTOM = 40


def count_of(value: Any) -> int:
    """A trend cell: an int, or an object with `documents` (or `count`)."""
    if isinstance(value, dict):
        for key in ("documents", "count", "hits", "mentions"):
            if key in value:
                return int(value[key] or 0)
        return 0
    return int(value or 0)


def _by_year(data: dict[str, Any], key: str = "by_year") -> dict[int, int]:
    return {int(k): count_of(v) for k, v in (data.get(key) or {}).items() if str(k).isdigit()}


@dataclass
class Trend:
    """Documents mentioning the term per year (the bars: a bar's search has that many
    document hits), per sykehusområde as further series, and mentions (matching
    sections) per year where the backend reports them."""

    term: str
    raw: dict[str, Any]
    years: list[int] = field(default_factory=list)
    # series name -> year -> documents; the first series is the total
    series: dict[str, dict[int, int]] = field(default_factory=dict)
    mentions: dict[int, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.series.get(TOTAL_SERIES, {}).values())

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.raw)
        out["by_year_omrade"] = {
            name: {str(y): n for y, n in sorted(counts.items()) if n}
            for name, counts in self.series.items()
            if name != TOTAL_SERIES
        }
        return out

    def csv_rows(self) -> list[list[Any]]:
        """Rows of (år, sykehusområde, dokumenter, omtaler); område empty = all areas."""
        rows: list[list[Any]] = []
        for name, counts in self.series.items():
            total = name == TOTAL_SERIES
            for year in self.years:
                rows.append(
                    [year, "" if total else name, counts.get(year, 0), self.mentions.get(year, 0) if total else ""]
                )
        return rows


def compute(services: Services, filters: Filters) -> Trend:
    """The term's trend under `filters`, with one series per sykehusområde."""
    term = filters.q
    raw = services.trend(term, filters.to_search_query(limit=0, offset=0))
    trend = Trend(term=term, raw=raw)
    trend.series[TOTAL_SERIES] = _by_year(raw)
    trend.mentions = _by_year(raw, "mentions_by_year")

    breakdown = raw.get("by_year_omrade")
    omrader = list(filters.omrader) or [
        name for name, value in sorted((raw.get("by_omrade") or {}).items(), key=lambda kv: -count_of(kv[1]))
        if count_of(value) > 0
    ]
    for name in omrader[:MAX_SERIES]:
        if isinstance(breakdown, dict) and name in breakdown:
            per_year = {int(y): count_of(v) for y, v in breakdown[name].items() if str(y).isdigit()}
        else:
            sub = services.trend(term, filters.changed(omrader=(name,)).to_search_query(limit=0, offset=0))
            per_year = _by_year(sub)
        trend.series[name] = per_year

    years = {y for counts in trend.series.values() for y, n in counts.items() if n}
    if filters.year_from is not None:
        years = {y for y in years if y >= filters.year_from}
    if filters.year_to is not None:
        years = {y for y in years if y <= filters.year_to}
    if years:
        trend.years = list(range(min(years), max(years) + 1))
    return trend


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    color: str
    series: str
    year: int
    count: int
    href: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    axis_y: float
    ticks: list[tuple[float, int]]
    labels: list[tuple[float, int]]
    legend: list[tuple[str, str]]


def _ticks(top: int) -> list[int]:
    if top <= 0:
        return [0]
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        step = candidate
        if top / candidate <= 5:
            break
    return list(range(0, top + step, step))


def chart(trend: Trend, filters: Filters) -> Chart:
    """Grouped bars: per year, the total and then one bar per sykehusområde."""
    names = list(trend.series)
    colors = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    top = max((n for counts in trend.series.values() for n in counts.values()), default=0)
    ticks = _ticks(top)
    scale_top = max(ticks[-1], 1)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    axis_y = MARGIN_TOP + plot_h
    group_w = plot_w / max(len(trend.years), 1)
    bar_w = min(36.0, max(2.0, (group_w * 0.8) / max(len(names), 1)))
    bars: list[Bar] = []
    labels: list[tuple[float, int]] = []
    for gi, year in enumerate(trend.years):
        # Bars of a year are centred in its slot.
        gx = MARGIN_LEFT + gi * group_w + (group_w - bar_w * len(names)) / 2
        labels.append((MARGIN_LEFT + gi * group_w + group_w / 2, year))
        for si, name in enumerate(names):
            count = trend.series[name].get(year, 0)
            h = plot_h * count / scale_top
            target = filters.changed(years=(int(year),), what="documents")
            if name != TOTAL_SERIES:
                target = target.changed(omrader=(name,))
            bars.append(
                Bar(
                    x=round(gx + si * bar_w, 1),
                    y=round(axis_y - h, 1),
                    width=round(bar_w - 1, 1),
                    height=round(h, 1),
                    color=colors[name],
                    series=name,
                    year=year,
                    count=count,
                    href=target.url("/"),
                )
            )
    tick_pos = [(round(axis_y - plot_h * t / scale_top, 1), t) for t in ticks]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        axis_y=axis_y,
        ticks=tick_pos,
        labels=[(round(x, 1), y) for x, y in labels],
        legend=[(name, colors[name]) for name in names],
    )
