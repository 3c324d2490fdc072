"""Norwegian NLP for samsok: a `LayoutDocument` from the extractors read into the
contract record (`contract.record.Record`).

Entry point: `build_record(layout, path=..., sha256=..., url=None)` (`nlp.pipeline`): an
ordered list of steps over one `Analysis` (`nlp.analysis`), each declaring what it reads
and sets. The rules sit in sub-packages by what they find: `meeting/` (language, title,
document type, organ, date), `cases/` (cases and decisions), `attendance/` (people and
attendance), `entities/` (persons, organisations, hospital areas); each has a `steps.py`.
`resources` and `textutil` are shared. Every Norwegian pattern is a data file in
`nlp/data/` (see its README.md). Above `extractors/` and `contract/`, below `samsok/`.
"""

from __future__ import annotations

from contract.saksnummer import case_heading
from nlp.entities.organizations import find_organizations
from nlp.entities.spacy_pipeline import name_starts
from nlp.meeting.language import warm_up as warm_language
from nlp.pipeline import build_record


def warm_up() -> None:
    """Load the spaCy pipeline, langdetect's profiles and the data tables once, before
    the first document (worker processes call this at start-up)."""
    warm_language()
    name_starts("Kari Nordmann, leder")
    find_organizations("Oslo kommune")
    case_heading("Sak 1/24 Velkommen")


__all__ = ["build_record", "warm_up"]
