"""Document metadata: organ, meeting date, year (and, from their own modules, title,
document type and language).

* organ: the `Møtegruppe:` label (`data/meeting_labels.tsv`), else an organ named in the
  title, else `Styret` for a board case, else the body that approved a report (its
  approval table), else the organ most named on the first page of minutes;
* date: for minutes and notices the `Møtetid:` / `Dato:` label, else the title, else the
  first date on the first page; for reports the last approval date; for a board case its
  date label, title or running header; otherwise only a `Dato:` label (a date in running
  text is seldom the document's); the PDF's creation date when the text gives none and
  it agrees with the year;
* year: a report's year (`Årsrapport 2019`), a board case's number year (`19/2021`),
  else the date's year, else the latest dated year in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from contract.saksnummer import find_prefixed
from extractors.layout import Line
from nlp.meeting.dates import find_dates, first_date
from nlp.meeting.organs import canonical_organ, find_organs
from nlp.resources import read_rows, read_toml

MEETING_TYPES = {"referat", "protokoll", "innkalling"}
# Slides and unclassified papers are often re-saved: their file date is no document date.
NO_CREATION_DATE = {"presentasjon", "annet"}
FIRST_PAGE_LINES = 40
APPROVAL_ROWS = 6


@cache
def _meeting_labels() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = read_rows("meeting_labels.tsv")
    labels = sorted({label for label, *_ in rows}, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels)
    fields = {" ".join(label.casefold().split()): field for label, field, *_ in rows}
    return re.compile(rf"^\s*(?P<label>{alternation})\s*:\s*(?P<value>.*)$", re.I), fields


def meeting_fields(lines: Sequence[Line]) -> dict[str, str]:
    """`{"organ": "Strategisk samarbeidsutvalg, SSU", "date": "Torsdag 05.12.24 kl. ..."}`:
    the first value of each field label in the document."""
    pattern, fields = _meeting_labels()
    out: dict[str, str] = {}
    for line in lines:
        match = pattern.match(line.text)
        if match is None:
            continue
        field = fields[" ".join(match["label"].casefold().split())]
        value = match["value"].strip()
        if value and field not in out:
            out[field] = value
    return out


def _first_page(lines: Sequence[Line]) -> list[Line]:
    if not lines:
        return []
    page = lines[0].page
    return [ln for ln in lines if ln.page == page][:FIRST_PAGE_LINES]


def _approval_rows(lines: Sequence[Line]) -> list[str]:
    header = re.compile(read_toml("metadata.toml")["approval"]["header"], re.I)
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    for i, text in enumerate(texts):
        if header.match(text):
            return texts[i + 1 : i + 1 + APPROVAL_ROWS]
    return []


def find_organ(
    lines: Sequence[Line], *, title: str | None, doc_type: str, fields: dict[str, str]
) -> str | None:
    if "organ" in fields:
        organ = canonical_organ(fields["organ"])
        if organ:
            return organ
        return fields["organ"].split(",")[0].strip() or None
    if title:
        mentions = find_organs(title)
        if mentions:
            return canonical_organ(mentions[0].text) or mentions[0].key
    board = read_toml("metadata.toml")["board"]
    if doc_type == "saksframlegg" and re.search(board["title"], title or "", re.I):
        return board["organ"]
    if doc_type == "arsrapport":
        for row in _approval_rows(lines):
            mentions = find_organs(row)
            if mentions and mentions[0].start == 0:
                return mentions[0].key
    if doc_type in MEETING_TYPES:
        counts = Counter(m.key for ln in _first_page(lines) for m in find_organs(ln.text))
        if counts:
            return counts.most_common(1)[0][0]
    if doc_type == "saksframlegg":
        on_first_page = any(re.search(board["first_page"], ln.text, re.I) for ln in _first_page(lines))
        return board["organ"] if on_first_page else None
    return None


def pdf_date(metadata: dict[str, str]) -> dt.date | None:
    """The PDF's CreationDate (`D:20241212093000+00'00'`)."""
    raw = metadata.get("CreationDate") or metadata.get("creationDate") or ""
    match = re.search(r"(\d{4})(\d{2})(\d{2})", raw)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def report_year(title: str | None, lines: Sequence[Line]) -> int | None:
    pattern = re.compile(read_toml("metadata.toml")["report_year"]["pattern"], re.I)
    for text in [title or ""] + [ln.text for ln in _first_page(lines)[:10]]:
        match = pattern.search(text)
        if match:
            return int(match[1])
    return None


def _case_year(texts: Sequence[str]) -> int | None:
    for text in texts:
        for number in find_prefixed(text):
            return int(number.saksnummer.split("/")[1])
    return None


def _latest_dated_year(text: str) -> int | None:
    years = [d.date.year for d in find_dates(text) if d.has_year]
    return max(years) if years else None


@cache
def _date_reference() -> re.Pattern[str]:
    return re.compile(read_toml("metadata.toml")["date_references"]["before"], re.I)


def _meeting_date_in_text(text: str, year_hint: int | None) -> dt.date | None:
    """The first full date in `text` that no reference word (`frist`, `referat fra`,
    `datert` ...) precedes on its line; the first full date when all are references."""
    dates = [d for d in find_dates(text, year_hint) if d.has_day]
    for found in dates:
        line_start = text.rfind("\n", 0, found.start) + 1
        if not _date_reference().search(text[line_start : found.start]):
            return found.date
    return dates[0].date if dates else None


@dataclass(frozen=True)
class DateAndYear:
    date: dt.date | None
    year: int | None


def find_date_and_year(
    lines: Sequence[Line],
    *,
    title: str | None,
    doc_type: str,
    fields: dict[str, str],
    metadata: dict[str, str],
    extra_texts: Sequence[str] = (),
) -> DateAndYear:
    first_page_text = "\n".join(ln.text for ln in _first_page(lines))
    full_text = "\n".join(ln.text for ln in lines)
    year_hint = report_year(title, lines) if doc_type == "arsrapport" else None
    if doc_type == "saksframlegg":
        year_hint = _case_year([title or "", *extra_texts, first_page_text])
    if year_hint is None:
        year_hint = _latest_dated_year(full_text)
    date: dt.date | None = None
    if doc_type in MEETING_TYPES:
        date = first_date(fields.get("date", ""), year_hint) or first_date(title or "", year_hint)
        date = date or _meeting_date_in_text(first_page_text, year_hint)
    elif doc_type == "arsrapport":
        dates = [d for row in _approval_rows(lines) if (d := first_date(row, year_hint))]
        date = max(dates) if dates else None
    elif doc_type == "saksframlegg":
        texts = [fields.get("date", ""), title or "", *extra_texts]
        date = next((d for t in texts if (d := first_date(t, year_hint))), None)
    else:
        date = first_date(fields.get("date", ""), year_hint)
    if date is None and doc_type not in NO_CREATION_DATE:
        created = pdf_date(metadata)
        if created and (year_hint is None or created.year in (year_hint, year_hint + 1)):
            date = created
    if doc_type == "arsrapport" and report_year(title, lines):
        year = report_year(title, lines)
    elif doc_type == "saksframlegg" and _case_year([title or "", *extra_texts, first_page_text]):
        year = _case_year([title or "", *extra_texts, first_page_text])
    elif date is not None:
        year = date.year
    else:
        year = year_hint
    return DateAndYear(date, year)
