"""The people-and-attendance steps: attendance lists and tables, then the meeting's
chair and secretary where the minutes state them in prose."""

from __future__ import annotations

from nlp.analysis import Analysis, step
from nlp.attendance.attendees import extract_attendees
from nlp.attendance.officers import officers_in_prose


@step("attendees", reads=["lines", "tables", "case_heading_at"], sets=["attendees"])
def attendees(a: Analysis) -> None:
    """Attendance is read before the first case heading."""
    a.attendees = extract_attendees(a.lines, a.tables, case_heading_at=a.case_heading_at)


@step("officers", reads=["lines", "organ", "attendees"], sets=["attendees"])
def officers(a: Analysis) -> None:
    if a.attendees.chair is None or a.attendees.secretary is None:
        stated = officers_in_prose(a.lines, a.organ)
        a.attendees.chair = a.attendees.chair or stated.get("chair")
        a.attendees.secretary = a.attendees.secretary or stated.get("secretary")
