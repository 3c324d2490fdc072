"""Reading order: segments grouped into visual lines, columns read one after the other.

Pure functions over `Segment`s of one page. A page is read top to bottom; where the
text runs in columns (a vertical gutter with enough full column lines on both sides),
each band between full-width elements is read left column first, then right column.
On a single-column page, a block of lists side by side under a row of labels
(`Til stede:` beside `Forfall:`) is read list by list. Table cells are never split into
columns: segments inside a table box are read row by row in place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from extractors.segments import Segment

# Two segments share a visual line when their vertical extents overlap by this share.
SAME_ROW_OVERLAP = 0.5
# Segments closer than this share of their height are joined without a space (a superscript).
TOUCHING_GAP = 0.1
# Column detection.
COLUMN_BIN = 2.0  # points per histogram bin
COLUMN_MIN_GUTTER = 8.0  # points of empty space between columns
COLUMN_MIN_LINES = 4  # lines on each side of the gutter
COLUMN_MIN_WIDTH_SHARE = 0.25  # a column line is at least this share of the text width (median)
COLUMN_CENTRE_ZONE = (0.25, 0.75)  # the gutter lies in this part of the text width
COLUMN_NARROW_SHARE = 0.6  # wider segments are full-width elements, not column lines
COLUMN_CROSSING_SHARE = 0.05  # share of column lines allowed to cross the gutter (noise)
# Side-by-side blocks on a single-column page: a row of labels (`Til stede:` ... `Forfall:`)
# heads lists that run down below each label.
CELL_GAP_HEIGHTS = 2.0  # a gap this many text heights wide separates two cells of a row
BLOCK_PITCH_GROWTH = 1.25  # a row further below than this times the block's line pitch ends it
BLOCK_EDGE_SLACK = 3.0  # points a column's text may start left of its label

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def group_rows(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Segments on the same visual line, rows top to bottom, segments left to right."""
    rows: list[list[Segment]] = []
    extents: list[tuple[float, float]] = []
    for seg in sorted(segments, key=lambda s: (s.middle_y, s.x0)):
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom = extents[k]
            overlap = min(bottom, seg.bottom) - max(top, seg.top)
            if overlap >= SAME_ROW_OVERLAP * min(bottom - top, seg.height):
                rows[k].append(seg)
                extents[k] = (min(top, seg.top), max(bottom, seg.bottom))
                break
        else:
            rows.append([seg])
            extents.append((seg.top, seg.bottom))
    for row in rows:
        row.sort(key=lambda s: s.x0)
    rows.sort(key=lambda r: min(s.top for s in r))
    return rows


def join_row_text(row: Sequence[Segment]) -> str:
    """The row's text: segments joined by a space, or directly where they touch."""
    parts: list[str] = []
    previous: Segment | None = None
    for seg in row:
        if previous is not None and seg.x0 - previous.x1 >= TOUCHING_GAP * min(seg.height, previous.height):
            parts.append(" ")
        parts.append(seg.text)
        previous = seg
    return "".join(parts).strip()


def find_gutter(segments: Sequence[Segment]) -> tuple[float, float] | None:
    """The x-range of a column gutter on the page, or None for single-column text."""
    if len(segments) < 2 * COLUMN_MIN_LINES:
        return None
    left = min(s.x0 for s in segments)
    right = max(s.x1 for s in segments)
    width = right - left
    if width <= 4 * COLUMN_MIN_GUTTER:
        return None
    narrow = [s for s in segments if s.width < COLUMN_NARROW_SHARE * width]
    if len(narrow) < 2 * COLUMN_MIN_LINES:
        return None
    bins = int(width / COLUMN_BIN) + 1
    cover = [0] * bins
    for seg in narrow:
        for b in range(int((seg.x0 - left) / COLUMN_BIN), min(int((seg.x1 - left) / COLUMN_BIN) + 1, bins)):
            cover[b] += 1
    allowed = max(1, int(COLUMN_CROSSING_SHARE * len(narrow)))
    lo, hi = (int(width * share / COLUMN_BIN) for share in COLUMN_CENTRE_ZONE)
    best: tuple[int, int] | None = None
    start: int | None = None
    for b in range(lo, hi + 2):
        empty = b <= hi and cover[b] <= allowed if b < bins else False
        if empty and start is None:
            start = b
        elif not empty and start is not None:
            if best is None or b - start > best[1] - best[0]:
                best = (start, b)
            start = None
    if best is None or (best[1] - best[0]) * COLUMN_BIN < COLUMN_MIN_GUTTER:
        return None
    g0, g1 = left + best[0] * COLUMN_BIN, left + best[1] * COLUMN_BIN
    left_side = [s for s in narrow if s.x1 <= g0 + COLUMN_BIN]
    right_side = [s for s in narrow if s.x0 >= g1 - COLUMN_BIN]
    if len(left_side) < COLUMN_MIN_LINES or len(right_side) < COLUMN_MIN_LINES:
        return None
    for side in (left_side, right_side):
        widths = sorted(s.width for s in side)
        if widths[len(widths) // 2] < COLUMN_MIN_WIDTH_SHARE * width:
            return None  # labels and values of a form, not columns of text
    left_top, left_bottom = min(s.top for s in left_side), max(s.bottom for s in left_side)
    beside = [s for s in right_side if s.bottom > left_top and s.top < left_bottom]
    if len(beside) < COLUMN_MIN_LINES:
        return None
    return g0, g1


def row_cells(row: Sequence[Segment]) -> list[list[Segment]]:
    """A row's segments clustered into cells: a wide horizontal gap starts a new cell."""
    cells: list[list[Segment]] = []
    for seg in row:
        if cells and seg.x0 - cells[-1][-1].x1 < CELL_GAP_HEIGHTS * min(seg.height, cells[-1][-1].height):
            cells[-1].append(seg)
        else:
            cells.append([seg])
    return cells


_OPENS_WITH_LABEL = re.compile(r"^[^\W\d][^:\d]{0,30}:(?:\s|$)")


def _label_row_edges(row: Sequence[Segment]) -> list[float] | None:
    """Left edges of the 2nd.. cells when every cell of the row opens with a label
    (`Til stede:` | `Forfall:`, or `Til stede: Kari Nordmann` | `Forfall: Per Dahl`)."""
    cells = row_cells(row)
    if len(cells) < 2 or not all(_OPENS_WITH_LABEL.match(join_row_text(cell)) for cell in cells):
        return None
    return [cell[0].x0 for cell in cells[1:]]


def _crosses(seg: Segment, edges: Sequence[float]) -> bool:
    return any(seg.x0 < edge - BLOCK_EDGE_SLACK and seg.x1 > edge - BLOCK_EDGE_SLACK for edge in edges)


def _side_by_side_end(rows: Sequence[Sequence[Segment]], start: int, edges: Sequence[float]) -> int:
    """Index after the last row of the side-by-side block headed by `rows[start]`."""
    pitch: float | None = None
    end = start + 1
    while end < len(rows):
        row = rows[end]
        if any(_crosses(seg, edges) for seg in row):
            break
        step = min(s.top for s in row) - min(s.top for s in rows[end - 1])
        height = max(s.height for s in rows[end - 1])
        limit = BLOCK_PITCH_GROWTH * pitch + 1.0 if pitch is not None else 2.5 * height
        if step > limit:
            break
        pitch = step if pitch is None else min(pitch, step)
        end += 1
    return end


def side_by_side(rows: Sequence[list[Segment]], table_boxes: Sequence[Box] = ()) -> list[list[Segment]]:
    """Rows with each side-by-side block read column by column.

    A block starts at a row of two or more cells that each open with a label (`Til stede:`
    beside `Forfall:`, the first names may follow on the label's line) and runs down while no text crosses into the next label's column and the
    line pitch stays even; the text under each label is read before the next label's.
    A label column with values beside it (`Til stede:` `Kari Nordmann`) is no such block.
    """
    ordered: list[list[Segment]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        edges = None if any(in_any_box(s, table_boxes) for s in row) else _label_row_edges(row)
        if edges is None:
            ordered.append(row)
            k += 1
            continue
        end = _side_by_side_end(rows, k, edges)
        block = [seg for r in rows[k:end] for seg in r]
        for column in range(len(edges) + 1):
            members = [s for s in block if sum(s.x0 >= edge - BLOCK_EDGE_SLACK for edge in edges) == column]
            ordered.extend(group_rows(members))
        k = end
    return ordered


def _inside(seg: Segment, box: Box) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (seg.x0 + seg.x1) / 2, seg.middle_y
    return x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1


def in_any_box(seg: Segment, boxes: Sequence[Box]) -> bool:
    return any(_inside(seg, box) for box in boxes)


def reading_order(segments: Sequence[Segment], table_boxes: Sequence[Box] = ()) -> list[list[Segment]]:
    """One page's segments as rows in reading order."""
    free = [s for s in segments if not in_any_box(s, table_boxes)]
    gutter = find_gutter(free)
    if gutter is None:
        return side_by_side(group_rows(segments), table_boxes)
    g0, g1 = gutter
    middle = (g0 + g1) / 2
    spanning = [s for s in segments if in_any_box(s, table_boxes) or (s.x0 < g0 and s.x1 > g1)]
    span_ids = {id(s) for s in spanning}
    columns = [s for s in segments if id(s) not in span_ids]
    separators = group_rows(spanning)
    # Band k holds the column segments below separator k-1 and above separator k.
    separator_tops = [min(s.top for s in row) for row in separators]
    bands: list[list[Segment]] = [[] for _ in range(len(separators) + 1)]
    for seg in columns:
        bands[bisect_right(separator_tops, seg.middle_y)].append(seg)
    ordered: list[list[Segment]] = []
    for k, band in enumerate(bands):
        ordered.extend(group_rows([s for s in band if (s.x0 + s.x1) / 2 < middle]))
        ordered.extend(group_rows([s for s in band if (s.x0 + s.x1) / 2 >= middle]))
        if k < len(separators):
            ordered.append(separators[k])
    return ordered
