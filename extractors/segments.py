"""A `Segment`: a run of text on one baseline, as read from the page, before lines are built.

Coordinates are PDF points measured from the page's top-left corner (the convention of
`Line.top` and pdfplumber): `top` < `bottom`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    page: int  # 1-based
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size in points
    bold: bool

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def width(self) -> float:
        return max(self.x1 - self.x0, 0.0)

    @property
    def middle_y(self) -> float:
        return (self.top + self.bottom) / 2
