"""Attendance labels as grammar: lead words + verb phrase, `fra X` qualifiers, bare label
lines without a colon, run-together column headers, present marks, guests."""

from __future__ import annotations

import pytest
from corpus_layout import layout_from_lines

from nlp.attendance.attendees import _kind, _label_match, _start_label, extract_attendees


def names(people) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Følgende medlemmer møtte:", "present"),
        ("Fylgjande faste medlemmer var til stades:", "present"),
        ("Fylgjande varamedlemmer møtte:", "present"),
        ("Fylgjande medlemmer hadde meldt forfall:", "absent"),
        ("Følgende medlemmer hadde forfall:", "absent"),
        ("Til stades frå administrasjonen:", "present"),
        ("Faste medlemer til stades:", "present"),
        ("Til stades med møte- og talerett:", "present"),
        ("Fra brukerutvalget møtte:", "present"),
        ("Følgende fra administrasjonen deltok:", "present"),
        ("DESSE MØTTE", "present"),
        ("FORFALL", "absent"),
        ("Deltakarar frå styret", "present"),
        ("Invitert:", "guest"),
    ],
)
def test_label_forms(line: str, kind: str) -> None:
    match = _label_match(line)
    assert match is not None
    assert _kind(_start_label(match)) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Deltakere fra kommunene var enige om at saken skulle utsettes",
        "Møtte for administrasjonen var det ingen",
        "Møtte kommunen med en plan for neste år og en oversikt",
        "Følgende saker ble behandlet:",
    ],
)
def test_prose_is_no_label(line: str) -> None:
    assert _label_match(line) is None


def test_led_labels_open_lists_nynorsk() -> None:
    layout = layout_from_lines(
        [
            "Fylgjande faste medlemmer var til stades:",
            "Kari Nes, leiar",
            "Olav Hjelle",
            "Fylgjande medlemmer hadde meldt forfall:",
            "Marit Sande",
            "Fylgjande varamedlemmer møtte:",
            "Per Lunde",
            "Sak 1/15 Godkjenning av innkalling",
        ]
    )
    got = extract_attendees(layout.lines, case_heading_at={7})
    assert names(got.present) == ["Kari Nes", "Olav Hjelle", "Per Lunde"]
    assert names(got.absent) == ["Marit Sande"]


def test_run_together_column_headers_keep_the_first_list() -> None:
    layout = layout_from_lines(
        ["Deltakere: Forfall:", "Kari Nes (Verran kommune),", "Olav Hjelle (for Per Dahl, Snåsa kommune)"]
    )
    got = extract_attendees(layout.lines)
    assert names(got.present) == ["Kari Nes", "Olav Hjelle"]
    assert names(got.absent) == ["Per Dahl"]  # named on the deputy's entry


def test_present_marks_inside_an_absence_list() -> None:
    layout = layout_from_lines(
        [
            "Tilstades: X Meldt forfall: Eva Strand, Jon Lie har permisjon",
            "X Kari Nes",
            "X Nils Olav",
            "Hjelle",
        ]
    )
    got = extract_attendees(layout.lines)
    assert names(got.present) == ["Kari Nes", "Nils Olav Hjelle"]
    assert names(got.absent) == ["Eva Strand", "Jon Lie"]


def test_guests_count_only_after_an_attendance_list() -> None:
    minutes = layout_from_lines(["Til stede: Kari Nes, Olav Hjelle", "Invitert: Eva Strand"])
    assert names(extract_attendees(minutes.lines).present) == ["Kari Nes", "Olav Hjelle", "Eva Strand"]
    notice = layout_from_lines(["Innkalt: Kari Nes, Olav Hjelle", "Invitert: Eva Strand"])
    assert extract_attendees(notice.lines).present == []
