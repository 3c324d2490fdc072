"""Chair and secretary stated in a report's running text."""

from __future__ import annotations

from extractors.layout import Line
from nlp.attendance.officers import officers_in_prose

# corpus/ahus-oslo-bydeler-arsrapport-2019: two bodies, each with its own chair
LINES = [
    Line("Direktørmøte – representanter og saker", 1, heading=True),
    Line("Øystein Mæland har ledet for forumet i 2019 og Bjørn Hjalmar Nielsen har vært sekretær.", 1),
    Line("Samarbeidsforum (SF) – representanter og saker", 2, heading=True),
    Line("Dette er forum for avdelings- og fagsjefer. Leder for Direktørmøtet er fast representant.", 2),
    Line("Bente Almås, Bydel Grorud, har ledet forumet i 2019 og Bjørn Hjalmar Nielsen, Ahus, har vært sekretær.", 2),
]


def test_the_statement_under_the_documents_organ() -> None:
    assert officers_in_prose(LINES, "Samarbeidsforum") == {"chair": "Bente Almås", "secretary": "Bjørn Hjalmar Nielsen"}
    assert officers_in_prose(LINES, "Direktørmøtet") == {"chair": "Øystein Mæland", "secretary": "Bjørn Hjalmar Nielsen"}


def test_a_statement_about_another_body_is_not_taken() -> None:
    lines = [
        Line("3. Strategisk samarbeidsutvalg (SSU)", 1, heading=True),
        Line("Adelheid Buschmann Kristiansen, kommunedirektør i Nittedal kommune, har ledet SSU i 2025.", 1),
    ]
    assert officers_in_prose(lines, "Partnerskapsmøtet") == {}
    assert officers_in_prose(lines, None) == {"chair": "Adelheid Buschmann Kristiansen"}
