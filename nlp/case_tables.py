"""Cases laid out as rows of a ruled table: `Saksnr. | Sak | Vedtak` or
`Sak | Innhold | Ansvar` with `Sak 14/24 Referat fra forrige møte` in the first column.

Column headers are in `data/case_table_columns.tsv`. A row is a case when its number
cell (or its case cell) opens with a case number; the title comes from the title
column, else from the case column next to a number column, else from what follows the
number in its own cell; the vedtak from a decision column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.layout import Table
from nlp.resources import read_rows
from nlp.saksnummer import case_heading
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


def read_case_table(table: Table, *, context_year: int | None) -> list[TableCase]:
    """The cases in the table's rows; [] when it is no case table."""
    if not table.rows:
        return []
    columns = _layout(table.rows[0])
    if columns is None:
        return []
    cases: list[TableCase] = []
    for row in table.rows[1:]:
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
    for table in tables:
        for case in read_case_table(table, context_year=context_year):
            found.setdefault((case.page, case.saksnummer), case)
    return found
