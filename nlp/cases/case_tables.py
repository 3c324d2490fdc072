"""Cases laid out as rows of a ruled table: `Saksnr. | Sak | Vedtak` or
`Sak | Innhold | Ansvar` with `Sak 14/24 Referat fra forrige møte` in the first column.

Column headers are in `data/case_table_columns.tsv`. A row is a case when its number
cell (or its case cell) opens with a case number; the title comes from the title
column, else from the case column next to a number column, else from what follows the
number in its own cell; the vedtak from a decision column. A table at the top of the next
page with as many columns and no header continues the case table before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from contract.saksnummer import case_heading
from extractors.layout import Table
from nlp.resources import read_rows
from nlp.textutil import ws


@dataclass(frozen=True)
class TableCase:
    page: int
    saksnummer: str
    raw: str
    title: str | None
    vedtak: str | None


@cache
def _columns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(rf"^(?:{pattern})$", re.I)) for kind, pattern, *_ in read_rows("case_table_columns.tsv"))


def _column_kind(cell: str | None) -> str | None:
    text = ws(cell or "").strip(" :")
    for kind, pattern in _columns():
        if text and pattern.match(text):
            return kind
    return None


def _layout(header: Sequence[str | None]) -> dict[str, int] | None:
    """Column index per role (number, title, decision) of a case table's header, or None."""
    kinds: dict[str, int] = {}
    for index, cell in enumerate(header):
        kind = _column_kind(cell)
        if kind is not None and kind not in kinds:
            kinds[kind] = index
    if "number" in kinds:
        if "case" in kinds and "title" not in kinds:
            kinds["title"] = kinds.pop("case")
        return kinds
    if "case" in kinds:
        kinds["number"] = kinds.pop("case")
        return kinds
    return None


def _cell(row: Sequence[str | None], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return ws(row[index] or "")


def read_case_table(
    table: Table, *, context_year: int | None, columns: dict[str, int] | None = None
) -> list[TableCase]:
    """The cases in the table's rows; [] when it is no case table. `columns`: the layout
    of the case table this one continues (a page break repeats no header)."""
    if not table.rows:
        return []
    header = _layout(table.rows[0])
    if header is None and columns is None:
        return []
    body = table.rows[1:] if header is not None else table.rows
    columns = header or columns or {}
    cases: list[TableCase] = []
    for row in body:
        heading = case_heading(_cell(row, columns["number"]), context_year=context_year, emphasised=True)
        if heading is None:
            continue
        title = _cell(row, columns.get("title")) or heading.rest or None
        vedtak = _cell(row, columns.get("decision")) or None
        number = heading.number
        cases.append(TableCase(table.page, number.saksnummer, number.raw, title, vedtak))
    return cases


def table_cases(tables: Sequence[Table], *, context_year: int | None) -> dict[tuple[int, str], TableCase]:
    """Every case row of the document's case tables, by (page, saksnummer)."""
    found: dict[tuple[int, str], TableCase] = {}
    previous: tuple[Table, dict[str, int]] | None = None
    for table in sorted(tables, key=lambda t: (t.page, t.top)):
        header = _layout(table.rows[0]) if table.rows else None
        continued = None
        if header is None and previous is not None:
            before, columns = previous
            if table.page == before.page + 1 and len(table.rows[0]) == len(before.rows[0]):
                continued = columns
        cases = read_case_table(table, context_year=context_year, columns=continued)
        for case in cases:
            found.setdefault((case.page, case.saksnummer), case)
        if header is not None:
            previous = (table, header)
        elif continued is not None and cases:
            previous = (table, continued)
        else:
            previous = None
    return found
