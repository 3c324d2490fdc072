"""The query parser: syntax, leniency and case numbers."""

from __future__ import annotations

import pytest

from samsok.search.analysis import load_analysis
from samsok.search.query import And, CaseNumber, MatchAll, Not, Or, Phrase, SynonymRun, Term, parse

SYN = load_analysis().synonyms


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("rehabilitering", Term("rehabilitering")),
        ("FACT team", And((Term("fact"), Term("team")))),
        ("FACT AND team", And((Term("fact"), Term("team")))),
        ("fact OR act", Or((Term("fact"), Term("act")))),
        ("kommune -Ahus", And((Term("kommune"), Not(Term("ahus"))))),
        ("NOT ahus", Not(Term("ahus"))),
        ('"Strategisk samarbeidsutvalg"', Phrase(("strategisk", "samarbeidsutvalg"))),
        ("(fact OR act) AND (ahus", And((Or((Term("fact"), Term("act"))), Term("ahus")))),
        ("sak 33/24", CaseNumber("33/2024")),
        ("033/24", CaseNumber("33/2024")),
        ("33/2024 vedtak", And((CaseNumber("33/2024"), Term("vedtak")))),
        ('"unclosed', Term("unclosed")),
        ("AND", Term("and")),
        ("a OR", And((Term("a"), Term("or")))),
        ("(", MatchAll()),
        ("*", MatchAll()),
        ("😀", MatchAll()),
        ("", MatchAll()),
        ("--a", Term("a")),
    ],
)
def test_parse(text: str, tree: object) -> None:
    assert parse(text, SYN) == tree


def test_multiword_synonym_run() -> None:
    tree = parse("Oslo universitetssykehus", SYN)
    assert tree == Or((And((Term("oslo"), Term("universitetssykehus"))), SynonymRun(("oslo", "universitetssykehus"))))


def test_long_and_deep_queries_are_bounded() -> None:
    assert parse("(" * 900 + "x", SYN) == Term("x")
    tree = parse(" ".join(f"w{i}" for i in range(500)), SYN)
    assert isinstance(tree, And) and len(tree.items) == 32
