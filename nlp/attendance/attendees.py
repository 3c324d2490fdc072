"""Who attended: `attendees.present`, `attendees.absent`, `chair`, `secretary`.

Sources, in order:

* labelled lists in the text (`Til stede:`, `Forfall:`, `Referent:`, `Møteleder:` ...,
  `data/attendance_markers.tsv`; a label may be qualified before its colon, `Til stede fra
  styret:`, `data/attendance_qualifiers.txt`), each running until the next label, a meeting label
  (`Møtegruppe:`, `data/meeting_labels.tsv`), a heading, a decision label or a case
  heading; `Leder av <organ>, Name, ...` names the chair;
* attendee tables and x-per-meeting matrices (`nlp/attendance/attendee_tables.py`).

Lists are searched before the first case heading; chair and secretary labels anywhere.
A deputy's absent member (`stedfortreder X`) is absent. Without a chair or secretary
label, an attendee whose role says so (`data/officer_roles.tsv`) is taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from contract.record import Attendee, Attendees
from extractors.layout import Line, Table
from nlp.attendance.attendee_tables import TableAttendees, read_table, read_text_matrices
from nlp.attendance.names import is_initial
from nlp.attendance.people import Person, join_list_lines_at, parse_people
from nlp.cases.decisions import decision_label
from nlp.meeting.organs import find_organs
from nlp.resources import read_rows, read_words
from nlp.textutil import is_bullet_item, strip_bullet

MAX_BLOCK_LINES = 60


@dataclass
class _Block:
    kind: str  # present | absent | chair | secretary | chair_statement ("Leder av SSU, Name, ...")
    texts: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # the page of each text's line
    bulleted: bool = False  # the list's entries are bullet items (a Word/Writer list style)
    marked: bool = False  # opened by a present mark (`X Name`) inside another list

    def add(self, text: str, page: int) -> None:
        if is_bullet_item(text) and (self.bulleted or not self.texts):
            self.bulleted = True
            text = strip_bullet(text)
        self.texts.append(text)
        self.pages.append(page)


_PRESENT_MARK = re.compile(r"^[Xx✓✔☒]\s+(?=[A-ZÆØÅ])")
_LONE_MARK = re.compile(r"^\s*[Xx✓✔☒]?\s*$")


def _content(text: str) -> bool:
    """Whether a label's text holds anything but a lone present mark (`Tilstades: X`)."""
    return not _LONE_MARK.match(text)


def _label_regex(labels: list[str]) -> str:
    ordered = sorted(set(labels), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, label.split())) for label in ordered)


MAX_BARE_LABEL_WORDS = 6  # a label line without a colon (`Deltakarar frå styret`, `DESSE MØTTE`)


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str], re.Pattern[str]]:
    rows = read_rows("attendance_markers.tsv")
    verbs = read_rows("attendance_verbs.tsv")
    kinds = {" ".join(label.casefold().split()): kind for label, kind, *_ in rows}
    for phrase, kind, *_ in verbs:
        kinds.setdefault(" ".join(phrase.casefold().split()), kind)
    labels = _label_regex([label for label, *_ in rows])
    lists = _label_regex([label for label, kind, *_ in rows if kind in ("present", "absent", "guest")])
    verb_labels = _label_regex([phrase for phrase, *_ in verbs] + [label for label, kind, *_ in rows if kind in ("present", "absent")])
    leads = _label_regex(list(read_words("attendance_label_leads.txt")))
    qualifiers = _label_regex(list(read_words("attendance_qualifiers.txt")))
    qualifier = rf"(?:{qualifiers})\s+[^\W\d][^:,]{{0,40}}"
    # `Følgende medlemmer møtte:`, `Fylgjande faste medlemmer var til stades:`, `Følgende fra
    # administrasjonen deltok:`, `Fra brukerutvalget møtte:`: lead words and/or a `fra X`
    # qualifier, then a verb phrase or a list label
    led = rf"(?:(?:{leads})\s+){{1,3}}(?:(?:fra|frå)\s+[^\W\d][^:,]{{0,40}}?\s+)?|(?:fra|frå)\s+[^\W\d][^:,]{{0,40}}?\s+"
    start = re.compile(
        rf"^\s*(?:(?P<label>{labels})\s*(?::\s*|$)"
        rf"|(?P<qlabel>{lists})\s+{qualifier}:\s*"
        rf"|(?:{led})(?P<vlabel>{verb_labels})(?:\s+{qualifier})?\s*(?::\s*|$)"
        rf"|(?P<blabel>{lists})\s+(?:{qualifiers})(?:\s+[^\W\d][\w-]*){{1,3}}\s*$)",
        re.I,
    )
    inline = re.compile(rf"(?<=[\s.;,])(?P<label>{labels})\s*:\s*", re.I)
    chair = re.compile(r"^\s*(?:møte)?(?:leder|leiar)\s+(?:av|for|i)\s+(?P<body>[^,:]{3,80})[,:]\s*", re.I)
    meeting = _label_regex([label for label, *_ in read_rows("meeting_labels.tsv")])
    meeting_re = re.compile(rf"^\s*(?:{meeting})\s*:", re.I)
    return start, inline, chair, kinds, meeting_re


def _label_match(text: str) -> re.Match[str] | None:
    """The attendance label `text` opens with; a label line without a colon must be short
    (`Deltakarar frå styret`, `DESSE MØTTE`), and a lead/verb label must end in a colon or the line."""
    match = _markers()[0].match(text)
    if match is None:
        return None
    bare = match.end() >= len(text.rstrip()) and not text.rstrip().endswith(":")
    return None if bare and len(text.split()) > MAX_BARE_LABEL_WORDS else match


@cache
def _officer_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((officer, re.compile(pattern, re.I)) for officer, pattern, *_ in read_rows("officer_roles.tsv"))


def _chair_statement(text: str) -> re.Match[str] | None:
    """`Leder av Strategisk samarbeidsutvalg, Tone Ikdahl, ...`: the body led must be an organ."""
    match = _markers()[2].match(text)
    if match is None or not find_organs(match["body"]):
        return None
    return match


def _is_officer(kind: str) -> bool:
    """A `Referent:` / `Møteleder:` label names one person on one line."""
    return kind in ("chair", "secretary")


def _start_label(match: re.Match[str]) -> str:
    """The label of a `start` match: plain (`Til stede:`), qualified (`Til stede fra styret:`),
    led (`Følgende medlemmer møtte:`) or a bare qualified line (`Deltakarar frå styret`)."""
    return match["label"] or match["qlabel"] or match["vlabel"] or match["blabel"]


def _kind(label: str) -> str:
    return _markers()[3][" ".join(label.casefold().split())]


def _chunks(text: str) -> list[tuple[str | None, str]]:
    """A line split at attendance labels: [(kind or None, text after it) ...]."""
    _, inline, _, _, _ = _markers()
    out: list[tuple[str | None, str]] = []
    match = _label_match(text)
    if match:
        kind, pos = _kind(_start_label(match)), match.end()
    else:
        chair_match = _chair_statement(text)
        if chair_match:
            kind, pos = "chair_statement", chair_match.end()
        else:
            kind, pos = None, 0
    rest = text[pos:]
    while True:
        nxt = inline.search(rest)
        if nxt is None or _kind(nxt["label"]) == "continue":
            out.append((kind, rest))
            return out
        out.append((kind, rest[: nxt.start()]))
        kind, rest = _kind(nxt["label"]), rest[nxt.end() :]


def _leaves_list(block: _Block, text: str, new_page: bool) -> bool:
    """Whether a line no longer belongs to the list being read: a bullet item, a new
    label of another kind (`Pasientene skal oppleve:`), a bullet item after plain entries, a new page after a finished
    entry (one not ending in a comma, hyphen or initial), or more text after a chair statement's sentence ended."""
    last = block.texts[-1].rstrip() if block.texts else ""
    if is_bullet_item(text):
        # bullets list the label's people when they open the list; after plain entries they are other text
        return not (block.bulleted or not block.texts)
    if text.endswith(":"):
        return True
    if new_page and last and not last.endswith((",", ";", "-")) and not is_initial(last.split()[-1]):
        return True  # a name broken after an initial (`Asle W.` / `Medhus`) goes on
    return block.kind == "chair_statement" and last.endswith(".")


def _ends_block(line: Line, is_case_heading: bool) -> bool:
    _, _, _, _, meeting = _markers()
    text = line.text.strip()
    return is_case_heading or bool(meeting.match(text)) or decision_label(text) is not None


def _blocks(lines: Sequence[Line], case_heading_at: set[int], list_end: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    count = 0
    previous_page = lines[0].page if lines else 1
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        new_page, previous_page = line.page != previous_page, line.page
        labelled = bool(_label_match(text) or _chair_statement(text))
        if not labelled:
            if current is None:
                continue
            if _ends_block(line, index in case_heading_at) or line.heading or count >= MAX_BLOCK_LINES:
                current = None
                continue
            if _leaves_list(current, text, new_page):
                current = None
                continue
            mark = _PRESENT_MARK.match(text)
            if mark and current.kind != "present":
                # `X Benjamin Vågen` in a list: the mark says present, whatever the label above
                current = _Block("present", marked=True)
                blocks.append(current)
            if mark:
                text = text[mark.end() :]
            current.add(text, line.page)
            count += 1
            if _is_officer(current.kind):
                current = None  # an officer label names one person
            continue
        chunks = _chunks(text)
        if len(chunks) > 1 and not any(_content(content) for _, content in chunks):
            # `Deltakere: Forfall:`: column headers run together; the list below is the first's
            chunks = chunks[:1]
        for kind, content in chunks:
            if kind == "continue":
                if current is not None:
                    current.add(content, line.page)
                continue
            if kind is None:
                if current is not None:
                    current.add(content, line.page)
                continue
            if index >= list_end and not _is_officer(kind):
                current = None
                continue
            current = _Block(kind)
            if _content(content):
                current.add(content, line.page)
            blocks.append(current)
            count = 0
        if current is not None and _is_officer(current.kind) and current.texts:
            current = None  # a one-line officer label
    return blocks


def _table_default(table: Table, lines: Sequence[Line]) -> str:
    """`absent` when the text right above the table is an absence label."""
    above = [ln for ln in lines if ln.page == table.page and ln.top < table.top and not ln.in_table and ln.text.strip()]
    if above:
        match = _label_match(above[-1].text.strip())
        if match and _kind(_start_label(match)) == "absent":
            return "absent"
    return "present"


def _to_attendee(person: Person) -> Attendee:
    return Attendee(
        name=person.name,
        role=person.role,
        org=person.org,
        substitute_for=person.substitute_for,
        page=person.page,
        meetings=person.meetings,
    )


def _block_people(block: _Block) -> list[Person]:
    """The people of a list block, each on the page of the line where their entry starts
    (a name broken across a page break is on its first page)."""
    text, starts = join_list_lines_at(block.texts)
    people = parse_people(text)
    cursor = 0
    page = block.pages[0] if block.pages else None
    for person in people:
        position = text.find(person.name, cursor)
        if position >= 0:
            cursor = position + len(person.name)
            for start, line_page in zip(starts, block.pages, strict=True):
                if 0 <= start <= position:
                    page = line_page
        person.page = page
    return people


def _officer(people: list[Person], officer: str) -> str | None:
    for person in people:
        if officer in person.remarks:
            return person.name
    for pattern_officer, pattern in _officer_patterns():
        if pattern_officer != officer:
            continue
        for person in people:
            if person.role and pattern.search(person.role):
                return person.name
    return None


def extract_attendees(
    lines: Sequence[Line],
    tables: Sequence[Table] = (),
    *,
    case_heading_at: set[int] | None = None,
) -> Attendees:
    """Attendees of a meeting document. `case_heading_at`: indexes of case heading lines
    (attendance lists are read only before the first one)."""
    headings = case_heading_at or set()
    list_end = min(headings) if headings else len(lines)
    present: list[Person] = []
    absent: list[Person] = []
    chair: str | None = None
    secretary: str | None = None
    seen_list = False
    for block in _blocks(lines, headings, list_end):
        people = _block_people(block)
        if block.kind == "guest" and not seen_list:
            continue  # `Invitert:` with no attendance list before it (a notice's guests)
        seen_list = seen_list or (block.kind in ("present", "absent") and bool(people))
        if block.kind == "absent":
            absent.extend(people)
            continue
        present.extend(people)
        if block.kind in ("chair", "chair_statement") and people and chair is None:
            chair = people[0].name
        if block.kind == "secretary" and people and secretary is None:
            secretary = people[0].name
    found = TableAttendees()
    for table in tables:
        result = read_table(table.rows, _table_default(table, lines))
        if result is not None:
            for person in [*result.present, *result.absent]:
                person.page = table.page
            found.present.extend(result.present)
            found.absent.extend(result.absent)
    text_lines = [ln for ln in lines if not ln.in_table]
    text_matrices = read_text_matrices([ln.text for ln in text_lines], [ln.page for ln in text_lines])
    found.present.extend(text_matrices.present)
    found.absent.extend(text_matrices.absent)
    present.extend(found.present)
    absent.extend(found.absent)
    return _assemble(present, absent, chair, secretary)


def _dedupe(people: list[Person], exclude: set[str]) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in people:
        if person.name in exclude:
            continue
        kept = seen.get(person.name)
        if kept is None:
            seen[person.name] = person
            continue
        if kept.org is None and person.org:
            kept.org = person.org
        if not kept.role_parts and person.role_parts:
            kept.role_parts, kept.role_orgs = person.role_parts, person.role_orgs
        kept.substitute_for = kept.substitute_for or person.substitute_for
        kept.page = kept.page or person.page
        if person.meetings:
            kept.meetings = sorted({*(kept.meetings or []), *person.meetings})
        kept.remarks |= person.remarks
    return list(seen.values())


def _assemble(present: list[Person], absent: list[Person], chair: str | None, secretary: str | None) -> Attendees:
    present_people = _dedupe(present, set())
    present_names = {p.name for p in present_people}
    absent_people = _dedupe(absent, present_names)
    absent_names = {p.name for p in absent_people}
    for person in present_people:
        target = person.substitute_for
        if target and target not in absent_names and target not in present_names:
            absent_people.append(Person(target, page=person.page))  # named on the deputy's entry
            absent_names.add(target)
    chair = chair or _officer(present_people, "chair")
    secretary = secretary or _officer(present_people, "secretary")
    return Attendees(
        present=[_to_attendee(p) for p in present_people],
        absent=[_to_attendee(p) for p in absent_people],
        chair=chair,
        secretary=secretary,
    )
