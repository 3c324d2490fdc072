"""Attendees in tables: `Navn | Stilling | Organisasjon | Merknad` lists and matrices
with an `x` per meeting date (`Representanter | Stilling og virksomhet | 28.3.19 |
12.12.19`), read from the extractor's tables or, when a matrix was not found as a
ruled table, from its text lines.

Column headers are in `data/attendee_table_columns.tsv`, cell values (x, forfall,
sluttet ...) in `data/attendance_status.tsv`. In a matrix everyone with an `x` in at
least one meeting column is present; members with none are absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from nlp.attendance.names import leading_name
from nlp.attendance.people import Person, parse_people
from nlp.meeting.dates import find_dates, first_date
from nlp.resources import read_rows, read_words

_DATE_CELL = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")


@dataclass
class TableAttendees:
    present: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)


@cache
def _columns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(rf"^(?:{pattern})$", re.I)) for kind, pattern, *_ in read_rows("attendee_table_columns.tsv"))


@cache
def _statuses() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((status, re.compile(rf"^(?:{pattern})$", re.I)) for status, pattern, *_ in read_rows("attendance_status.tsv"))


def cell_status(cell: str | None) -> str | None:
    text = " ".join((cell or "").split()).strip(" .")
    if not text:
        return None
    for status, pattern in _statuses():
        if pattern.match(text):
            return status
    return None


def column_kind(cell: str | None) -> str | None:
    text = " ".join((cell or "").split()).strip(" :")
    if not text:
        return None
    if _DATE_CELL.match(text):
        return "meeting"
    for kind, pattern in _columns():
        if pattern.match(text):
            return kind
    return None


def header_kinds(row: list[str | None]) -> list[str | None] | None:
    """The column kinds of a header row, or None when it is no attendee table header."""
    kinds = [column_kind(cell) for cell in row]
    return kinds if "name" in kinds else None


def _person_from_cells(name_cell: str, role: str | None, org: str | None, role_org: str | None) -> Person | None:
    name_text = " ".join(name_cell.split())
    name = leading_name(name_text, require_first_name=False)
    if name is None:
        return None
    if role_org:
        parsed = parse_people(f"{name}, {role_org}")
        if parsed:
            person = parsed[0]
            person.name = name
            return person
    person = Person(name)
    if role:
        person.role_parts.append(role)
        person.role_orgs.append((role, None))
    if org:
        person.org = org
    return person


def meeting_label(header: str | None) -> str:
    """A meeting column's header as an ISO date (`28.3.19` -> `2019-03-28`), else as printed."""
    text = " ".join((header or "").split())
    found = first_date(text)
    return found.isoformat() if found else text


def read_table(rows: list[list[str | None]], default: str = "present") -> TableAttendees | None:
    """Attendees of one table whose first row is its header; None for other tables."""
    if not rows:
        return None
    kinds = header_kinds(rows[0])
    if kinds is None:
        return None
    out = TableAttendees()
    meetings = [i for i, kind in enumerate(kinds) if kind == "meeting"]

    def cell(row: list[str | None], kind: str) -> str | None:
        for i, k in enumerate(kinds):
            if k == kind and i < len(row) and row[i] and row[i].strip():
                return " ".join(row[i].split())
        return None

    for row in rows[1:]:
        if header_kinds(row) == kinds:
            continue  # the header repeated on the next page (a member's `Medlem` cell is no header)
        name_cell = cell(row, "name")
        if not name_cell:
            continue
        person = _person_from_cells(name_cell, cell(row, "role"), cell(row, "org"), cell(row, "role_org"))
        if person is None:
            continue
        remark = cell(row, "remark")
        status = _remark_status(person, remark) or default
        if meetings:
            marks = [cell_status(row[i]) if i < len(row) else None for i in meetings]
            status = _matrix_status([*marks, cell_status(remark)])
            person.meetings = [
                meeting_label(rows[0][i]) for i, mark in zip(meetings, marks, strict=True) if mark == "present"
            ]
        if status == "present":
            out.present.append(person)
        elif status == "absent":
            out.absent.append(person)
    return out


def _remark_status(person: Person, remark: str | None) -> str | None:
    if not remark:
        return None
    parsed = parse_people(f"{person.name} ({remark})")
    if parsed:
        person.remarks |= parsed[0].remarks  # `Leder`, `Referent`: the meeting's officers
    if parsed and parsed[0].substitute_for:
        person.substitute_for = parsed[0].substitute_for
        return "present"
    return cell_status(remark)


def _matrix_status(marks: list[str | None]) -> str:
    """Present with an `x` at one meeting or more; otherwise absent (a member marked as
    having left, `Sluttet`, attended none of the year's meetings either)."""
    return "present" if "present" in marks else "absent"


# ------------------------------------------------------------------ matrices as text


def _meeting_count(line: str) -> int:
    """How many meeting dates a matrix header line names (0 when it is no header)."""
    words = line.split()
    if not words or column_kind(words[0]) != "name":
        return 0
    return sum(1 for d in find_dates(line) if d.has_day)


@cache
def _marks() -> frozenset[str]:
    return frozenset(read_words("matrix_marks.txt"))


def _split_marks(line: str) -> tuple[str, list[str]]:
    """`Øystein Mæland Adm. direktør, Ahus x x` -> (`Øystein Mæland Adm. direktør, Ahus`, [x, x])."""
    words = line.split()
    marks: list[str] = []
    while words and words[-1] in _marks():
        marks.insert(0, words.pop())
    return " ".join(words), marks


@dataclass
class _Row:
    text: str
    marks: list[str]
    page: int | None = None


def read_text_matrices(lines: list[str], pages: list[int] | None = None) -> TableAttendees:
    """Attendance matrices printed as text lines: a header naming meeting dates, then
    one line per person ending in their marks (a person's line may wrap). `pages`: the
    page of each line; a person is on the page of their row's first line."""
    out = TableAttendees()
    i = 0
    while i < len(lines):
        if _meeting_count(lines[i]) == 0:
            i += 1
            continue
        rows: list[_Row] = []
        i += 1
        while i < len(lines):
            line = " ".join(lines[i].split())
            if not line:
                i += 1
                continue
            if _meeting_count(line):
                i += 1
                continue
            text, marks = _split_marks(line)
            starts_person = bool(text) and leading_name(text, require_first_name=False) is not None
            if starts_person:
                rows.append(_Row(text, marks, pages[i] if pages else None))
            elif rows and (marks or len(text.split()) <= 6):
                rows[-1].text = f"{rows[-1].text} {text}".strip()
                rows[-1].marks.extend(marks)
            else:
                break
            i += 1
        for row in rows:
            name = leading_name(row.text, require_first_name=False)
            if name is None:
                continue
            rest = row.text[len(name) :].strip()
            parsed = parse_people(f"{name}, {rest}" if rest else name)
            person = parsed[0] if parsed else Person(name)
            person.page = row.page
            status = _matrix_status([cell_status(mark) for mark in row.marks])
            if status == "present":
                out.present.append(person)
            elif status == "absent":
                out.absent.append(person)
    return out
