"""Norwegian NLP for samsok: a `LayoutDocument` from the extractors read into the
contract record (`contract.record.Record`).

Entry point: `build_record(layout, path=..., sha256=..., url=None)`. Every Norwegian
pattern the rules use is a data file in `nlp/data/` (see its README.md); each rule
lives in the module named for what it finds.
"""

from __future__ import annotations

from nlp.record_builder import build_record


def warm_up() -> None:
    """Load the spaCy pipeline, langdetect's profiles and the data tables once, before
    the first document (worker processes call this at start-up)."""
    from contract.saksnummer import case_heading
    from nlp.entities.organizations import find_organizations
    from nlp.entities.spacy_pipeline import name_starts
    from nlp.meeting.language import warm_up as warm_language

    warm_language()
    name_starts("Kari Nordmann, leder")
    find_organizations("Oslo kommune")
    case_heading("Sak 1/24 Velkommen")


__all__ = ["build_record", "warm_up"]
