"""The NLP pipeline: an ordered list of steps, each setting only what it declares."""

from __future__ import annotations

import copy
from dataclasses import fields

import pytest
from corpus_layout import corpus_layout

from nlp.analysis import Analysis
from nlp.pipeline import STEPS, check_order


def test_every_step_reads_what_an_earlier_step_set() -> None:
    check_order(STEPS)
    cases = next(s for s in STEPS if s.name == "cases")
    with pytest.raises(ValueError, match="context_year"):
        check_order([cases, *(s for s in STEPS if s is not cases)])


@pytest.mark.parametrize("name", ["helsefellesskap-oslo-ssu-referat-2024-12-05", "ous-styresak-19-2021-helsefellesskap"])
def test_a_step_changes_only_the_fields_it_declares(name: str) -> None:
    analysis = Analysis.from_layout(corpus_layout(name))
    for item in STEPS:
        before = copy.deepcopy(analysis)
        item.run(analysis)
        changed = {f.name for f in fields(Analysis) if getattr(before, f.name) != getattr(analysis, f.name)}
        assert changed <= set(item.sets), item.name
